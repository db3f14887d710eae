// Shop totals (GMV, paid orders, visitors) per time window, from the hourly rollups.
import type { Window } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

export interface ShopTotals {
  gmvCents: number;
  orders: number;
  visitors: number;
}

interface TotalsRow extends Record<string, unknown> {
  idx: number;
  gmv: number;
  orders: number;
  visitors: number;
}

/** One ShopTotals per window, in the windows' order. */
export async function loadShopTotals(
  context: AnalysisContext,
  windows: readonly Window[],
): Promise<ShopTotals[]> {
  if (windows.length === 0) return [];
  const rows = await context.query<TotalsRow>(
    `SELECT w.idx::int AS idx, coalesce(s.gmv, 0) AS gmv, coalesce(s.orders, 0) AS orders,
            coalesce(v.visitors, 0) AS visitors
     FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(f, t, idx)
     LEFT JOIN LATERAL (
       SELECT sum(gmv_cents) AS gmv, sum(paid_orders) AS orders FROM shop_hourly_rollup
       WHERE shop_id = $1 AND hour >= w.f AND hour < w.t) s ON true
     LEFT JOIN LATERAL (
       SELECT sum(visitors) AS visitors FROM traffic_hourly
       WHERE shop_id = $1 AND hour >= w.f AND hour < w.t) v ON true
     ORDER BY w.idx`,
    [context.shopId, windows.map((w) => w.from), windows.map((w) => w.to)],
  );
  return rows.map((r) => ({ gmvCents: r.gmv, orders: r.orders, visitors: r.visitors }));
}

/** GMV per local hour of day over a window. */
export async function loadGmvByLocalHour(
  context: AnalysisContext,
  window: Window,
): Promise<Map<number, number>> {
  const rows = await context.query<{ h: number; gmv: number }>(
    `SELECT extract(hour FROM hour AT TIME ZONE $4)::int AS h, sum(gmv_cents) AS gmv
     FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3 GROUP BY 1`,
    [context.shopId, window.from, window.to, context.timeZone],
  );
  return new Map(rows.map((r) => [r.h, r.gmv]));
}
