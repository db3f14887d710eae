// Test-only: recomputes evidence figures of the analytics, ads and inventory findings straight from
// raw rows (orders, order lines, traffic, ad and stock tables), never from the hourly rollups the
// analyses read, so a proof test can compare the two.
import type { Finding } from '@zhanggui/shared';
import type pg from 'pg';
import { PAID_STATUSES_SQL } from '../../services/rollups/refresh-rollups.js';

type Recompute = (
  pool: pg.Pool,
  shopId: number,
  finding: Finding,
  timeZone: string,
) => Promise<Record<string, number | null>>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const entityIds = (f: Finding, kind: string) =>
  f.entities.filter((e) => e.kind === kind).map((e) => Number(e.id));

/** GMV of paid orders placed in [from, to). */
async function rawGmv(
  pool: pg.Pool,
  shopId: number,
  from: string | Date,
  to: string | Date,
): Promise<number> {
  const { rows } = await pool.query(
    `SELECT coalesce(sum(total_cents), 0)::float8 AS gmv FROM orders
     WHERE shop_id = $1 AND placed_at >= $2 AND placed_at < $3 AND status IN ${PAID_STATUSES_SQL}`,
    [shopId, from, to],
  );
  return rows[0].gmv;
}

/** Units (and line GMV) of paid orders in [from, to), for one SKU or the whole shop. */
async function rawUnits(pool: pg.Pool, shopId: number, from: Date, to: Date, skuId: number | null) {
  const { rows } = await pool.query(
    `SELECT coalesce(sum(l.quantity), 0)::float8 AS units, coalesce(sum(l.total_cents), 0)::float8 AS gmv
     FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
     WHERE o.shop_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3 AND o.status IN ${PAID_STATUSES_SQL}
       AND ($4::int IS NULL OR l.sku_id = $4)`,
    [shopId, from, to, skuId],
  );
  return { units: rows[0].units as number, gmv: rows[0].gmv as number };
}

const RECOMPUTE: Record<string, Recompute> = {
  'kpi-behind-target': async (pool, shopId, f) => ({
    gmvCents: await rawGmv(pool, shopId, f.window.from, f.window.to),
  }),

  'search-traffic-gap': async (pool, shopId, f, tz) => {
    const { rows } = await pool.query(
      `SELECT sum(visits) FILTER (WHERE source = 'search')::float8 / nullif(sum(visits), 0) AS share,
              sum(visits) FILTER (WHERE source = 'search')::float8 AS search
       FROM sku_traffic_daily WHERE shop_id = $1 AND sku_id = ANY($2::int[])
         AND source IN ('search', 'recommendation')
         AND day >= ($3::timestamptz AT TIME ZONE $5)::date AND day < ($4::timestamptz AT TIME ZONE $5)::date`,
      [shopId, entityIds(f, 'sku'), f.window.from, f.window.to, tz],
    );
    return { searchShare: num(rows[0].share), searchVisits: num(rows[0].search) };
  },

  'price-rise-conversion-drop': async (pool, shopId, f, tz) => {
    const [skuId] = entityIds(f, 'sku');
    const { rows } = await pool.query(
      `SELECT sum(orders)::float8 / nullif(sum(visits), 0) AS rate,
              (SELECT new_price_cents FROM sku_price_changes WHERE shop_id = $1 AND sku_id = $2 ORDER BY effective_at DESC LIMIT 1) AS price
       FROM sku_traffic_daily WHERE shop_id = $1 AND sku_id = $2
         AND day >= ($3::timestamptz AT TIME ZONE $5)::date AND day < ($4::timestamptz AT TIME ZONE $5)::date`,
      [shopId, skuId, f.window.from, f.window.to, tz],
    );
    return { conversionRate: num(rows[0].rate), priceCents: num(rows[0].price) };
  },

  'roas-collapse': async (pool, shopId, f, tz) => {
    const [campaignId] = entityIds(f, 'campaign');
    const { rows } = await pool.query(
      `SELECT sum(revenue_cents)::float8 / nullif(sum(spend_cents), 0) AS roas, sum(conversions)::float8 AS conversions,
              sum(conversions)::float8 / nullif(sum(clicks), 0) AS cvr
       FROM ad_campaign_daily WHERE shop_id = $1 AND campaign_id = $2
         AND day >= ($3::timestamptz AT TIME ZONE $5)::date AND day < ($4::timestamptz AT TIME ZONE $5)::date`,
      [shopId, campaignId, f.window.from, f.window.to, tz],
    );
    return { roas: num(rows[0].roas), conversions: num(rows[0].conversions), cvr: num(rows[0].cvr) };
  },

  'budget-exhausted-before-peak': async (pool, shopId, f, tz): Promise<Record<string, number | null>> => {
    // The figures describe the worst day; a one-day window is that day.
    if (Date.parse(f.window.to) - Date.parse(f.window.from) !== 86_400_000) return {};
    const [campaignId] = entityIds(f, 'campaign');
    const { rows } = await pool.query(
      `SELECT h.hour FROM ad_campaign_hourly h
       JOIN ad_campaign_daily d ON d.shop_id = h.shop_id AND d.campaign_id = h.campaign_id AND d.day = (h.hour AT TIME ZONE $5)::date
       WHERE h.shop_id = $1 AND h.campaign_id = $2 AND h.hour >= $3 AND h.hour < $4
         AND (SELECT sum(spend_cents) FROM ad_campaign_hourly x WHERE x.shop_id = h.shop_id AND x.campaign_id = h.campaign_id
              AND x.hour >= $3 AND x.hour <= h.hour) >= 0.98 * d.budget_cents
       ORDER BY h.hour LIMIT 1`,
      [shopId, campaignId, f.window.from, f.window.to, tz],
    );
    const exhaustedAt = new Date(rows[0].hour.getTime() + 3_600_000);
    const after = await rawGmv(pool, shopId, exhaustedAt, f.window.to);
    const day = await rawGmv(pool, shopId, f.window.from, f.window.to);
    const localHour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(
        exhaustedAt,
      ),
    );
    return { exhaustedLocalHour: localHour, missedGmvShare: day > 0 ? after / day : null };
  },

  'stock-out': async (pool, shopId, f) => {
    const [skuId] = entityIds(f, 'sku');
    const from = new Date(f.window.from);
    const to = new Date(f.window.to);
    const weekBefore = new Date(from.getTime() - 7 * 86_400_000);
    const during = await rawUnits(pool, shopId, from, to, skuId!);
    const skuBefore = await rawUnits(pool, shopId, weekBefore, from, skuId!);
    const shopBefore = await rawUnits(pool, shopId, weekBefore, from, null);
    const shopDuring = await rawUnits(pool, shopId, from, to, null);
    const lostUnits = (skuBefore.units / shopBefore.units) * shopDuring.units;
    return {
      unitsSoldDuring: during.units,
      lostGmvCents: lostUnits * (skuBefore.gmv / skuBefore.units),
      unitsPerDayBefore: skuBefore.units / 7,
    };
  },

  overstock: async (pool, shopId, f, tz) => {
    const [skuId] = entityIds(f, 'sku');
    const { rows } = await pool.query(
      `SELECT sum(on_hand_end) FILTER (WHERE day = ($2::timestamptz AT TIME ZONE $4)::date - 1)::float8 AS on_hand,
              sum(units_sold)::float8 AS units
       FROM inventory_daily WHERE shop_id = $1 AND sku_id = $3
         AND day >= ($2::timestamptz AT TIME ZONE $4)::date - 28 AND day < ($2::timestamptz AT TIME ZONE $4)::date`,
      [shopId, f.window.to, skuId, tz],
    );
    const perDay = rows[0].units / 28;
    return {
      excessUnits: rows[0].on_hand - perDay * 60,
      daysOfCover: perDay > 0 ? rows[0].on_hand / perDay : null,
    };
  },
};

export function canRecompute(finding: Finding): boolean {
  return finding.type in RECOMPUTE;
}

/** The figures of a finding recomputed from raw rows, keyed like the finding's evidence. */
export function recomputeFigures(pool: pg.Pool, shopId: number, finding: Finding, timeZone: string) {
  const recompute = RECOMPUTE[finding.type];
  if (!recompute) throw new Error(`No raw recomputation for finding type ${finding.type}`);
  return recompute(pool, shopId, finding, timeZone);
}
