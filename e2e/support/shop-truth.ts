// Ground truth for browser specs, computed straight from raw rows (orders, traffic, promotions),
// independently of the rollups and services the app reads. Days are whole days in the shop's time zone.

import type { Db } from '../../server/src/db/client.js';
import type { DateRange } from '../../shared/src/index.js';

export interface ShopFacts {
  id: number;
  slug: string;
  currency: string;
  timeZone: string;
}

export async function shopFacts(db: Db, slug: string): Promise<ShopFacts> {
  const { rows } = await db.pool.query<ShopFacts>(
    'SELECT id, slug, currency, time_zone AS "timeZone" FROM shops WHERE slug = $1',
    [slug],
  );
  if (!rows[0]) throw new Error(`No shop "${slug}" in the e2e database: did the simulator seed it?`);
  return rows[0];
}

/** The promotion's and each phase's shop-local days; the end instant is exclusive. */
export async function promotionDays(db: Db, shop: ShopFacts): Promise<Record<string, DateRange>> {
  const { rows } = await db.pool.query<{ id: string; from: string; to: string }>(
    `SELECT 'all' AS id, to_char(starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS "from",
            to_char((ends_at - interval '1 millisecond') AT TIME ZONE $2, 'YYYY-MM-DD') AS "to"
       FROM promotions WHERE shop_id = $1
     UNION ALL
     SELECT phase::text, to_char(starts_at AT TIME ZONE $2, 'YYYY-MM-DD'),
            to_char((ends_at - interval '1 millisecond') AT TIME ZONE $2, 'YYYY-MM-DD')
       FROM promotion_phases WHERE shop_id = $1`,
    [shop.id, shop.timeZone],
  );
  return Object.fromEntries(rows.map((row) => [row.id, { from: row.from, to: row.to }]));
}

export interface RangeTruth {
  gmvCents: number;
  orders: number;
  visitors: number;
  /** orders ÷ visitors; null without visitors. */
  conversionRate: number | null;
}

/** Paid orders (paid, shipped, delivered, refunded) placed within the days, and visitors of those days. */
export async function rangeTruth(db: Db, shop: ShopFacts, range: DateRange): Promise<RangeTruth> {
  const { rows } = await db.pool.query<{ gmvCents: number; orders: number; visitors: number }>(
    `WITH w AS (
       SELECT ($2::date)::timestamp AT TIME ZONE $4 AS start, ($3::date + 1)::timestamp AT TIME ZONE $4 AS stop
     )
     SELECT
       (SELECT coalesce(sum(o.total_cents), 0) FROM orders o, w
         WHERE o.shop_id = $1 AND o.status IN ('paid', 'shipped', 'delivered', 'refunded')
           AND o.placed_at >= w.start AND o.placed_at < w.stop) AS "gmvCents",
       (SELECT count(*) FROM orders o, w
         WHERE o.shop_id = $1 AND o.status IN ('paid', 'shipped', 'delivered', 'refunded')
           AND o.placed_at >= w.start AND o.placed_at < w.stop) AS orders,
       (SELECT coalesce(sum(t.visitors), 0) FROM traffic_hourly t, w
         WHERE t.shop_id = $1 AND t.hour >= w.start AND t.hour < w.stop) AS visitors`,
    [shop.id, range.from, range.to, shop.timeZone],
  );
  const { gmvCents, orders, visitors } = rows[0]!;
  return { gmvCents, orders, visitors, conversionRate: visitors === 0 ? null : orders / visitors };
}
