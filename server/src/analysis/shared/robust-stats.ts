// Robust statistics for baselines: a few outliers (a flash sale hour, a sold-out day) must not move them.

/** Scales the median absolute deviation to the standard deviation of a normal distribution. */
export const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const center = median(values);
  if (center === null) return null;
  return median(values.map((v) => Math.abs(v - center)));
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample standard deviation; null with fewer than two values. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

export interface RobustBaseline {
  median: number;
  /** MAD scaled to a standard deviation, floored so a flat history does not make every change infinite. */
  sigma: number;
  sampleSize: number;
}

export interface BaselineOptions {
  /** Sigma never goes below this. */
  minSigma?: number;
  /**
   * The history holds counts (orders, visitors): they vary by chance at least like a Poisson
   * variable, so sigma is also floored at sqrt(median). Turn off for ratios.
   */
  isCount?: boolean;
}

/** Median and scaled MAD of a history, with sigma floored so a flat history does not make every change infinite. */
export function robustBaseline(
  history: readonly number[],
  options: BaselineOptions = {},
): RobustBaseline | null {
  const { minSigma = 1, isCount = true } = options;
  const center = median(history);
  const mad = medianAbsoluteDeviation(history);
  if (center === null || mad === null) return null;
  const poisson = isCount ? Math.sqrt(Math.max(center, 0)) : 0;
  const sigma = Math.max(MAD_TO_SIGMA * mad, minSigma, poisson);
  return { median: center, sigma, sampleSize: history.length };
}

/** How many robust standard deviations a value lies from its baseline. */
export function robustZ(value: number, baseline: RobustBaseline): number {
  return (value - baseline.median) / baseline.sigma;
}
