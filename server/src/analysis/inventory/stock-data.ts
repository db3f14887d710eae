// What the inventory checks read: stock per SKU and warehouse at the diagnosis moment, sales
// velocities from the daily stock table, and the days a SKU was out everywhere.
import type { DataSpan } from '../shared/data-span.js';
import { addLocalDays, localDate, startOfLocalDay } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

export interface WarehouseStockLine {
  warehouseId: number;
  onHand: number;
  inbound: number;
  leadTimeDays: number;
  units7: number;
  units28: number;
}

export interface SkuStock {
  skuId: number;
  warehouses: WarehouseStockLine[];
  /** Units on hand across warehouses at the diagnosis moment (never below 0). */
  available: number;
  inbound: number;
  units7: number;
  units28: number;
  /** Standard deviation of daily units over the last 28 days; null with fewer than two days. */
  dailySd: number | null;
  /** Local days of the look-back that ended with no stock in any warehouse, oldest first. */
  zeroDays: string[];
}

export interface StockData {
  skus: SkuStock[];
  /** Whether the daily stock table had the day before the diagnosis (else stock is the current table). */
  hasDailyStock: boolean;
}

interface PairRow extends Record<string, unknown> {
  sku_id: number;
  warehouse_id: number;
  units_7: number | null;
  units_28: number | null;
  squares_28: number | null;
  days_28: number | null;
  on_hand_last: number | null;
  on_hand: number | null;
  reserved: number | null;
  inbound: number | null;
  lead_time_days: number | null;
}

/** Days on which every warehouse of the SKU ended at zero. */
function zeroEverywhere(lists: readonly (string[] | null)[]): string[] {
  if (lists.some((l) => l === null || l.length === 0)) return [];
  const [first, ...rest] = lists as string[][];
  return first!.filter((day) => rest.every((l) => l.includes(day)));
}

export async function loadStockData(context: AnalysisContext, span: DataSpan): Promise<StockData> {
  const tz = context.timeZone;
  const today = startOfLocalDay(span.asOf, tz);
  const day = (offset: number) => localDate(addLocalDays(today, offset, tz), tz);
  const spanStart = localDate(span.from, tz);
  // The daily stock table is the second largest the analyses read: plain sums over 28 days, and the
  // rare zero-stock rows fetched apart (a filtered scan), keep it to two light passes.
  const [pairs, zeroRows, soldToday] = await Promise.all([
    context.query<PairRow>(
      `WITH p AS (
         SELECT sku_id, warehouse_id,
                sum(units_sold) FILTER (WHERE day >= $3::date) AS units_7,
                sum(units_sold) AS units_28,
                sum(units_sold::bigint * units_sold) AS squares_28,
                count(*) AS days_28,
                sum(on_hand_end) FILTER (WHERE day = $4::date) AS on_hand_last
         FROM inventory_daily WHERE shop_id = $1 AND day >= $5::date AND day < $2::date
         GROUP BY sku_id, warehouse_id
       )
       SELECT sku_id, warehouse_id, p.units_7, p.units_28, p.squares_28, p.days_28, p.on_hand_last,
              i.on_hand, i.reserved, i.inbound, i.lead_time_days
       FROM p FULL JOIN (SELECT * FROM inventory WHERE shop_id = $1) i USING (sku_id, warehouse_id)`,
      [context.shopId, day(0), day(-7), day(-1), day(-28)],
    ),
    context.query<{ sku_id: number; warehouse_id: number; days: string[] }>(
      `SELECT sku_id, warehouse_id, array_agg(day::text) AS days FROM inventory_daily
       WHERE shop_id = $1 AND day >= $2::date AND day < $3::date AND on_hand_end <= 0
       GROUP BY sku_id, warehouse_id`,
      [context.shopId, spanStart, day(0)],
    ),
    context.query<{ sku_id: number; units: number }>(
      `SELECT sku_id, sum(units) AS units FROM sku_hourly_rollup
       WHERE shop_id = $1 AND hour >= $2 AND hour < $3 GROUP BY sku_id`,
      [context.shopId, today, span.asOf],
    ),
  ]);
  const zeroByPair = new Map(zeroRows.map((r) => [`${r.sku_id}|${r.warehouse_id}`, r.days.sort()]));
  const hasDailyStock = pairs.some((p) => p.on_hand_last !== null);
  const bySku = new Map<number, SkuStock & { variance: number; zeroLists: (string[] | null)[] }>();
  for (const p of pairs) {
    const onHand = hasDailyStock
      ? (p.on_hand_last ?? p.on_hand ?? 0)
      : Math.max(0, (p.on_hand ?? 0) - (p.reserved ?? 0));
    const line: WarehouseStockLine = {
      warehouseId: p.warehouse_id,
      onHand: Math.max(0, onHand),
      inbound: p.inbound ?? 0,
      leadTimeDays: p.lead_time_days ?? 7,
      units7: p.units_7 ?? 0,
      units28: p.units_28 ?? 0,
    };
    const sku = bySku.get(p.sku_id) ?? {
      skuId: p.sku_id,
      warehouses: [],
      available: 0,
      inbound: 0,
      units7: 0,
      units28: 0,
      dailySd: null,
      zeroDays: [],
      variance: 0,
      zeroLists: [],
    };
    sku.warehouses.push(line);
    sku.available += line.onHand;
    sku.inbound += line.inbound;
    sku.units7 += line.units7;
    sku.units28 += line.units28;
    // Warehouses' daily sales vary independently enough that their variances add.
    const n = p.days_28 ?? 0;
    if (n >= 2) {
      const mean = line.units28 / n;
      sku.variance += Math.max(0, ((p.squares_28 ?? 0) - n * mean * mean) / (n - 1));
      sku.dailySd = 0;
    }
    sku.zeroLists.push(zeroByPair.get(`${p.sku_id}|${p.warehouse_id}`) ?? null);
    bySku.set(p.sku_id, sku);
  }
  const sold = new Map(soldToday.map((r) => [r.sku_id, r.units]));
  const skus = [...bySku.values()]
    .sort((a, b) => a.skuId - b.skuId)
    .map(({ variance, zeroLists, ...sku }) => ({
      ...sku,
      dailySd: sku.dailySd === null ? null : Math.sqrt(variance),
      zeroDays: zeroEverywhere(zeroLists),
      // The daily table ends at yesterday; what sold today before the diagnosis is gone too.
      available: hasDailyStock ? Math.max(0, sku.available - (sold.get(sku.skuId) ?? 0)) : sku.available,
    }));
  return { skus, hasDailyStock };
}
