// Binarized multinomial naive Bayes for two classes, stored as one log-odds weight per feature.
// A text's score is the mean weight of its known features, so a one-line review and a long essay are
// judged on the same scale; it is positive when the mean reaches the calibrated threshold.
import { z } from 'zod';

export const SentimentLanguageModelSchema = z.object({
  /** Mean log-odds at which a text turns positive; set by cross-validation. */
  threshold: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type SentimentLanguageModel = z.infer<typeof SentimentLanguageModelSchema>;

export interface LabelledFeatures {
  features: ReadonlySet<string>;
  isPositive: boolean;
}

export interface TrainOptions {
  /** Laplace smoothing. */
  alpha: number;
  /** A feature must occur in at least this many training texts. */
  minDocuments: number;
  /** Keep only the most informative features, so the shipped file stays small. */
  maxFeatures: number;
  /** Decimal places kept in the shipped weights. */
  precision: number;
}

export function trainNaiveBayes(examples: LabelledFeatures[], options: TrainOptions): SentimentLanguageModel {
  const docs = { pos: 0, neg: 0 };
  const counts = new Map<string, { pos: number; neg: number }>();
  for (const example of examples) {
    const side = example.isPositive ? 'pos' : 'neg';
    docs[side] += 1;
    for (const feature of example.features) {
      const count = counts.get(feature) ?? { pos: 0, neg: 0 };
      count[side] += 1;
      counts.set(feature, count);
    }
  }
  if (docs.pos === 0 || docs.neg === 0) {
    throw new Error(
      `Cannot train sentiment: need both classes, got ${docs.pos} positive and ${docs.neg} negative texts.`,
    );
  }
  const kept = [...counts].filter(([, c]) => c.pos + c.neg >= options.minDocuments);
  const totalPos = kept.reduce((sum, [, c]) => sum + c.pos, 0);
  const totalNeg = kept.reduce((sum, [, c]) => sum + c.neg, 0);
  const vocabulary = kept.length;
  const { alpha } = options;
  const scored = kept.map(([feature, c]) => {
    const weight =
      Math.log((c.pos + alpha) / (totalPos + alpha * vocabulary)) -
      Math.log((c.neg + alpha) / (totalNeg + alpha * vocabulary));
    // Informative = strong weight on a feature that occurs often enough to matter.
    return { feature, weight, informativeness: Math.abs(weight) * Math.log1p(c.pos + c.neg) };
  });
  scored.sort((a, b) => b.informativeness - a.informativeness || (a.feature < b.feature ? -1 : 1));
  const factor = 10 ** options.precision;
  const weights: Record<string, number> = {};
  for (const { feature, weight } of scored.slice(0, options.maxFeatures)) {
    weights[feature] = Math.round(weight * factor) / factor;
  }
  return { threshold: 0, weights };
}

/** Mean log-odds of the text's known features; null when it has none (empty or unseen text). */
export function meanFeatureWeight(model: SentimentLanguageModel, features: Iterable<string>): number | null {
  let sum = 0;
  let known = 0;
  for (const feature of features) {
    const weight = model.weights[feature];
    if (weight !== undefined) {
      sum += weight;
      known++;
    }
  }
  return known > 0 ? sum / known : null;
}

/** Signed distance from the decision threshold: ≥ 0 reads positive; 0 for a text with no known feature. */
export function scoreNaiveBayes(model: SentimentLanguageModel, features: Iterable<string>): number {
  const mean = meanFeatureWeight(model, features);
  return mean === null ? 0 : mean - model.threshold;
}
