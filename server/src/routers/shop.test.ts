import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshRollups } from '../services/rollups/refresh-rollups.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { createCaller } from './_app.js';

let db: TestDb;
let caller: ReturnType<typeof createCaller>;

// A tiny shop in Asia/Shanghai (UTC+8). Local 2026-11-11 is [2026-11-10T16:00Z, 2026-11-11T16:00Z).
async function seedSmallShop(db: TestDb) {
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name) VALUES ('small', 'Small shop') RETURNING id`,
  );
  const shopId = rows[0]!.id;
  await db.pool.query(
    `INSERT INTO products (shop_id, id, external_id, title, category) VALUES ($1, 1, 'P1', '羊毛围巾', '配饰');
     INSERT INTO skus (shop_id, id, product_id, external_id, name, price_cents) VALUES ($1, 1, 1, 'S1', '羊毛围巾 灰', 10000);`.replaceAll(
      '$1',
      String(shopId),
    ),
  );
  const orders: [number, string, string, number][] = [
    // id, status, placed_at (UTC), total
    [1, 'paid', '2026-11-10T16:30:00Z', 10_000], // local 11-11 00:30
    [2, 'delivered', '2026-11-11T12:10:00Z', 30_000], // local 11-11 20:10
    [3, 'cancelled', '2026-11-11T12:20:00Z', 90_000], // not GMV
    [4, 'refunded', '2026-11-11T15:59:00Z', 20_000], // local 11-11 23:59, refunded in full
    [5, 'paid', '2026-11-11T16:00:00Z', 50_000], // local 11-12 00:00: outside 11-11
    [6, 'paid', '2026-11-09T20:00:00Z', 40_000], // local 11-10 04:00: previous day
  ];
  for (const [id, status, placedAt, total] of orders) {
    await db.pool.query(
      `INSERT INTO orders (shop_id, id, external_id, status, placed_at, total_cents) VALUES ($1, $2, $3, $4, $5, $6)`,
      [shopId, id, `O${id}`, status, placedAt, total],
    );
    await db.pool.query(
      `INSERT INTO order_lines (shop_id, order_id, line_no, sku_id, quantity, unit_price_cents, total_cents)
       VALUES ($1, $2, 1, 1, $3, 10000, $4)`,
      [shopId, id, total / 10_000, total],
    );
  }
  await db.pool.query(
    `INSERT INTO refunds (shop_id, external_id, order_id, sku_id, kind, status, amount_cents, reason, requested_at)
     VALUES ($1, 'R4', 4, 1, 'return_and_refund', 'completed', 20000, '尺码偏小', '2026-11-12T02:00:00Z')`,
    [shopId],
  );
  await db.pool.query(
    `INSERT INTO traffic_hourly (shop_id, hour, source, visitors, page_views) VALUES
       ($1, '2026-11-10T16:00:00Z', 'search', 120, 300),
       ($1, '2026-11-11T12:00:00Z', 'ads', 80, 200),
       ($1, '2026-11-09T20:00:00Z', 'direct', 50, 90)`,
    [shopId],
  );
  await db.pool.query(
    `INSERT INTO promotions (shop_id, id, name, starts_at, ends_at, gmv_target_cents)
     VALUES ($1, 1, '双11', '2026-11-10T16:00:00Z', '2026-11-12T16:00:00Z', 200000);
     `,
    [shopId],
  );
  await db.pool.query(
    `INSERT INTO promotion_phases (shop_id, promotion_id, phase, starts_at, ends_at, gmv_target_cents)
     VALUES ($1, 1, 'peak', '2026-11-10T16:00:00Z', '2026-11-12T16:00:00Z', 200000)`,
    [shopId],
  );
  const client = await db.pool.connect();
  try {
    await refreshRollups(client, shopId, {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-20T00:00:00Z'),
    });
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  db = await createTestDb();
  await seedSmallShop(db);
  caller = createCaller({ db });
});

describe('shop.kpis', () => {
  it('counts only paid orders placed inside the local days of the range', async () => {
    const result = await caller.shop.kpis({ shop: 'small', range: { from: '2026-11-11', to: '2026-11-11' } });
    expect(result.kpis.gmvCents.value).toBe(60_000);
    expect(result.kpis.orders.value).toBe(3);
    expect(result.kpis.visitors.value).toBe(200);
    expect(result.kpis.conversionRate.value).toBeCloseTo(3 / 200);
    expect(result.kpis.aovCents.value).toBe(20_000);
    expect(result.kpis.refundRate.value).toBeCloseTo(20_000 / 60_000);
  });

  it('compares with the previous period of the same length', async () => {
    const result = await caller.shop.kpis({ shop: 'small', range: { from: '2026-11-11', to: '2026-11-11' } });
    expect(result.previousRange).toEqual({ from: '2026-11-10', to: '2026-11-10' });
    expect(result.kpis.gmvCents.previous).toBe(40_000);
    expect(result.kpis.gmvCents.change).toBeCloseTo(0.5);
    expect(result.kpis.refundRate.previous).toBe(0);
  });

  it('pro-rates the promotion target to the days in range', async () => {
    const result = await caller.shop.kpis({ shop: 'small', range: { from: '2026-11-11', to: '2026-11-11' } });
    expect(result.target).toEqual({ promotionName: '双11', gmvTargetCents: 100_000, attainment: 0.6 });
  });

  it('has null ratios, not NaN, for a range without data', async () => {
    const result = await caller.shop.kpis({ shop: 'small', range: { from: '2025-01-01', to: '2025-01-02' } });
    expect(result.kpis.gmvCents.value).toBe(0);
    expect(result.kpis.conversionRate.value).toBeNull();
    expect(result.kpis.aovCents.value).toBeNull();
    expect(result.target).toBeNull();
  });

  it('matches a direct SQL computation on raw orders', async () => {
    const { rows } = await db.pool.query<{ gmv: number; orders: number }>(
      `SELECT coalesce(sum(total_cents), 0)::bigint AS gmv, count(*)::int AS orders FROM orders
       WHERE shop_id = (SELECT id FROM shops WHERE slug = 'small')
         AND status IN ('paid','shipped','delivered','refunded')
         AND placed_at >= ('2026-11-10'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND placed_at < ('2026-11-12'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    );
    const result = await caller.shop.kpis({ shop: 'small', range: { from: '2026-11-10', to: '2026-11-11' } });
    expect(result.kpis.gmvCents.value).toBe(rows[0]!.gmv);
    expect(result.kpis.orders.value).toBe(rows[0]!.orders);
  });

  it('refuses an unknown shop with NOT_FOUND and names it', async () => {
    const error = await caller.shop
      .kpis({ shop: 'nope', range: { from: '2026-11-11', to: '2026-11-11' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).message).toContain('"nope"');
  });

  it('refuses an inverted range with BAD_REQUEST and says what is wrong', async () => {
    const error = await caller.shop
      .kpis({ shop: 'small', range: { from: '2026-11-12', to: '2026-11-10' } })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/inverted/);
  });

  it('refuses an unparseable date with BAD_REQUEST', async () => {
    const error = await caller.shop
      .kpis({ shop: 'small', range: { from: '11/11/2026', to: '2026-11-12' } })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/YYYY-MM-DD/);
  });
});

describe('shop.hourlyGmv', () => {
  it('returns every local hour of the range, zero-filled, in UTC', async () => {
    const result = await caller.shop.hourlyGmv({
      shop: 'small',
      range: { from: '2026-11-11', to: '2026-11-11' },
    });
    expect(result.points).toHaveLength(24);
    expect(result.points[0]).toEqual({ hour: '2026-11-10T16:00:00.000Z', gmvCents: 10_000, orders: 1 });
    expect(result.points.find((p) => p.hour === '2026-11-11T12:00:00.000Z')).toEqual({
      hour: '2026-11-11T12:00:00.000Z',
      gmvCents: 30_000,
      orders: 1,
    });
    expect(result.points.reduce((sum, p) => sum + p.gmvCents, 0)).toBe(60_000);
  });
});

describe('shop.list and shop.promotion', () => {
  it('lists shops without internal ids', async () => {
    expect(await caller.shop.list()).toEqual([
      {
        slug: 'small',
        name: 'Small shop',
        platform: 'simulated',
        currency: 'CNY',
        timeZone: 'Asia/Shanghai',
      },
    ]);
  });

  it('returns the promotion with its phases', async () => {
    const promotion = await caller.shop.promotion({ shop: 'small' });
    expect(promotion?.name).toBe('双11');
    expect(promotion?.phases.map((p) => p.phase)).toEqual(['peak']);
  });
});
