// Is a rate (conversion, click-through, search share) really lower than another, or just noise?

/**
 * Two-proportion z statistic of x1/n1 against x0/n0 with a pooled standard error; null when either
 * sample is empty or the pooled rate is 0 or 1 (no variance to judge by).
 */
export function twoProportionZ(x1: number, n1: number, x0: number, n0: number): number | null {
  if (n1 <= 0 || n0 <= 0) return null;
  const pooled = (x1 + x0) / (n1 + n0);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n0);
  if (variance <= 0) return null;
  return (x1 / n1 - x0 / n0) / Math.sqrt(variance);
}

/** z of x successes in n trials against an expected rate p; null when n is 0 or p is 0 or 1. */
export function binomialZ(x: number, n: number, p: number): number | null {
  if (n <= 0 || p <= 0 || p >= 1) return null;
  return (x - n * p) / Math.sqrt(n * p * (1 - p));
}
