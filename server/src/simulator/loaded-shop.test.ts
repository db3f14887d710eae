// The shapes and internal consistency of a loaded simulated shop, checked with SQL on raw rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { simulateShop } from './simulate-shop.js';

describe('a loaded simulated shop', () => {
  let db: TestDb;
  let shopId: number;
  const one = async (sql: string) => (await db.pool.query(sql, [shopId])).rows[0];

  beforeAll(async () => {
    db = await createTestDb();
    ({ shopId } = await simulateShop(db.pool, {
      slug: 'shapes',
      scale: 'tiny',
      seed: 21,
      preset: 'default',
    }));
  });

  it('keeps every order total equal to its line totals plus shipping, and line totals to qty × price − discount', async () => {
    const row = await one(`
      WITH l AS (SELECT order_id, sum(total_cents) AS lines, sum(discount_cents) AS discounts,
                        bool_and(total_cents = quantity * unit_price_cents - discount_cents) AS lines_ok
                 FROM order_lines WHERE shop_id = $1 GROUP BY order_id)
      SELECT count(*)::int AS orders,
             count(*) FILTER (WHERE o.total_cents <> l.lines + o.shipping_cents OR o.discount_cents <> l.discounts OR NOT l.lines_ok)::int AS wrong
      FROM orders o JOIN l ON l.order_id = o.id WHERE o.shop_id = $1`);
    expect(row.orders).toBeGreaterThan(2_000);
    expect(row.wrong).toBe(0);
  });

  it('keeps timestamps in order and consistent with each status', async () => {
    const row = await one(`
      SELECT count(*) FILTER (WHERE paid_at < placed_at OR shipped_at < paid_at OR delivered_at < shipped_at)::int AS out_of_order,
             count(*) FILTER (WHERE status = 'delivered' AND (delivered_at IS NULL OR shipped_at IS NULL))::int AS bad_delivered,
             count(*) FILTER (WHERE status = 'shipped' AND (shipped_at IS NULL OR delivered_at IS NOT NULL))::int AS bad_shipped,
             count(*) FILTER (WHERE status = 'paid' AND (paid_at IS NULL OR shipped_at IS NOT NULL))::int AS bad_paid,
             count(*) FILTER (WHERE status = 'cancelled' AND (cancelled_at IS NULL OR paid_at IS NOT NULL))::int AS bad_cancelled,
             avg((status IN ('paid', 'shipped', 'delivered', 'refunded'))::int)::float AS paid_share,
             avg((status = 'cancelled')::int)::float AS cancelled_share,
             avg((status = 'refunded')::int)::float AS refunded_share,
             avg((coupon_code IS NOT NULL)::int)::float AS coupon_share
      FROM orders WHERE shop_id = $1`);
    expect(row).toMatchObject({
      out_of_order: 0,
      bad_delivered: 0,
      bad_shipped: 0,
      bad_paid: 0,
      bad_cancelled: 0,
    });
    expect(row.paid_share).toBeGreaterThan(0.9);
    expect(row.cancelled_share).toBeGreaterThan(0.01);
    expect(row.refunded_share).toBeGreaterThan(0.01);
    expect(row.coupon_share).toBeGreaterThan(0.03);
    const mismatched = await one(`
      SELECT count(*)::int AS n FROM shipments s JOIN orders o ON o.shop_id = s.shop_id AND o.id = s.order_id
      WHERE s.shop_id = $1 AND (s.shipped_at IS DISTINCT FROM o.shipped_at OR s.warehouse_id <> o.warehouse_id
                                OR s.promised_at <> o.paid_at + interval '48 hours')`);
    expect(mismatched.n).toBe(0);
  });

  it('keeps each SKU funnel monotone, with orders equal to the order lines placed that day from that source', async () => {
    const funnel = await one(`
      SELECT count(*)::int AS rows,
             count(*) FILTER (WHERE NOT (impressions >= visits AND visits >= add_to_cart AND add_to_cart >= orders))::int AS broken
      FROM sku_traffic_daily WHERE shop_id = $1`);
    expect(funnel.rows).toBeGreaterThan(1_000);
    expect(funnel.broken).toBe(0);
    const mismatch = await one(`
      WITH placed AS (
        SELECT (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, l.sku_id, o.traffic_source AS source, count(*) AS n
        FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
        WHERE o.shop_id = $1 GROUP BY 1, 2, 3)
      SELECT count(*)::int AS n FROM placed p
      FULL JOIN (SELECT * FROM sku_traffic_daily WHERE shop_id = $1 AND orders > 0) t USING (day, sku_id, source)
      WHERE coalesce(p.n, 0) <> coalesce(t.orders, 0)`);
    expect(mismatch.n).toBe(0);
  });

  it('writes rollups equal to a direct sum over raw orders, lines and refunds', async () => {
    const shop = await one(`
      WITH raw AS (
        SELECT date_trunc('hour', placed_at) AS hour, sum(total_cents) AS gmv, count(*) AS orders
        FROM orders WHERE shop_id = $1 AND status IN ('paid', 'shipped', 'delivered', 'refunded') GROUP BY 1)
      SELECT count(*)::int AS hours,
             count(*) FILTER (WHERE r.gmv_cents IS DISTINCT FROM raw.gmv OR r.paid_orders IS DISTINCT FROM raw.orders)::int AS wrong,
             (SELECT sum(gmv) FROM raw)::float AS gmv
      FROM raw FULL JOIN (SELECT * FROM shop_hourly_rollup WHERE shop_id = $1) r USING (hour)`);
    expect(shop.hours).toBeGreaterThan(700);
    expect(shop.wrong).toBe(0);
    expect(shop.gmv).toBeGreaterThan(0);
    const sku = await one(`
      SELECT (SELECT sum(gmv_cents) FROM sku_hourly_rollup WHERE shop_id = $1)::float AS rollup,
             (SELECT sum(l.total_cents) FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
              WHERE l.shop_id = $1 AND o.status IN ('paid', 'shipped', 'delivered', 'refunded'))::float AS raw,
             (SELECT sum(refund_cents) FROM shop_hourly_rollup WHERE shop_id = $1)::float AS refunds_rollup,
             (SELECT sum(r.amount_cents) FROM refunds r JOIN orders o ON o.shop_id = r.shop_id AND o.id = r.order_id
              WHERE r.shop_id = $1 AND r.status IN ('approved', 'completed')
                AND o.status IN ('paid', 'shipped', 'delivered', 'refunded'))::float AS refunds_raw`);
    expect(sku.rollup).toBe(sku.raw);
    expect(sku.refunds_rollup).toBe(sku.refunds_raw);
    const daily = await one(`
      WITH raw AS (
        SELECT (date_trunc('hour', o.placed_at) AT TIME ZONE 'Asia/Shanghai')::date AS day, l.sku_id,
               sum(l.quantity)::int AS units, sum(l.total_cents)::bigint AS gmv
        FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
        WHERE o.shop_id = $1 AND o.status IN ('paid', 'shipped', 'delivered', 'refunded') AND l.sku_id IS NOT NULL
        GROUP BY 1, 2)
      SELECT count(*)::int AS sku_days,
             count(*) FILTER (WHERE d.units IS DISTINCT FROM raw.units OR d.gmv_cents IS DISTINCT FROM raw.gmv)::int AS wrong
      FROM raw FULL JOIN (SELECT * FROM sku_daily_rollup WHERE shop_id = $1) d USING (day, sku_id)`);
    expect(daily.sku_days).toBeGreaterThan(100);
    expect(daily.wrong).toBe(0);
    const funnel = await one(`
      WITH raw AS (
        SELECT day, source, sum(impressions) AS impressions, sum(visits) AS visits, sum(add_to_cart) AS cart,
               sum(orders) AS orders
        FROM sku_traffic_daily WHERE shop_id = $1 GROUP BY 1, 2)
      SELECT count(*)::int AS days,
             count(*) FILTER (WHERE (f.impressions, f.visits, f.add_to_cart, f.orders)
               IS DISTINCT FROM (raw.impressions, raw.visits, raw.cart, raw.orders))::int AS wrong
      FROM raw FULL JOIN (SELECT * FROM traffic_source_daily WHERE shop_id = $1) f USING (day, source)`);
    expect(funnel.days).toBeGreaterThan(50);
    expect(funnel.wrong).toBe(0);
    expect(sku.refunds_raw).toBeGreaterThan(0);
  });

  it('keeps the daily after-sales rollups equal to the shipments and reviews they sum', async () => {
    const parcels = await one(`
      WITH raw AS (
        SELECT (promised_at AT TIME ZONE 'Asia/Shanghai')::date AS day, warehouse_id, count(*)::int AS due,
               count(*) FILTER (WHERE shipped_at > promised_at)::int AS shipped_late,
               count(*) FILTER (WHERE shipped_at IS NULL)::int AS unshipped
        FROM shipments WHERE shop_id = $1 GROUP BY 1, 2)
      SELECT count(*)::int AS days, sum(raw.shipped_late)::int AS late,
             count(*) FILTER (WHERE (d.due, d.shipped_late, d.unshipped)
               IS DISTINCT FROM (raw.due, raw.shipped_late, raw.unshipped))::int AS wrong
      FROM raw FULL JOIN (SELECT * FROM shipment_daily WHERE shop_id = $1) d USING (day, warehouse_id)`);
    expect(parcels.days).toBeGreaterThan(50);
    expect(parcels.late).toBeGreaterThan(0);
    expect(parcels.wrong).toBe(0);
    const reviews = await one(`
      WITH raw AS (
        SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, sku_id, count(*)::int AS reviews,
               count(*) FILTER (WHERE rating <= 2)::int AS low_rated
        FROM reviews WHERE shop_id = $1 AND sku_id IS NOT NULL GROUP BY 1, 2)
      SELECT count(*)::int AS sku_days, sum(raw.low_rated)::int AS low_rated,
             count(*) FILTER (WHERE (d.reviews, d.low_rated) IS DISTINCT FROM (raw.reviews, raw.low_rated))::int AS wrong
      FROM raw FULL JOIN (SELECT * FROM sku_review_daily WHERE shop_id = $1) d USING (day, sku_id)`);
    expect(reviews.sku_days).toBeGreaterThan(50);
    expect(reviews.low_rated).toBeGreaterThan(0);
    expect(reviews.wrong).toBe(0);
  });

  it('ends each SKU’s daily stock where its current stock is, after the units it sold', async () => {
    const row = await one(`
      WITH last AS (SELECT sku_id, warehouse_id, on_hand_end FROM inventory_daily
                    WHERE shop_id = $1 AND day = (SELECT max(day) FROM inventory_daily WHERE shop_id = $1))
      SELECT count(*)::int AS pairs, count(*) FILTER (WHERE i.on_hand <> last.on_hand_end)::int AS wrong,
             (SELECT sum(units_sold) FROM inventory_daily WHERE shop_id = $1)::int AS units_daily,
             (SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
              WHERE l.shop_id = $1 AND o.status <> 'cancelled')::int AS units_sold,
             (SELECT count(*) FROM skus WHERE shop_id = $1 AND cost_cents IS NULL)::int AS without_cost
      FROM inventory i JOIN last USING (sku_id, warehouse_id) WHERE i.shop_id = $1`);
    expect(row.pairs).toBeGreaterThanOrEqual(120);
    expect(row.wrong).toBe(0);
    expect(row.units_daily).toBe(row.units_sold);
    expect(row.without_cost).toBeGreaterThan(0);
    expect(row.without_cost).toBeLessThan(12);
  });

  it('puts the peak hour at November 11, 20:00 shop time, 20–50× the median hour', async () => {
    const row = await one(`
      WITH hours AS (SELECT generate_series('2026-10-14 16:00+00'::timestamptz, '2026-11-20 15:00+00', '1 hour') AS hour),
      counts AS (
        SELECT h.hour, count(o.id) AS n FROM hours h
        LEFT JOIN orders o ON o.shop_id = $1 AND date_trunc('hour', o.placed_at) = h.hour GROUP BY h.hour)
      SELECT (SELECT hour AT TIME ZONE 'Asia/Shanghai' FROM counts ORDER BY n DESC LIMIT 1)::text AS peak_hour,
             (SELECT max(n) FROM counts)::float / (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM counts) AS ratio`);
    expect(row.peak_hour).toBe('2026-11-11 20:00:00');
    expect(row.ratio).toBeGreaterThan(20);
    expect(row.ratio).toBeLessThan(50);
  });

  it('sets a promotion of four back-to-back phases whose peak target is within 15% of the peak GMV', async () => {
    const { rows } = await db.pool.query(
      `SELECT p.phase, p.starts_at, p.ends_at, p.gmv_target_cents::float AS target,
              (SELECT sum(gmv_cents) FROM shop_hourly_rollup r WHERE r.shop_id = p.shop_id
                AND r.hour >= p.starts_at AND r.hour < p.ends_at)::float AS gmv
       FROM promotion_phases p WHERE p.shop_id = $1 ORDER BY p.starts_at`,
      [shopId],
    );
    expect(rows.map((r) => r.phase)).toEqual(['preheat', 'launch', 'peak', 'tail']);
    for (let i = 1; i < rows.length; i++) expect(rows[i].starts_at).toEqual(rows[i - 1].ends_at);
    const peak = rows[2];
    expect(peak.gmv / peak.target).toBeGreaterThan(0.85);
    expect(peak.gmv / peak.target).toBeLessThan(1.15);
    expect(peak.gmv).toBeGreaterThan(rows[0].gmv / 2);
  });
});
