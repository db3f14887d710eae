import { beforeAll, describe, expect, it } from 'vitest';
import {
  addOrders,
  addProduct,
  addSku,
  createShop,
  shanghai,
} from '../../analysis/shared/test-shop-factory.js';
import { addSkuTrafficDays } from '../../analysis/shared/test-shop-operations.js';
import { withTransaction } from '../../db/client.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { refreshRollups } from './refresh-rollups.js';
import { refreshTrafficSourceRollup } from './refresh-traffic-rollup.js';

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});

interface DailyRow {
  day: string;
  sku_id: number;
  units: number;
  paid_orders: number;
  gmv_cents: number;
}

async function dailyRollup(shopId: number): Promise<DailyRow[]> {
  const { rows } = await db.pool.query<DailyRow>(
    `SELECT day::text AS day, sku_id, units, paid_orders, gmv_cents::int AS gmv_cents
     FROM sku_daily_rollup WHERE shop_id = $1 ORDER BY day, sku_id`,
    [shopId],
  );
  return rows;
}

/** The same figures straight from orders and lines, by the shop's local day. */
async function dailyFromRawRows(shopId: number, timeZone: string): Promise<DailyRow[]> {
  const { rows } = await db.pool.query<DailyRow>(
    `SELECT (date_trunc('hour', o.placed_at) AT TIME ZONE $2)::date::text AS day, l.sku_id,
            sum(l.quantity)::int AS units, count(DISTINCT o.id)::int AS paid_orders, sum(l.total_cents)::int AS gmv_cents
     FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
     WHERE o.shop_id = $1 AND o.status IN ('paid','shipped','delivered','refunded')
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [shopId, timeZone],
  );
  return rows;
}

describe('the SKU daily rollup', () => {
  it("sums each SKU's paid orders by the shop's local day, not the UTC day", async () => {
    const shopId = await createShop(db.pool, 'daily-local');
    const product = await addProduct(db.pool, shopId, { title: 'mug', category: 'home' });
    const mug = await addSku(db.pool, shopId, product, { priceCents: 1000 });
    const cup = await addSku(db.pool, shopId, product, { priceCents: 500 });
    await addOrders(db.pool, shopId, [
      // 00:30 and 23:30 Shanghai time on 11-11: the first is still 11-10 in UTC, both are 11-11 locally.
      { placedAt: shanghai('2026-11-11', 0.5), skuId: mug, quantity: 2, unitPriceCents: 1000 },
      { placedAt: shanghai('2026-11-11', 23.5), skuId: mug, quantity: 1, unitPriceCents: 1000 },
      { placedAt: shanghai('2026-11-12', 1), skuId: mug, quantity: 4, unitPriceCents: 1000 },
      { placedAt: shanghai('2026-11-11', 12), skuId: cup, quantity: 3, unitPriceCents: 500 },
      {
        placedAt: shanghai('2026-11-11', 13),
        skuId: cup,
        quantity: 1,
        unitPriceCents: 500,
        status: 'cancelled',
      },
    ]);
    const rollup = await dailyRollup(shopId);
    expect(rollup).toEqual([
      { day: '2026-11-11', sku_id: mug, units: 3, paid_orders: 2, gmv_cents: 3000 },
      { day: '2026-11-11', sku_id: cup, units: 3, paid_orders: 1, gmv_cents: 1500 },
      { day: '2026-11-12', sku_id: mug, units: 4, paid_orders: 1, gmv_cents: 4000 },
    ]);
    expect(rollup).toEqual(await dailyFromRawRows(shopId, 'Asia/Shanghai'));
  });

  it('a refresh of a few hours re-sums their whole local day and leaves other days alone', async () => {
    const shopId = await createShop(db.pool, 'daily-partial', 'America/New_York');
    const product = await addProduct(db.pool, shopId, { title: 'tea', category: 'food' });
    const tea = await addSku(db.pool, shopId, product, { priceCents: 800 });
    const [, late] = await addOrders(db.pool, shopId, [
      { placedAt: new Date('2026-11-20T14:00:00Z'), skuId: tea, quantity: 1, unitPriceCents: 800 },
      { placedAt: new Date('2026-11-20T20:00:00Z'), skuId: tea, quantity: 2, unitPriceCents: 800 },
      { placedAt: new Date('2026-11-21T03:00:00Z'), skuId: tea, quantity: 5, unitPriceCents: 800 },
    ]);
    // A writer changes the 20:00 UTC order and refreshes only that hour.
    await withTransaction(db.pool, async (client) => {
      await client.query(
        'UPDATE order_lines SET quantity = 7, total_cents = 5600 WHERE shop_id = $1 AND order_id = $2',
        [shopId, late],
      );
      await refreshRollups(client, shopId, {
        from: new Date('2026-11-20T20:00:00Z'),
        to: new Date('2026-11-20T21:00:00Z'),
      });
    });
    // 14:00 and 20:00 UTC are 09:00 and 15:00 on 11-20 in New York; 03:00 UTC on 11-21 is 22:00 on 11-20.
    expect(await dailyRollup(shopId)).toEqual([
      { day: '2026-11-20', sku_id: tea, units: 13, paid_orders: 3, gmv_cents: 800 + 5600 + 4000 },
    ]);
    expect(await dailyRollup(shopId)).toEqual(await dailyFromRawRows(shopId, 'America/New_York'));
  });
});

describe('the hourly rollups', () => {
  it('a window ending mid-hour refreshes that whole hour, not only its orders before the end', async () => {
    const shopId = await createShop(db.pool, 'hourly-mid');
    const product = await addProduct(db.pool, shopId, { title: 'pen', category: 'office' });
    const pen = await addSku(db.pool, shopId, product, { priceCents: 300 });
    const [first] = await addOrders(db.pool, shopId, [
      { placedAt: new Date('2026-11-20T10:10:00Z'), skuId: pen, quantity: 1, unitPriceCents: 300 },
      { placedAt: new Date('2026-11-20T11:50:00Z'), skuId: pen, quantity: 2, unitPriceCents: 300 },
    ]);
    // A writer changes the 10:10 order and refreshes from it to an hour later, 11:10.
    await withTransaction(db.pool, async (client) => {
      await client.query(`UPDATE orders SET status = 'cancelled' WHERE shop_id = $1 AND id = $2`, [
        shopId,
        first,
      ]);
      await refreshRollups(client, shopId, {
        from: new Date('2026-11-20T10:10:00Z'),
        to: new Date('2026-11-20T11:10:00Z'),
      });
    });
    const { rows } = await db.pool.query(
      'SELECT hour, paid_orders, units FROM shop_hourly_rollup WHERE shop_id = $1 ORDER BY hour',
      [shopId],
    );
    expect(rows).toEqual([{ hour: new Date('2026-11-20T11:00:00Z'), paid_orders: 1, units: 2 }]);
    const skuHours = await db.pool.query('SELECT units FROM sku_hourly_rollup WHERE shop_id = $1', [shopId]);
    expect(skuHours.rows).toEqual([{ units: 2 }]);
  });
  it("sums an hour's approved and completed refunds of its paid orders, counting each refunded order once", async () => {
    const shopId = await createShop(db.pool, 'hourly-refunds');
    const product = await addProduct(db.pool, shopId, { title: 'lamp', category: 'home' });
    const lamp = await addSku(db.pool, shopId, product, { priceCents: 5000 });
    const [twice, pending, cancelled, later] = await addOrders(db.pool, shopId, [
      { placedAt: new Date('2026-11-20T10:10:00Z'), skuId: lamp, unitPriceCents: 5000 },
      { placedAt: new Date('2026-11-20T10:40:00Z'), skuId: lamp, unitPriceCents: 5000 },
      { placedAt: new Date('2026-11-20T10:50:00Z'), skuId: lamp, unitPriceCents: 5000, status: 'cancelled' },
      { placedAt: new Date('2026-11-20T11:20:00Z'), skuId: lamp, unitPriceCents: 5000 },
    ]);
    await withTransaction(db.pool, async (client) => {
      await client.query(
        `INSERT INTO refunds (shop_id, external_id, order_id, kind, status, amount_cents, reason, requested_at)
         SELECT $1, 'r' || n, order_id, 'refund_only', status::"RefundStatus", amount, 'test', '2026-11-21T00:00:00Z'
         FROM unnest($2::bigint[], $3::text[], $4::int[]) WITH ORDINALITY AS r(order_id, status, amount, n)`,
        [
          shopId,
          [twice, twice, twice, pending, cancelled, later],
          ['completed', 'approved', 'rejected', 'requested', 'completed', 'completed'],
          [300, 200, 999, 500, 700, 100],
        ],
      );
      await refreshRollups(client, shopId, {
        from: new Date('2026-11-20T10:00:00Z'),
        to: new Date('2026-11-20T12:00:00Z'),
      });
    });
    const { rows } = await db.pool.query(
      `SELECT hour, paid_orders, refund_cents::int, refunded_orders
       FROM shop_hourly_rollup WHERE shop_id = $1 ORDER BY hour`,
      [shopId],
    );
    expect(rows).toEqual([
      { hour: new Date('2026-11-20T10:00:00Z'), paid_orders: 2, refund_cents: 500, refunded_orders: 1 },
      { hour: new Date('2026-11-20T11:00:00Z'), paid_orders: 1, refund_cents: 100, refunded_orders: 1 },
    ]);
  });
});

describe('the daily funnel by traffic source', () => {
  it('re-sums only the days asked for, from the per-SKU rows', async () => {
    const shopId = await createShop(db.pool, 'funnel-days');
    const product = await addProduct(db.pool, shopId, { title: 'scarf', category: 'wear' });
    const red = await addSku(db.pool, shopId, product, { priceCents: 1000 });
    const blue = await addSku(db.pool, shopId, product, { priceCents: 1000 });
    await addSkuTrafficDays(db.pool, shopId, [
      {
        day: '2026-11-10',
        skuId: red,
        source: 'search',
        impressions: 100,
        visits: 10,
        addToCart: 2,
        orders: 1,
      },
      {
        day: '2026-11-10',
        skuId: blue,
        source: 'search',
        impressions: 50,
        visits: 5,
        addToCart: 1,
        orders: 0,
      },
      { day: '2026-11-11', skuId: red, source: 'ads', impressions: 300, visits: 30, addToCart: 6, orders: 3 },
    ]);
    // A later writer changes 11-11 and refreshes that day only; 11-10 keeps its totals.
    await db.pool.query(
      `UPDATE sku_traffic_daily SET visits = 31 WHERE shop_id = $1 AND day = '2026-11-11'`,
      [shopId],
    );
    await db.pool.query(
      `UPDATE sku_traffic_daily SET visits = 99 WHERE shop_id = $1 AND day = '2026-11-10'`,
      [shopId],
    );
    await withTransaction(db.pool, (client) =>
      refreshTrafficSourceRollup(client, shopId, { from: '2026-11-11', to: '2026-11-11' }),
    );
    const { rows } = await db.pool.query(
      `SELECT day::text AS day, source, impressions::int, visits::int, add_to_cart::int AS cart, orders::int
       FROM traffic_source_daily WHERE shop_id = $1 ORDER BY day, source`,
      [shopId],
    );
    expect(rows).toEqual([
      { day: '2026-11-10', source: 'search', impressions: 150, visits: 15, cart: 3, orders: 1 },
      { day: '2026-11-11', source: 'ads', impressions: 300, visits: 31, cart: 6, orders: 3 },
    ]);
  });
});
