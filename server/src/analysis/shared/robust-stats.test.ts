import { describe, expect, it } from 'vitest';
import { binomialZ, twoProportionZ } from './proportions.js';
import {
  median,
  medianAbsoluteDeviation,
  robustBaseline,
  robustZ,
  standardDeviation,
} from './robust-stats.js';

describe('robust statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('measures spread by the median absolute deviation, untouched by one wild value', () => {
    // deviations from 3: 2, 1, 0, 1, 997 → median 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 1000])).toBe(1);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
  });

  it('floors sigma at sqrt(median) for counts and not for ratios', () => {
    expect(robustBaseline([100, 100, 100])).toEqual({ median: 100, sigma: 10, sampleSize: 3 });
    expect(robustBaseline([0.3, 0.3, 0.3], { isCount: false, minSigma: 0.01 })?.sigma).toBe(0.01);
    const baseline = robustBaseline([10, 12, 14, 16, 18])!;
    // MAD = 2 → sigma = 2.9652, above sqrt(14) = 3.74? No: sqrt wins.
    expect(baseline.sigma).toBeCloseTo(Math.sqrt(14), 10);
    expect(robustZ(0, baseline)).toBeCloseTo(-14 / Math.sqrt(14), 10);
  });
});

describe('twoProportionZ', () => {
  it('is about −2.83 for 10% against 20% on 200 trials each', () => {
    // pooled 0.15, se = sqrt(0.15·0.85·(2/200)) = 0.035707
    expect(twoProportionZ(20, 200, 40, 200)).toBeCloseTo(-0.1 / Math.sqrt(0.15 * 0.85 * 0.01), 10);
  });

  it('has no answer for empty samples or rates without variance', () => {
    expect(twoProportionZ(0, 0, 5, 10)).toBeNull();
    expect(twoProportionZ(0, 10, 0, 10)).toBeNull();
  });
});

describe('binomialZ', () => {
  it('is −4.2 for 60 conversions in 1,000 visits against an expected 10%', () => {
    // sd = sqrt(1000 · 0.1 · 0.9) = 9.4868; (60 − 100) / 9.4868 = −4.216
    expect(binomialZ(60, 1000, 0.1)).toBeCloseTo(-40 / Math.sqrt(90), 10);
    expect(binomialZ(0, 0, 0.1)).toBeNull();
    expect(binomialZ(5, 10, 0)).toBeNull();
  });
});
