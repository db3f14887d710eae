// What a finding needs to name and price a SKU: its label, product, category, price and cost.
import type { AnalysisContext } from '../types.js';

export interface SkuFacts {
  skuId: number;
  productId: number;
  /** Product title and SKU name, as a person would call it. */
  label: string;
  productTitle: string;
  category: string;
  priceCents: number;
  /** Null when the merchant has not told us the cost: profit impacts are then unknown, not zero. */
  costCents: number | null;
}

interface SkuFactsRow extends Record<string, unknown> {
  sku_id: number;
  product_id: number;
  sku_name: string;
  title: string;
  category: string;
  price_cents: number;
  cost_cents: number | null;
}

export async function loadSkuFacts(
  context: AnalysisContext,
  skuIds: readonly number[],
): Promise<Map<number, SkuFacts>> {
  if (skuIds.length === 0) return new Map();
  const rows = await context.query<SkuFactsRow>(
    `SELECT s.id AS sku_id, s.product_id, s.name AS sku_name, p.title, p.category, s.price_cents, s.cost_cents
     FROM skus s JOIN products p ON p.shop_id = s.shop_id AND p.id = s.product_id
     WHERE s.shop_id = $1 AND s.id = ANY($2::int[])`,
    [context.shopId, [...new Set(skuIds)]],
  );
  return new Map(
    rows.map((r) => [
      r.sku_id,
      {
        skuId: r.sku_id,
        productId: r.product_id,
        label: r.sku_name && r.sku_name !== r.title ? `${r.title} ${r.sku_name}` : r.title,
        productTitle: r.title,
        category: r.category,
        priceCents: r.price_cents,
        costCents: r.cost_cents,
      },
    ]),
  );
}

/** Gross margin ratio (price − cost) / price; null without a cost or a price. */
export function marginRatio(facts: Pick<SkuFacts, 'priceCents' | 'costCents'>): number | null {
  if (facts.costCents === null || facts.priceCents <= 0) return null;
  return (facts.priceCents - facts.costCents) / facts.priceCents;
}
