// Division with explicit zero handling: a ratio over nothing is unknown (null), never NaN or Infinity.

/** a / b, or null when b is zero or either side is not a finite number. */
export function safeRatio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}
