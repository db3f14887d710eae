// Markdown for overstock: the discount that would clear the excess within a horizon, under a
// constant price elasticity, and what it does to GMV and profit.

/** Units sold rise by this much per unit of relative price cut (−2: a 10% cut sells 20% more). */
export const DEFAULT_PRICE_ELASTICITY = 2;

export interface MarkdownInput {
  stockUnits: number;
  /** Units to keep after the horizon (e.g. the normal cover); the rest is excess to clear. */
  keepUnits: number;
  unitsPerDay: number;
  horizonDays: number;
  priceCents: number;
  costCents: number | null;
  elasticity?: number;
  maxDiscount?: number;
}

export interface Markdown {
  discount: number;
  extraUnits: number;
  gmvDeltaCents: number;
  /** Null when the SKU has no cost: profit cannot be known. */
  profitDeltaCents: number | null;
  /** Stock value (at cost) the extra sales free up; null without cost. */
  cashFreedCents: number | null;
}

export function suggestMarkdown(input: MarkdownInput): Markdown {
  const elasticity = input.elasticity ?? DEFAULT_PRICE_ELASTICITY;
  const maxDiscount = input.maxDiscount ?? 0.3;
  const excess = Math.max(0, input.stockUnits - input.keepUnits);
  const baselineUnits = Math.min(input.stockUnits, input.unitsPerDay * input.horizonDays);
  const wantedUnits = Math.min(input.stockUnits, baselineUnits + excess);
  const neededLift = baselineUnits > 0 ? wantedUnits / baselineUnits - 1 : Number.POSITIVE_INFINITY;
  const discount = Math.round(Math.min(maxDiscount, Math.max(0.05, neededLift / elasticity)) * 100) / 100;
  const liftedUnits = Math.min(input.stockUnits, baselineUnits * (1 + elasticity * discount));
  const extraUnits = Math.floor(liftedUnits - baselineUnits);
  const salePrice = input.priceCents * (1 - discount);
  // Units that would have sold anyway now sell cheaper; the extra units bring new revenue.
  const giveaway = baselineUnits * input.priceCents * discount;
  const gmvDeltaCents = Math.round(extraUnits * salePrice - giveaway);
  const profitDeltaCents =
    input.costCents === null ? null : Math.round(extraUnits * (salePrice - input.costCents) - giveaway);
  const cashFreedCents = input.costCents === null ? null : extraUnits * input.costCents;
  return { discount, extraUnits, gmvDeltaCents, profitDeltaCents, cashFreedCents };
}
