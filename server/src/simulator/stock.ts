// Stock per SKU and warehouse, set after the sales are known: enough opening stock that nothing runs
// out by accident, except the planted stock-out (opening stock = what it sold before running out)
// and the planted overstock (months of cover).
import { DAY, type Season } from './calendar.js';
import type { Catalog } from './catalog.js';
import type { Sales } from './orders.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';

/** Trailing window used for days of cover. */
export const COVER_WINDOW_DAYS = 28;

export interface Stock {
  /** Opening stock per SKU warehouse slot: index (sku − 1) · 2 + slot. */
  opening: Int32Array;
  closing: Int32Array;
  leadTimeDays: Int32Array;
  restock: { pair: number; day: number; units: number } | null;
}

export function pairUnits(
  sales: Sales,
  season: Season,
  pair: number,
  fromDay = 0,
  toDay = season.days,
): number {
  let units = 0;
  for (let d = fromDay; d < toDay; d++) units += sales.unitsSold[pair * season.days + d]!;
  return units;
}

export function planStock(rng: Rng, season: Season, catalog: Catalog, plan: Plan, sales: Sales): Stock {
  const pairs = catalog.skus.length * 2;
  const stock: Stock = {
    opening: new Int32Array(pairs),
    closing: new Int32Array(pairs),
    leadTimeDays: new Int32Array(pairs),
    restock: null,
  };
  const overstock = new Map(plan.overstock?.skuIds.map((id, i) => [id, plan.overstock!.coverDays[i]!]));
  for (const sku of catalog.skus) {
    for (let slot = 0; slot < sku.warehouseIds.length; slot++) {
      const pair = (sku.id - 1) * 2 + slot;
      const seasonUnits = pairUnits(sales, season, pair);
      const coverDays = overstock.get(sku.id);
      let opening: number;
      if (plan.stockOut?.skuId === sku.id) {
        opening = sales.stockOutUnitsBefore;
        const restockDay = Math.floor(plan.stockOut.restockSec / DAY);
        const after = seasonUnits - opening;
        const units = Math.max(Math.ceil(opening * 0.6) + 5, after + 5);
        stock.restock = { pair, day: restockDay, units };
      } else if (coverDays !== undefined) {
        const recent = pairUnits(sales, season, pair, season.days - COVER_WINDOW_DAYS) / COVER_WINDOW_DAYS;
        opening = seasonUnits + Math.max(300, Math.round(coverDays * recent));
      } else {
        opening = Math.ceil(seasonUnits * rng.between(1.2, 1.5)) + rng.intBetween(3, 10);
      }
      stock.opening[pair] = opening;
      stock.closing[pair] = opening - seasonUnits + (stock.restock?.pair === pair ? stock.restock.units : 0);
      stock.leadTimeDays[pair] = rng.intBetween(3, 15);
    }
  }
  return stock;
}

/** End-of-day stock of a pair on each day, into `out` (length = season days). */
export function dailyOnHand(season: Season, sales: Sales, stock: Stock, pair: number, out: Int32Array): void {
  let onHand = stock.opening[pair]!;
  for (let d = 0; d < season.days; d++) {
    onHand -= sales.unitsSold[pair * season.days + d]!;
    if (stock.restock?.pair === pair && stock.restock.day === d) onHand += stock.restock.units;
    out[d] = onHand;
  }
}
