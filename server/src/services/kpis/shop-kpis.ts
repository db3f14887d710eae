// Shop KPIs and the hourly GMV series, read from the hourly rollups (never from raw orders).
import type { HourlyGmv, ShopKpis, ShopKpisInput } from '@zhanggui/shared';
import { safeRatio } from '@zhanggui/shared';
import type { Db } from '../../db/client.js';
import { findShopBySlug } from '../shops/find-shop.js';
import { compareKpis, type PeriodTotals, previousRange } from './kpi-figures.js';

/** [start, end) in UTC of whole local days from..to in the shop's time zone, computed by PostgreSQL. */
const LOCAL_DAYS_SQL = `($2::date)::timestamp AT TIME ZONE $4 AS start, ($3::date + 1)::timestamp AT TIME ZONE $4 AS "end"`;

async function periodTotals(db: Db, shopId: number, timeZone: string, range: { from: string; to: string }) {
  const { rows } = await db.pool.query<PeriodTotals>(
    `WITH w AS (SELECT ${LOCAL_DAYS_SQL}),
     sales AS (
       SELECT coalesce(sum(gmv_cents), 0) AS "gmvCents", coalesce(sum(paid_orders), 0) AS "paidOrders",
              coalesce(sum(refund_cents), 0) AS "refundCents"
       FROM shop_hourly_rollup r, w WHERE r.shop_id = $1 AND r.hour >= w.start AND r.hour < w."end"
     )
     SELECT sales.*,
       coalesce((SELECT sum(visitors) FROM traffic_hourly t, w WHERE t.shop_id = $1 AND t.hour >= w.start AND t.hour < w."end"), 0) AS visitors
     FROM sales`,
    [shopId, range.from, range.to, timeZone],
  );
  return rows[0]!;
}

/** GMV target of the promotion phases overlapping the range, pro-rated by the share of each phase inside it. */
async function proratedTarget(db: Db, shopId: number, timeZone: string, range: { from: string; to: string }) {
  const { rows } = await db.pool.query<{ promotionName: string; targetCents: number }>(
    `WITH w AS (SELECT ${LOCAL_DAYS_SQL})
     SELECT p.name AS "promotionName",
            sum(ph.gmv_target_cents * extract(epoch FROM least(ph.ends_at, w."end") - greatest(ph.starts_at, w.start))
                / extract(epoch FROM ph.ends_at - ph.starts_at)) AS "targetCents"
     FROM promotions p
     JOIN promotion_phases ph ON ph.shop_id = p.shop_id AND ph.promotion_id = p.id
     CROSS JOIN w
     WHERE p.shop_id = $1 AND ph.starts_at < w."end" AND ph.ends_at > w.start AND ph.ends_at > ph.starts_at
     GROUP BY p.id, p.name
     ORDER BY "targetCents" DESC
     LIMIT 1`,
    [shopId, range.from, range.to, timeZone],
  );
  return rows[0] ?? null;
}

export async function getShopKpis(db: Db, input: ShopKpisInput): Promise<ShopKpis> {
  const shop = await findShopBySlug(db.prisma, input.shop);
  const before = previousRange(input.range);
  const [current, previous, target] = await Promise.all([
    periodTotals(db, shop.id, shop.timeZone, input.range),
    periodTotals(db, shop.id, shop.timeZone, before),
    proratedTarget(db, shop.id, shop.timeZone, input.range),
  ]);
  const gmvTargetCents = target ? Math.round(target.targetCents) : null;
  return {
    shop: shop.slug,
    currency: shop.currency,
    timeZone: shop.timeZone,
    range: input.range,
    previousRange: before,
    kpis: compareKpis(current, previous),
    target:
      target && gmvTargetCents !== null
        ? {
            promotionName: target.promotionName,
            gmvTargetCents,
            attainment: safeRatio(current.gmvCents, gmvTargetCents),
          }
        : null,
  };
}

export async function getHourlyGmv(db: Db, input: ShopKpisInput): Promise<HourlyGmv> {
  const shop = await findShopBySlug(db.prisma, input.shop);
  const { rows } = await db.pool.query<{ hour: Date; gmvCents: number; orders: number }>(
    `WITH w AS (SELECT ${LOCAL_DAYS_SQL})
     SELECT h.hour, coalesce(r.gmv_cents, 0) AS "gmvCents", coalesce(r.paid_orders, 0) AS orders
     FROM w
     CROSS JOIN LATERAL generate_series(w.start, w."end" - interval '1 hour', interval '1 hour') AS h(hour)
     LEFT JOIN shop_hourly_rollup r ON r.shop_id = $1 AND r.hour = h.hour
     ORDER BY h.hour`,
    [shop.id, input.range.from, input.range.to, shop.timeZone],
  );
  return {
    shop: shop.slug,
    currency: shop.currency,
    timeZone: shop.timeZone,
    points: rows.map((r) => ({ hour: r.hour.toISOString(), gmvCents: r.gmvCents, orders: r.orders })),
  };
}
