// Stock in the wrong place: a warehouse about to run out of a SKU while another holds far more than it
// sells, which a transfer fixes faster than a reorder.
import type { Finding } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { formatMoney } from '../shared/money.js';
import { toIsoWindow, type Window } from '../shared/shop-time.js';
import type { SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import { skuAndWarehouses, transferStrategy } from './sku-stock-parts.js';
import type { SkuStock } from './stock-data.js';
import { planTransfers, type Transfer } from './stock-math.js';

/** A receiving warehouse gets enough for this many days; a donor keeps this many of its own. */
const TARGET_COVER_DAYS = 14;
const KEEP_COVER_DAYS = 28;

export interface Imbalance {
  sku: SkuStock;
  transfers: Transfer[];
}

export function findImbalances(stock: readonly SkuStock[]): Imbalance[] {
  const imbalances: Imbalance[] = [];
  for (const sku of stock) {
    if (sku.warehouses.length < 2 || sku.units28 <= 0) continue;
    const lines = sku.warehouses.map((w) => ({
      warehouseId: String(w.warehouseId),
      availableUnits: w.onHand,
      unitsPerDay: w.units28 / 28,
    }));
    // Only a warehouse that will run out within its lead time needs help now.
    const short = sku.warehouses.some((w) => w.units28 > 0 && w.onHand < (w.units28 / 28) * w.leadTimeDays);
    if (!short) continue;
    // A transfer has a fixed cost: fewer than 5 units or 3 days of the receiver's sales is not worth it.
    const transfers = planTransfers(lines, {
      targetCoverDays: TARGET_COVER_DAYS,
      keepCoverDays: KEEP_COVER_DAYS,
    }).filter(
      (t) =>
        t.units >= Math.max(5, 3 * (lines.find((l) => l.warehouseId === t.toWarehouseId)?.unitsPerDay ?? 0)),
    );
    if (transfers.length > 0) imbalances.push({ sku, transfers });
  }
  return imbalances;
}

export function imbalanceFinding(
  context: AnalysisContext,
  imbalance: Imbalance,
  facts: SkuFacts,
  window: Window,
): Finding {
  const { sku, transfers } = imbalance;
  const moved = transfers.reduce((s, t) => s + t.units, 0);
  const entities = skuAndWarehouses(sku, facts);
  const cover = (w: SkuStock['warehouses'][number]) => (w.units28 > 0 ? w.onHand / (w.units28 / 28) : null);
  return {
    id: buildFindingId('inventory', 'stock-imbalance', entities.slice(0, 1)),
    specialist: 'inventory',
    type: 'stock-imbalance',
    severity: 'medium',
    title: `${facts.label}: move ${moved} units between warehouses before one runs out`,
    summary: `${sku.warehouses
      .map((w) => `Warehouse ${w.warehouseId} holds ${w.onHand} units and sold ${w.units28} in 28 days`)
      .join(
        '; ',
      )}. Moving ${moved} units protects up to ${formatMoney(moved * facts.priceCents, context.currency)} of sales.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: sku.warehouses.map((w) =>
        figure(
          `daysOfCover:${w.warehouseId}`,
          `Days of cover in warehouse ${w.warehouseId}`,
          'days',
          cover(w),
          { value: w.leadTimeDays, label: 'its lead time' },
          'on hand / units per day over 28 days (inventory_daily)',
        ),
      ),
      series: [],
    },
    confidence: 0.8,
    strategies: transfers.map((t) =>
      transferStrategy(
        t,
        facts,
        t.units * facts.priceCents,
        'Shipping cost between warehouses; the donor keeps four weeks of its own sales.',
      ),
    ),
  };
}
