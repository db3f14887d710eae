// Picks the naive Bayes decision threshold by k-fold cross-validation on the training part only:
// NB's log-odds lean toward the class with more text (English reviews are 87% positive), so a
// threshold of 0 calls many complaints positive.
import {
  type LabelledFeatures,
  meanFeatureWeight,
  type TrainOptions,
  trainNaiveBayes,
} from './naive-bayes.js';
import { measureSentiment } from './sentiment-metrics.js';

export interface ScoredLabel {
  score: number;
  isPositive: boolean;
}

/** The threshold (on a 0.005 grid) with the best balanced accuracy; ties go to the one nearest 0. */
export function bestThreshold(scored: readonly ScoredLabel[]): {
  threshold: number;
  balancedAccuracy: number;
} {
  const candidates = [...new Set([0, ...scored.map((s) => Math.round(s.score * 200) / 200)])];
  candidates.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  let best = { threshold: 0, balancedAccuracy: -1 };
  for (const threshold of candidates) {
    const metrics = measureSentiment(
      scored.map((s) => ({ isPositive: s.isPositive, predictedPositive: s.score >= threshold })),
    );
    const balanced = metrics.balancedAccuracy ?? 0;
    if (balanced > best.balancedAccuracy) best = { threshold, balancedAccuracy: balanced };
  }
  return best;
}

/** Out-of-fold scores: each example is scored by a model that did not see it. */
export function outOfFoldScores(
  examples: readonly LabelledFeatures[],
  options: TrainOptions,
  folds = 5,
): ScoredLabel[] {
  const scored: ScoredLabel[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = trainNaiveBayes(
      examples.filter((_, i) => i % folds !== fold),
      options,
    );
    examples.forEach((example, i) => {
      if (i % folds === fold) {
        const score = meanFeatureWeight(model, example.features);
        if (score !== null) scored.push({ score, isPositive: example.isPositive });
      }
    });
  }
  return scored;
}
