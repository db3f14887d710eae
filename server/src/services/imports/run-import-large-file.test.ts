import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/client.js';
import { WORKER_MIN_BYTES } from '../../imports/open-import-file.js';
import { tempFile } from '../../imports/test-files.js';
import { sampleOrders } from '../../imports/writers/sample-orders.js';
import { shopifyOrdersCsv } from '../../imports/writers/shopify-orders-writer.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { fullOrderWindow, refreshRollups } from '../rollups/refresh-rollups.js';
import { runImport } from './run-import.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

async function rollupRows(client: pg.ClientBase, shopId: number) {
  const read = async (sql: string) => (await client.query(sql, [shopId])).rows;
  return {
    shop: await read(
      'SELECT hour, gmv_cents, paid_orders, units, refund_cents, refunded_orders FROM shop_hourly_rollup WHERE shop_id = $1 ORDER BY hour',
    ),
    skuHours: await read(
      'SELECT sku_id, hour, gmv_cents, paid_orders, units FROM sku_hourly_rollup WHERE shop_id = $1 ORDER BY sku_id, hour',
    ),
    skuDays: await read(
      'SELECT sku_id, day::text, gmv_cents, paid_orders, units FROM sku_daily_rollup WHERE shop_id = $1 ORDER BY sku_id, day',
    ),
  };
}

/** The rollups as the imports left them, and as a refresh of every hour recomputes them from raw rows. */
async function storedVersusRefreshed(shopId: number) {
  return withTransaction(db.pool, async (client) => {
    const stored = await rollupRows(client, shopId);
    const window = await fullOrderWindow(client, shopId);
    if (window) await refreshRollups(client, shopId, window);
    const refreshed = await rollupRows(client, shopId);
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    return { stored, refreshed };
  });
}

describe('runImport of a file large enough to be read in a worker thread', () => {
  it('loads every order, and leaves rollups equal to a refresh from raw rows, also after an overlapping second file', async () => {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('deltas', 'deltas', 'shopify', 'CNY', 'America/New_York') RETURNING id`,
    );
    const shopId = rows[0]!.id;
    // Across the end of daylight saving time (2026-11-01), so local days are 23, 24 and 25 hours long.
    const orders = [
      ...sampleOrders({
        count: 20_000,
        startAt: new Date('2026-10-30T00:00:00Z'),
        intervalSeconds: 29,
        skuCount: 40,
        customerCount: 3000,
      }),
    ];
    const big = shopifyOrdersCsv(orders.slice(0, 18_000), 'CNY');
    expect(Buffer.byteLength(big)).toBeGreaterThan(WORKER_MIN_BYTES);
    const first = await runImport(db.pool, {
      shopId,
      filePath: await tempFile('big.csv', big),
      phase: 'import',
      importValidRows: false,
    });
    expect(first).toMatchObject({ status: 'succeeded', recordsInserted: 18_000 });
    // The planner learnt of the lines too, though the statistics of the orders, refreshed on the way
    // for the rollups, still held at the end.
    const { rows: lineStatistics } = await db.pool.query<{ reltuples: number }>(
      "SELECT reltuples FROM pg_class WHERE relname = 'order_lines'",
    );
    const lines = orders.slice(0, 18_000).reduce((n, o) => n + o.lines.length, 0);
    expect(lineStatistics[0]!.reltuples).toBeGreaterThan(lines * 0.9);
    const afterFirst = await storedVersusRefreshed(shopId);
    expect(afterFirst.stored.skuDays.length).toBeGreaterThan(40 * 5);
    expect(afterFirst.stored).toEqual(afterFirst.refreshed);

    // New orders in hours that already have rollup rows, plus known orders that change (the staged merge).
    const changed = orders
      .slice(17_000)
      .map((o, i) => (i < 300 ? { ...o, status: 'refunded' as const, refundedCents: o.totalCents } : o));
    const second = await runImport(db.pool, {
      shopId,
      filePath: await tempFile('second.csv', shopifyOrdersCsv(changed, 'CNY')),
      phase: 'import',
      importValidRows: false,
    });
    expect(second).toMatchObject({ status: 'succeeded', recordsInserted: 2000 });
    const afterSecond = await storedVersusRefreshed(shopId);
    expect(afterSecond.stored).toEqual(afterSecond.refreshed);
  });

  it('leaves the same rollups for a file newest first, with some orders out of place', async () => {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('newest-first', 'newest-first', 'shopify', 'CNY', 'Asia/Shanghai') RETURNING id`,
    );
    const shopId = rows[0]!.id;
    const orders = [
      ...sampleOrders({ count: 18_000, startAt: new Date('2026-11-01T00:00:00Z'), intervalSeconds: 31 }),
    ].reverse();
    // A few orders far from their place: into hours refreshed while the file was loading.
    for (const i of [100, 7000, 12_000]) [orders[i], orders[17_000 - i]] = [orders[17_000 - i]!, orders[i]!];
    const file = await tempFile('newest-first.csv', shopifyOrdersCsv(orders, 'CNY'));
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(outcome).toMatchObject({ status: 'succeeded', recordsInserted: 18_000 });
    const after = await storedVersusRefreshed(shopId);
    expect(after.stored.shop.length).toBeGreaterThan(100);
    expect(after.stored).toEqual(after.refreshed);
  });
});
