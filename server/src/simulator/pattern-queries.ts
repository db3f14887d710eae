// SQL that finds each planted pattern in loaded rows, independent of the generator's own numbers:
// the oracle that tests use to prove the manifest (the planted entity shows the pattern) and the
// clean preset (nothing does). Days are shop-local (Asia/Shanghai) dates.
import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

async function rows<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/**
 * SKUs whose stock (all warehouses) ended a day at 0: the first such day, how many, and the visits and
 * orders of the zero days after the first (whole days without stock).
 */
export function stockOuts(db: Db, shopId: number) {
  return rows<{
    sku_id: number;
    first_day: string;
    zero_days: number;
    visits_after: number;
    orders_after: number;
  }>(
    db,
    `WITH stock AS (
       SELECT sku_id, day, sum(on_hand_end) AS on_hand FROM inventory_daily WHERE shop_id = $1 GROUP BY 1, 2),
     zero AS (SELECT sku_id, day, min(day) OVER (PARTITION BY sku_id) AS first_day FROM stock WHERE on_hand = 0),
     funnel AS (
       SELECT sku_id, day, sum(visits) AS visits, sum(orders) AS orders FROM sku_traffic_daily WHERE shop_id = $1 GROUP BY 1, 2)
     SELECT z.sku_id, min(z.first_day)::text AS first_day, count(*)::int AS zero_days,
            coalesce(sum(f.visits) FILTER (WHERE z.day > z.first_day), 0)::int AS visits_after,
            coalesce(sum(f.orders) FILTER (WHERE z.day > z.first_day), 0)::int AS orders_after
     FROM zero z LEFT JOIN funnel f USING (sku_id, day)
     GROUP BY z.sku_id ORDER BY z.sku_id`,
    [shopId],
  );
}

/** End-of-day stock and units sold of one SKU (all warehouses) per local day. */
export function dailyStock(db: Db, shopId: number, skuId: number) {
  return rows<{ day: string; on_hand: number; units: number }>(
    db,
    `SELECT day::text, sum(on_hand_end)::int AS on_hand, sum(units_sold)::int AS units
     FROM inventory_daily WHERE shop_id = $1 AND sku_id = $2 GROUP BY day ORDER BY day`,
    [shopId, skuId],
  );
}

/** SKUs holding at least `minUnits` with more than `minDays` of cover at their last-28-day sales rate. */
export function overstocked(db: Db, shopId: number, minUnits = 100, minDays = 90) {
  return rows<{ sku_id: number; on_hand: number; cover_days: number | null }>(
    db,
    `WITH stock AS (SELECT sku_id, sum(on_hand) AS on_hand FROM inventory WHERE shop_id = $1 GROUP BY sku_id),
     recent AS (
       SELECT sku_id, sum(units_sold) AS units FROM inventory_daily
       WHERE shop_id = $1 AND day > (SELECT max(day) FROM inventory_daily WHERE shop_id = $1) - 28
       GROUP BY sku_id)
     SELECT s.sku_id, s.on_hand::int, (s.on_hand / nullif(r.units / 28.0, 0))::float AS cover_days
     FROM stock s LEFT JOIN recent r USING (sku_id)
     WHERE s.on_hand >= $2 AND coalesce(s.on_hand / nullif(r.units / 28.0, 0), 'Infinity') > $3
     ORDER BY s.sku_id`,
    [shopId, minUnits, minDays],
  );
}

/** Each SKU's share of season visits that came from search, beside its category's median share. */
export function searchShares(db: Db, shopId: number, minVisits: number) {
  return rows<{ sku_id: number; title: string; category: string; share: number; category_median: number }>(
    db,
    `WITH per_sku AS (
       SELECT t.sku_id, p.title, p.category,
              (sum(t.visits) FILTER (WHERE t.source = 'search'))::float / sum(t.visits) AS share
       FROM sku_traffic_daily t
       JOIN skus s ON s.shop_id = t.shop_id AND s.id = t.sku_id
       JOIN products p ON p.shop_id = s.shop_id AND p.id = s.product_id
       WHERE t.shop_id = $1 GROUP BY t.sku_id, p.title, p.category HAVING sum(t.visits) >= $2),
     medians AS (SELECT category, percentile_cont(0.5) WITHIN GROUP (ORDER BY share) AS m FROM per_sku GROUP BY category)
     SELECT p.sku_id, p.title, p.category, coalesce(p.share, 0) AS share, m.m::float AS category_median
     FROM per_sku p JOIN medians m USING (category) ORDER BY p.sku_id`,
    [shopId, minVisits],
  );
}

/** Orders / visits of one SKU over local days [from, to). */
export async function skuConversion(db: Db, shopId: number, skuId: number, from: string, to: string) {
  const [row] = await rows<{ orders: number; visits: number }>(
    db,
    `SELECT coalesce(sum(orders), 0)::int AS orders, coalesce(sum(visits), 0)::int AS visits
     FROM sku_traffic_daily WHERE shop_id = $1 AND sku_id = $2 AND day >= $3::date AND day < $4::date`,
    [shopId, skuId, from, to],
  );
  return { ...row!, rate: row!.visits === 0 ? null : row!.orders / row!.visits };
}

export function priceChanges(db: Db, shopId: number) {
  return rows<{ sku_id: number; day: string; rise: number }>(
    db,
    `SELECT sku_id, (effective_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
            (new_price_cents::float / old_price_cents - 1) AS rise
     FROM sku_price_changes WHERE shop_id = $1 ORDER BY sku_id`,
    [shopId],
  );
}

/** Ad revenue / spend of one campaign over local days [from, to). */
export async function campaignRoas(db: Db, shopId: number, campaignId: number, from: string, to: string) {
  const [row] = await rows<{ revenue: number; spend: number }>(
    db,
    `SELECT coalesce(sum(revenue_cents), 0)::float AS revenue, coalesce(sum(spend_cents), 0)::float AS spend
     FROM ad_campaign_daily WHERE shop_id = $1 AND campaign_id = $2 AND day >= $3::date AND day < $4::date`,
    [shopId, campaignId, from, to],
  );
  return row!.spend === 0 ? null : row!.revenue / row!.spend;
}

/** Each campaign's lowest ROAS over any `days` consecutive days. */
export function lowestRollingRoas(db: Db, shopId: number, days: number) {
  return rows<{ campaign_id: number; roas: number }>(
    db,
    `SELECT campaign_id, min(revenue / nullif(spend, 0))::float AS roas FROM (
       SELECT campaign_id,
              sum(revenue_cents) OVER w AS revenue, sum(spend_cents) OVER w AS spend, count(*) OVER w AS n
       FROM ad_campaign_daily WHERE shop_id = $1
       WINDOW w AS (PARTITION BY campaign_id ORDER BY day ROWS BETWEEN $2 - 1 PRECEDING AND CURRENT ROW)) x
     WHERE n = $2 GROUP BY campaign_id ORDER BY campaign_id`,
    [shopId, days],
  );
}

/** Campaigns that spent their whole budget on a local day and nothing in its 20:00 and 21:00 hours. */
export function budgetsGoneBeforePeak(db: Db, shopId: number, day: string) {
  return rows<{ campaign_id: number; last_spend_hour: number }>(
    db,
    `WITH hours AS (
       SELECT campaign_id, extract(hour FROM hour AT TIME ZONE 'Asia/Shanghai')::int AS local_hour, spend_cents
       FROM ad_campaign_hourly
       WHERE shop_id = $1 AND (hour AT TIME ZONE 'Asia/Shanghai')::date = $2::date)
     SELECT h.campaign_id, max(h.local_hour) FILTER (WHERE h.spend_cents > 0) AS last_spend_hour
     FROM hours h JOIN ad_campaign_daily d ON d.shop_id = $1 AND d.campaign_id = h.campaign_id AND d.day = $2::date
     GROUP BY h.campaign_id, d.budget_cents
     HAVING sum(h.spend_cents) >= 0.99 * d.budget_cents
        AND coalesce(sum(h.spend_cents) FILTER (WHERE h.local_hour IN (20, 21)), 0) = 0
     ORDER BY h.campaign_id`,
    [shopId, day],
  );
}

/** Each creative's lowest ratio of CTR in the last 2 days of any `span`-day stretch to its first 2 days. */
export function creativeDecay(db: Db, shopId: number, span: number) {
  return rows<{ creative_id: number; ratio: number }>(
    db,
    `WITH two_days AS (
       SELECT creative_id, day, sum(clicks) OVER w AS clicks, sum(impressions) OVER w AS impressions, count(*) OVER w AS n
       FROM creative_daily WHERE shop_id = $1
       WINDOW w AS (PARTITION BY creative_id ORDER BY day ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING))
     SELECT a.creative_id,
            min((b.clicks::float / b.impressions) / (a.clicks::float / a.impressions)) AS ratio
     FROM two_days a JOIN two_days b ON b.creative_id = a.creative_id AND b.day = a.day + ($2::int - 2)
     WHERE a.n = 2 AND b.n = 2 AND a.clicks > 0 AND b.impressions > 0
     GROUP BY a.creative_id ORDER BY a.creative_id`,
    [shopId, span],
  );
}
