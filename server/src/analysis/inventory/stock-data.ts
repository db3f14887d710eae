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
  /** Local days of the velocity window (28 complete days before the diagnosis day). */
  velocityDays: string[];
  /** Whether the daily stock table had the day before the diagnosis (else stock is the current table). */
  hasDailyStock: boolean;
}

interface PairRow extends Record<string, unknown> {
  sku_id: number;
  warehouse_id: number;
  units_7: number | null;
  units_28: number | null;
  on_hand_last: number | null;
  on_hand: number | null;
  reserved: number | null;
  inbound: number | null;
  lead_time_days: number | null;
}

interface SkuRow extends Record<string, unknown> {
  sku_id: number;
  sd: number | null;
  zero_days: string[] | null;
  sold_today: number;
}

export async function loadStockData(context: AnalysisContext, span: DataSpan): Promise<StockData> {
  const tz = context.timeZone;
  const today = startOfLocalDay(span.asOf, tz);
  const day = (offset: number) => localDate(addLocalDays(today, offset, tz), tz);
  const spanStart = localDate(span.from, tz);
  const [pairs, skus] = await Promise.all([
    context.query<PairRow>(
      `WITH p AS (
         SELECT sku_id, warehouse_id,
                sum(units_sold) FILTER (WHERE day >= $3::date) AS units_7,
                sum(units_sold) AS units_28,
                sum(on_hand_end) FILTER (WHERE day = $4::date) AS on_hand_last
         FROM inventory_daily WHERE shop_id = $1 AND day >= $5::date AND day < $2::date
         GROUP BY sku_id, warehouse_id
       )
       SELECT sku_id, warehouse_id, p.units_7, p.units_28, p.on_hand_last,
              i.on_hand, i.reserved, i.inbound, i.lead_time_days
       FROM p FULL JOIN (SELECT * FROM inventory WHERE shop_id = $1) i USING (sku_id, warehouse_id)`,
      [context.shopId, day(0), day(-7), day(-1), day(-28)],
    ),
    context.query<SkuRow>(
      `WITH d AS (
         SELECT sku_id, day, sum(units_sold) AS units, sum(on_hand_end) AS on_hand
         FROM inventory_daily WHERE shop_id = $1 AND day >= $2::date AND day < $3::date
         GROUP BY sku_id, day
       ),
       today AS (
         SELECT sku_id, sum(units) AS units FROM sku_hourly_rollup
         WHERE shop_id = $1 AND hour >= $5 AND hour < $6 GROUP BY sku_id
       )
       SELECT coalesce(s.sku_id, t.sku_id) AS sku_id, s.sd, s.zero_days, coalesce(t.units, 0) AS sold_today
       FROM (SELECT sku_id, stddev_samp(units) FILTER (WHERE day >= $4::date)::float8 AS sd,
                    array_agg(day::text ORDER BY day) FILTER (WHERE on_hand <= 0) AS zero_days
             FROM d GROUP BY sku_id) s
       FULL JOIN today t USING (sku_id)`,
      [context.shopId, spanStart, day(0), day(-28), today, span.asOf],
    ),
  ]);
  const hasDailyStock = pairs.some((p) => p.on_hand_last !== null);
  const bySku = new Map<number, SkuStock>();
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
    };
    sku.warehouses.push(line);
    sku.available += line.onHand;
    sku.inbound += line.inbound;
    sku.units7 += line.units7;
    sku.units28 += line.units28;
    bySku.set(p.sku_id, sku);
  }
  for (const s of skus) {
    const sku = bySku.get(s.sku_id);
    if (!sku) continue;
    sku.dailySd = s.sd;
    sku.zeroDays = s.zero_days ?? [];
    // The daily table ends at yesterday; what sold today before the diagnosis is gone too.
    if (hasDailyStock) sku.available = Math.max(0, sku.available - s.sold_today);
  }
  const velocityDays = Array.from({ length: 28 }, (_, i) => day(i - 28));
  return { skus: [...bySku.values()].sort((a, b) => a.skuId - b.skuId), velocityDays, hasDailyStock };
}
