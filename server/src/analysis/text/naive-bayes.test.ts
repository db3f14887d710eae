import { describe, expect, it } from 'vitest';
import { bestThreshold } from './calibrate-threshold.js';
import { splitHeldOut } from './labelled-reviews.js';
import { meanFeatureWeight, scoreNaiveBayes, trainNaiveBayes } from './naive-bayes.js';

const OPTIONS = { alpha: 1, minDocuments: 1, maxFeatures: 100, precision: 6 };

describe('trainNaiveBayes', () => {
  it('computes Laplace-smoothed log-odds per feature and the log prior ratio', () => {
    const model = trainNaiveBayes(
      [
        { features: new Set(['good']), isPositive: true },
        { features: new Set(['good', 'fast']), isPositive: true },
        { features: new Set(['bad']), isPositive: false },
      ],
      OPTIONS,
    );
    // Vocabulary 3; positive feature total 3, negative total 1.
    // good: log((2+1)/(3+3)) − log((0+1)/(1+3)) = log(0.5 / 0.25) = log 2
    expect(model.weights.good).toBeCloseTo(Math.log(2), 6);
    // bad: log(1/6) − log(2/4) = log(1/3)
    expect(model.weights.bad).toBeCloseTo(Math.log(1 / 3), 6);
    expect(model.threshold).toBe(0);
    // Mean over known features only: (log 2 + log 1/3) / 2; 'unknown' does not dilute it.
    expect(scoreNaiveBayes(model, ['good', 'bad', 'unknown'])).toBeCloseTo(
      (Math.log(2) + Math.log(1 / 3)) / 2,
      6,
    );
    expect(scoreNaiveBayes({ ...model, threshold: 0.5 }, ['good'])).toBeCloseTo(Math.log(2) - 0.5, 6);
    expect(meanFeatureWeight(model, ['unknown'])).toBeNull();
  });

  it('drops rare features and keeps only the most informative ones', () => {
    const model = trainNaiveBayes(
      [
        { features: new Set(['great', 'the', 'once']), isPositive: true },
        { features: new Set(['great', 'the']), isPositive: true },
        { features: new Set(['awful', 'the']), isPositive: false },
        { features: new Set(['awful', 'the']), isPositive: false },
      ],
      { ...OPTIONS, minDocuments: 2, maxFeatures: 2 },
    );
    expect(Object.keys(model.weights).sort()).toEqual(['awful', 'great']);
  });

  it('refuses to train on one class with a message that says what is missing', () => {
    expect(() => trainNaiveBayes([{ features: new Set(['a']), isPositive: true }], OPTIONS)).toThrow(
      /0 negative/,
    );
  });
});

describe('bestThreshold', () => {
  it('moves the threshold up when positives score high and negatives score moderately', () => {
    const scored = [
      { score: 9, isPositive: true },
      { score: 8, isPositive: true },
      { score: 7, isPositive: true },
      { score: 3, isPositive: false },
      { score: 2, isPositive: false },
    ];
    const best = bestThreshold(scored);
    expect(best.balancedAccuracy).toBe(1);
    expect(best.threshold).toBe(7);
  });
});

describe('splitHeldOut', () => {
  it('holds out a fixed 20% and gives the same split on every call', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const first = splitHeldOut(items, 7);
    expect(first.heldOut).toHaveLength(20);
    expect(first.train).toHaveLength(80);
    expect(splitHeldOut(items, 7).heldOut).toEqual(first.heldOut);
    expect(new Set([...first.heldOut, ...first.train]).size).toBe(100);
  });
});
