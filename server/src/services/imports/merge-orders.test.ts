import { beforeAll, describe, expect, it } from 'vitest';
import { createShop } from '../../analysis/shared/test-shop-factory.js';
import { withTransaction } from '../../db/client.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  analyzeIfStale,
  analyzeStatement,
  ORDER_STATISTICS,
  plannedShopOrders,
  statisticsAreStale,
} from './merge-orders.js';

describe("when an import refreshes the planner's statistics first", () => {
  it('does when they reckon with fewer than half the orders just written for the shop', () => {
    expect(statisticsAreStale(5_000, 1)).toBe(true);
    expect(statisticsAreStale(200_000, 10_000)).toBe(true);
  });

  it('does not for a few orders, nor for a shop they know about as large', () => {
    expect(statisticsAreStale(999, 1)).toBe(false);
    expect(statisticsAreStale(200_000, 180_000)).toBe(false);
  });

  it("analyzes a table with statistics for all its columns by the shop's column alone, any other whole", () => {
    expect(analyzeStatement(ORDER_STATISTICS, new Set(['orders', 'refunds']))).toBe(
      'ANALYZE orders (shop_id), order_lines, refunds (shop_id)',
    );
    expect(analyzeStatement(['orders'], new Set())).toBe('ANALYZE orders');
  });
});

describe('analyzeIfStale', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });

  const addOrders = (client: { query: TestDb['pool']['query'] }, shopId: number, count: number) =>
    client.query(
      `INSERT INTO orders (shop_id, external_id, status, placed_at, total_cents)
       SELECT $1, 'o-' || g, 'paid', timestamptz '2026-11-01' + g * interval '1 minute', 100 FROM generate_series(1, $2) g`,
      [shopId, count],
    );
  const analyzedColumns = async (table: string) => {
    const { rows } = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1',
      [table],
    );
    return rows[0]!.n;
  };

  it('analyzes tables never analyzed whole, then teaches the planner of a new shop by its column', async () => {
    const first = await createShop(db.pool, 'stats-first');
    await withTransaction(db.pool, async (client) => {
      await addOrders(client, first, 3_000);
      expect(await analyzeIfStale(client, first, 3_000)).toBe(true);
    });
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped`,
    );
    expect(await analyzedColumns('orders')).toBe(rows[0]!.n);

    const second = await createShop(db.pool, 'stats-second');
    expect(await plannedShopOrders(db.pool, second)).toBeLessThan(10);
    await withTransaction(db.pool, async (client) => {
      await addOrders(client, second, 6_000);
      expect(await analyzeIfStale(client, second, 6_000)).toBe(true);
      // Known now: nothing to do for the same orders again.
      expect(await analyzeIfStale(client, second, 6_000)).toBe(false);
    });
    expect(await plannedShopOrders(db.pool, second)).toBeGreaterThan(3_000);
    expect(await analyzedColumns('orders')).toBe(rows[0]!.n);
  });
});
