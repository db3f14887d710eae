// Pattern oracles over customers and after-sales rows (see pattern-queries.ts): silent frequent
// buyers, refund bursts with one dominant reason, late shipments per warehouse, low-rating bursts.
import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

async function rows<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/**
 * Customers with at least `minOrders` orders whose silence before `asOf` is at least `minDays` and at
 * least `factor` times their own mean interval between orders.
 */
export function silentFrequentBuyers(
  db: Db,
  shopId: number,
  asOf: string,
  minOrders = 5,
  minDays = 14,
  factor = 12,
) {
  return rows<{ customer_id: number; orders: number; interval_days: number; silent_days: number }>(
    db,
    `SELECT customer_id, orders::int, interval_days, silent_days FROM (
       SELECT customer_id, count(*) AS orders,
              extract(epoch FROM max(placed_at) - min(placed_at)) / 86400 / (count(*) - 1) AS interval_days,
              extract(epoch FROM $2::timestamptz - max(placed_at)) / 86400 AS silent_days
       FROM orders WHERE shop_id = $1 AND customer_id IS NOT NULL AND placed_at < $2
       GROUP BY customer_id HAVING count(*) >= $3) c
     WHERE silent_days >= $4 AND silent_days >= $5 * interval_days
     ORDER BY customer_id`,
    [shopId, asOf, minOrders, minDays, factor],
  );
}

/** How many orders each customer placed before `before`, and the 95th percentile of that count. */
export async function orderCountsBefore(db: Db, shopId: number, before: string) {
  const [row] = await rows<{ p95: number }>(
    db,
    `SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY n)::float AS p95 FROM (
       SELECT count(*) AS n FROM orders WHERE shop_id = $1 AND placed_at < $2 GROUP BY customer_id) c`,
    [shopId, before],
  );
  return row!.p95;
}

/**
 * The share of a SKU's order lines delivered in [from, to) (or, with `outside`, delivered at any other
 * time) that were refunded, and the most frequent reason of those refunds.
 */
export async function returnRate(
  db: Db,
  shopId: number,
  skuId: number,
  from: string,
  to: string,
  outside = false,
) {
  const [row] = await rows<{
    refunds: number;
    delivered: number;
    top_reason: string | null;
    top_count: number;
  }>(
    db,
    `WITH delivered AS (
       SELECT l.order_id FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
       WHERE l.shop_id = $1 AND l.sku_id = $2 AND o.delivered_at IS NOT NULL
         AND (o.delivered_at >= $3 AND o.delivered_at < $4) <> $5),
     r AS (
       SELECT r.reason FROM refunds r JOIN delivered d ON r.order_id = d.order_id
       WHERE r.shop_id = $1 AND r.sku_id = $2),
     top AS (SELECT reason, count(*) AS n FROM r GROUP BY reason ORDER BY n DESC, reason LIMIT 1)
     SELECT (SELECT count(*) FROM r)::int AS refunds, (SELECT count(*) FROM delivered)::int AS delivered,
            (SELECT reason FROM top) AS top_reason, coalesce((SELECT n FROM top), 0)::int AS top_count`,
    [shopId, skuId, from, to, outside],
  );
  return { ...row!, rate: row!.delivered === 0 ? null : row!.refunds / row!.delivered };
}

/**
 * SKU-weeks (local ISO weeks of delivery) with at least `minRefunds` returns (refunds after delivery),
 * and the share of their top reason.
 */
export function refundWeeks(db: Db, shopId: number, minRefunds: number) {
  return rows<{ sku_id: number; week: string; refunds: number; top_share: number }>(
    db,
    `WITH r AS (
       SELECT r.sku_id, date_trunc('week', o.delivered_at AT TIME ZONE 'Asia/Shanghai')::date::text AS week, r.reason,
              count(*) AS n
       FROM refunds r JOIN orders o ON o.shop_id = r.shop_id AND o.id = r.order_id
       WHERE r.shop_id = $1 AND o.delivered_at IS NOT NULL GROUP BY 1, 2, 3)
     SELECT sku_id, week, sum(n)::int AS refunds, (max(n) / sum(n))::float AS top_share
     FROM r GROUP BY sku_id, week HAVING sum(n) >= $2 ORDER BY sku_id, week`,
    [shopId, minRefunds],
  );
}

/** Per warehouse: shipments promised in [from, to) and the share shipped after the promise. */
export function lateShares(db: Db, shopId: number, from: string, to: string, asOf: string) {
  return rows<{ warehouse_id: number; shipments: number; late_share: number }>(
    db,
    `SELECT warehouse_id, count(*)::int AS shipments,
            (count(*) FILTER (WHERE coalesce(shipped_at, $4::timestamptz) > promised_at))::float / count(*) AS late_share
     FROM shipments WHERE shop_id = $1 AND promised_at >= $2 AND promised_at < $3
     GROUP BY warehouse_id ORDER BY warehouse_id`,
    [shopId, from, to, asOf],
  );
}

/** A SKU's reviews created in [from, to): how many, how many rate 1–2 stars, and in which languages. */
export async function reviewMix(db: Db, shopId: number, skuId: number, from: string, to: string) {
  const [row] = await rows<{ reviews: number; low: number; low_zh: number; low_en: number }>(
    db,
    `SELECT count(*)::int AS reviews, (count(*) FILTER (WHERE rating <= 2))::int AS low,
            (count(*) FILTER (WHERE rating <= 2 AND language = 'zh'))::int AS low_zh,
            (count(*) FILTER (WHERE rating <= 2 AND language = 'en'))::int AS low_en
     FROM reviews WHERE shop_id = $1 AND sku_id = $2 AND created_at >= $3 AND created_at < $4`,
    [shopId, skuId, from, to],
  );
  return { ...row!, lowShare: row!.reviews === 0 ? null : row!.low / row!.reviews };
}

/** SKU-weeks (local ISO weeks) with at least `minReviews` reviews, and their share of 1–2 star ratings. */
export function reviewWeeks(db: Db, shopId: number, minReviews: number) {
  return rows<{ sku_id: number; week: string; reviews: number; low_share: number }>(
    db,
    `SELECT sku_id, date_trunc('week', created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS week,
            count(*)::int AS reviews, (count(*) FILTER (WHERE rating <= 2))::float / count(*) AS low_share
     FROM reviews WHERE shop_id = $1 GROUP BY 1, 2 HAVING count(*) >= $2 ORDER BY 1, 2`,
    [shopId, minReviews],
  );
}
