// Pieces every inventory finding shares: the SKU and its warehouses as entities, the SKU's margin,
// and a stock transfer as a candidate strategy.
import type { CandidateStrategy, EntityRef } from '@zhanggui/shared';
import { impactRange, profitRange } from '../shared/impact.js';
import { safeRatio } from '../shared/ratios.js';
import type { SkuFacts } from '../shared/sku-facts.js';
import type { SkuStock } from './stock-data.js';
import type { Transfer } from './stock-math.js';

/** The SKU first, then its warehouses (only those holding stock when asked). */
export function skuAndWarehouses(sku: SkuStock, facts: SkuFacts, onlyStocked = false): EntityRef[] {
  return [
    { kind: 'sku', id: String(sku.skuId), label: facts.label },
    ...sku.warehouses
      .filter((w) => !onlyStocked || w.onHand > 0)
      .map((w) => ({
        kind: 'warehouse' as const,
        id: String(w.warehouseId),
        label: `warehouse ${w.warehouseId}`,
      })),
  ];
}

/** (price − cost) / price; null without a cost, so profit impacts stay unknown rather than invented. */
export function skuMargin(facts: SkuFacts): number | null {
  return facts.costCents === null ? null : safeRatio(facts.priceCents - facts.costCents, facts.priceCents);
}

/** Moving units between warehouses, worth about half the sales they protect. */
export function transferStrategy(
  transfer: Transfer,
  facts: SkuFacts,
  protectedGmvCents: number,
  note: string,
): CandidateStrategy {
  const gmv = impactRange(protectedGmvCents * 0.5, 0.5);
  return {
    kind: 'transfer-stock',
    title: `Move ${transfer.units} units of ${facts.label} from warehouse ${transfer.fromWarehouseId} to warehouse ${transfer.toWarehouseId}`,
    params: {
      skuId: String(facts.skuId),
      fromWarehouseId: transfer.fromWarehouseId,
      toWarehouseId: transfer.toWarehouseId,
      units: transfer.units,
    },
    expectedImpact: { gmvCents: gmv, profitCents: profitRange(gmv, skuMargin(facts)) },
    risk: { level: 'low', note },
  };
}
