// Expected-impact ranges for candidate strategies, in minor units.

export interface ImpactRange {
  low: number;
  expected: number;
  high: number;
}

/** expected ± spread (relative), rounded to whole minor units, ordered low ≤ expected ≤ high. */
export function impactRange(expected: number, relativeSpread: number): ImpactRange {
  const a = Math.round(expected * (1 - relativeSpread));
  const b = Math.round(expected * (1 + relativeSpread));
  return { low: Math.min(a, b), expected: Math.round(expected), high: Math.max(a, b) };
}

/**
 * Profit from a GMV range at a known gross margin ratio; null when the margin is unknown
 * (a SKU without cost), because a made-up margin would be a made-up profit.
 */
export function profitRange(
  gmv: ImpactRange,
  marginRatio: number | null,
  extraCostCents = 0,
): ImpactRange | null {
  if (marginRatio === null) return null;
  return {
    low: Math.round(gmv.low * marginRatio - extraCostCents),
    expected: Math.round(gmv.expected * marginRatio - extraCostCents),
    high: Math.round(gmv.high * marginRatio - extraCostCents),
  };
}
