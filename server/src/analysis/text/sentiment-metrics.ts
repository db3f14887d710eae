// Accuracy figures for a two-class classifier on labelled texts.
import { safeRatio } from '@zhanggui/shared';

export interface SentimentMetrics {
  count: number;
  accuracy: number | null;
  /** Mean of the recall on positives and on negatives: honest when classes are skewed. */
  balancedAccuracy: number | null;
  negativeRecall: number | null;
  negativePrecision: number | null;
}

export function measureSentiment(
  pairs: { isPositive: boolean; predictedPositive: boolean }[],
): SentimentMetrics {
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (const { isPositive, predictedPositive } of pairs) {
    if (isPositive && predictedPositive) tp++;
    else if (!isPositive && !predictedPositive) tn++;
    else if (!isPositive && predictedPositive) fp++;
    else fn++;
  }
  const positiveRecall = safeRatio(tp, tp + fn);
  const negativeRecall = safeRatio(tn, tn + fp);
  return {
    count: pairs.length,
    accuracy: safeRatio(tp + tn, pairs.length),
    balancedAccuracy:
      positiveRecall === null || negativeRecall === null ? null : (positiveRecall + negativeRecall) / 2,
    negativeRecall,
    negativePrecision: safeRatio(tn, tn + fn),
  };
}
