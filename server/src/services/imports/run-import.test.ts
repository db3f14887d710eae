import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { countOrphanLines } from '../../db/foreign-key-checks.js';
import { tempFile } from '../../imports/test-files.js';
import { sampleFile } from '../../imports/testing.js';
import { sampleOrders } from '../../imports/writers/sample-orders.js';
import { SHOPIFY_ORDERS_HEADER, shopifyOrdersCsv } from '../../imports/writers/shopify-orders-writer.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { runImport } from './run-import.js';

let db: TestDb;

async function createShop(pool: pg.Pool, slug: string, currency: string, timeZone: string): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ($1, $1, 'shopify', $2, $3) RETURNING id`,
    [slug, currency, timeZone],
  );
  return rows[0]!.id;
}

async function tableCounts(pool: pg.Pool, shopId: number) {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM orders WHERE shop_id = $1) AS orders,
            (SELECT count(*) FROM order_lines WHERE shop_id = $1) AS lines,
            (SELECT count(*) FROM customers WHERE shop_id = $1) AS customers,
            (SELECT count(*) FROM skus WHERE shop_id = $1) AS skus,
            (SELECT count(*) FROM refunds WHERE shop_id = $1) AS refunds`,
    [shopId],
  );
  return rows[0];
}

/** Each line as "order:line" with the transaction that last wrote it. */
async function lineVersions(pool: pg.Pool, shopId: number): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ line: string; xmin: string }>(
    `SELECT order_id || ':' || line_no AS line, xmin::text FROM order_lines WHERE shop_id = $1`,
    [shopId],
  );
  return new Map(rows.map((r) => [r.line, r.xmin]));
}

/** The hourly rollup as stored, and as recomputed straight from orders and lines. */
async function rollupVersusDirect(pool: pg.Pool, shopId: number) {
  const stored = await pool.query(
    'SELECT hour, gmv_cents, paid_orders, units, refund_cents FROM shop_hourly_rollup WHERE shop_id = $1 ORDER BY hour',
    [shopId],
  );
  const direct = await pool.query(
    `SELECT date_trunc('hour', o.placed_at) AS hour, sum(o.total_cents) AS gmv_cents, count(*) AS paid_orders,
            sum((SELECT sum(quantity) FROM order_lines l WHERE l.shop_id = o.shop_id AND l.order_id = o.id)) AS units,
            coalesce(sum((SELECT sum(amount_cents) FROM refunds r WHERE r.shop_id = o.shop_id AND r.order_id = o.id)), 0) AS refund_cents
     FROM orders o WHERE o.shop_id = $1 AND o.status IN ('paid','shipped','delivered','refunded')
     GROUP BY 1 ORDER BY 1`,
    [shopId],
  );
  return { stored: stored.rows, direct: direct.rows };
}

beforeAll(async () => {
  db = await createTestDb();
});

describe('runImport of the real Shopify orders export', () => {
  it('imports 19 orders with 40 lines, then changes nothing when the same file comes again', async () => {
    const shopId = await createShop(db.pool, 'devstore', 'EUR', 'America/Toronto');
    const file = sampleFile('shopify', 'orders_export_devstore_79col.csv');
    const first = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(first).toMatchObject({
      status: 'succeeded',
      format: 'shopify-orders',
      rowsRead: 40,
      rowsRejected: 0,
      recordKind: 'orders',
      recordsInserted: 19,
      recordsUpdated: 0,
      recordsUnchanged: 0,
    });
    const countsAfterFirst = await tableCounts(db.pool, shopId);
    expect(countsAfterFirst).toMatchObject({ orders: 19, lines: 40, customers: 3 });
    // Lines load without the per-row foreign-key check; each still points at its own order.
    expect(await countOrphanLines(db.pool, shopId)).toBe(0);
    const { rows: misplaced } = await db.pool.query(
      `SELECT count(*)::int AS n FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
       WHERE l.shop_id = $1 AND o.total_cents < l.total_cents`,
      [shopId],
    );
    expect(misplaced[0].n).toBe(0);
    const rollupsAfterFirst = await rollupVersusDirect(db.pool, shopId);
    expect(rollupsAfterFirst.stored).toEqual(rollupsAfterFirst.direct);
    expect(rollupsAfterFirst.stored.reduce((n, r) => n + r.paid_orders, 0)).toBe(18);

    const second = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(second).toMatchObject({
      status: 'succeeded',
      recordsInserted: 0,
      recordsUpdated: 0,
      recordsUnchanged: 19,
    });
    expect(await tableCounts(db.pool, shopId)).toEqual(countsAfterFirst);
    expect(await rollupVersusDirect(db.pool, shopId)).toEqual(rollupsAfterFirst);
  });
});

describe('runImport of overlapping and faulty files', () => {
  const orders = [...sampleOrders({ count: 60, startAt: new Date('2026-11-10T16:00:00Z') })];

  it('updates the overlap of a second file and adds the rest, never duplicating', async () => {
    const shopId = await createShop(db.pool, 'overlap', 'CNY', 'Asia/Shanghai');
    const fileA = await tempFile('a.csv', shopifyOrdersCsv(orders.slice(0, 40), 'CNY'));
    await runImport(db.pool, { shopId, filePath: fileA, phase: 'import', importValidRows: false });
    const changed = orders
      .slice(20, 60)
      .map((o, i) =>
        i < 5
          ? { ...o, status: 'refunded' as const, paidAt: o.paidAt ?? o.placedAt, refundedCents: o.totalCents }
          : o,
      );
    const fileB = await tempFile('b.csv', shopifyOrdersCsv(changed, 'CNY'));
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: fileB,
      phase: 'import',
      importValidRows: false,
    });
    const refundedBefore = orders.slice(20, 25).filter((o) => o.status === 'refunded').length;
    expect(outcome).toMatchObject({
      recordsInserted: 20,
      recordsUpdated: 5 - refundedBefore,
      recordsUnchanged: 15 + refundedBefore,
    });
    const counts = await tableCounts(db.pool, shopId);
    expect(counts.orders).toBe(60);
    expect(counts.lines).toBe(orders.reduce((n, o) => n + o.lines.length, 0));
    const { stored, direct } = await rollupVersusDirect(db.pool, shopId);
    expect(stored).toEqual(direct);
  });

  it('matches the customer of a new order to the one the shop already has, filling in what it lacked', async () => {
    const shopId = await createShop(db.pool, 'returning-customer', 'CNY', 'Asia/Shanghai');
    // A Shopify export names a customer by email.
    const buyer = {
      externalId: 'li.wei@example.com',
      name: 'Li Wei',
      email: 'li.wei@example.com',
      city: null,
    };
    const [early, late] = orders;
    const fileA = await tempFile('early.csv', shopifyOrdersCsv([{ ...late!, customer: buyer }], 'CNY'));
    await runImport(db.pool, { shopId, filePath: fileA, phase: 'import', importValidRows: false });
    const withCity = { ...buyer, city: 'Hangzhou' };
    const fileB = await tempFile('late.csv', shopifyOrdersCsv([{ ...early!, customer: withCity }], 'CNY'));
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: fileB,
      phase: 'import',
      importValidRows: false,
    });
    expect(outcome).toMatchObject({ status: 'succeeded', recordsInserted: 1 });
    const { rows } = await db.pool.query(
      `SELECT c.city, c.first_seen_at, count(o.id)::int AS orders
       FROM customers c JOIN orders o ON o.shop_id = c.shop_id AND o.customer_id = c.id
       WHERE c.shop_id = $1 GROUP BY c.shop_id, c.id`,
      [shopId],
    );
    expect(rows).toEqual([{ city: 'Hangzhou', first_seen_at: early!.placedAt, orders: 2 }]);
  });

  it('replaces the lines of an order whose lines changed, and only those', async () => {
    const shopId = await createShop(db.pool, 'lines', 'CNY', 'Asia/Shanghai');
    const base = orders.slice(0, 6);
    await runImport(db.pool, {
      shopId,
      filePath: await tempFile('base.csv', shopifyOrdersCsv(base, 'CNY')),
      phase: 'import',
      importValidRows: false,
    });
    const before = await tableCounts(db.pool, shopId);
    const versionsBefore = await lineVersions(db.pool, shopId);
    const edited = base.map((o, i) => (i === 3 ? { ...o, lines: o.lines.slice(0, 2) } : o));
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: await tempFile('edited.csv', shopifyOrdersCsv(edited, 'CNY')),
      phase: 'import',
      importValidRows: false,
    });
    expect(outcome).toMatchObject({ recordsUpdated: 1, recordsUnchanged: 5 });
    const after = await tableCounts(db.pool, shopId);
    expect(after.lines).toBe(before.lines - 2);
    const rewritten = [...(await lineVersions(db.pool, shopId))].filter(
      ([line, xmin]) => versionsBefore.get(line) !== xmin,
    );
    const { rows: editedOrder } = await db.pool.query<{ id: string }>(
      'SELECT id::text FROM orders WHERE shop_id = $1 AND external_id = $2',
      [shopId, base[3]!.externalId],
    );
    expect(rewritten.map(([line]) => line).sort()).toEqual([
      `${editedOrder[0]!.id}:1`,
      `${editedOrder[0]!.id}:2`,
    ]);
  });

  it('imports nothing from a file with a rejected row, unless asked to import the valid rows', async () => {
    const shopId = await createShop(db.pool, 'faulty', 'CNY', 'Asia/Shanghai');
    const lines = shopifyOrdersCsv(orders.slice(0, 10), 'CNY').split('\n');
    const cells = lines[2]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Lineitem price')] = 'x10';
    lines[2] = cells.join(',');
    const file = await tempFile('faulty.csv', lines.join('\n'));
    const failed = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    // The bad line and the other row of its order, left out with it.
    expect(failed).toMatchObject({ status: 'failed', rowsRejected: 2, errorCount: 2, recordsInserted: 0 });
    expect(failed.message).toBe(
      '2 of 23 rows were rejected, so nothing was imported. Fix them and import the file again, or import the 21 valid rows.',
    );
    expect((await tableCounts(db.pool, shopId)).orders).toBe(0);

    const dryRun = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'validate',
      importValidRows: true,
    });
    expect(dryRun).toMatchObject({ status: 'validated', recordsInserted: 9, rowsRejected: 2 });
    expect((await tableCounts(db.pool, shopId)).orders).toBe(0);

    const valid = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: true,
    });
    expect(valid).toMatchObject({ status: 'succeeded', recordsInserted: 9, rowsRejected: 2 });
    expect(valid.message).toBe(
      'Imported the 21 valid rows of 23 (2 rejected): 9 new orders, 0 updated, 0 unchanged.',
    );
    expect(valid.errors[0]).toMatchObject({ line: 3, column: 'Lineitem price' });
    expect((await tableCounts(db.pool, shopId)).orders).toBe(9);
  });

  it('rolls back and reports a cancel', async () => {
    const shopId = await createShop(db.pool, 'cancel', 'CNY', 'Asia/Shanghai');
    const file = await tempFile('c.csv', shopifyOrdersCsv(orders, 'CNY'));
    const controller = new AbortController();
    controller.abort();
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
      signal: controller.signal,
    });
    expect(outcome.status).toBe('cancelled');
    expect((await tableCounts(db.pool, shopId)).orders).toBe(0);
  });

  it('fails a file in a wrong encoding cleanly, naming the problem', async () => {
    const shopId = await createShop(db.pool, 'encoding', 'CNY', 'Asia/Shanghai');
    const good = Buffer.from(shopifyOrdersCsv(orders, 'CNY'), 'utf8');
    const file = await tempFile(
      'mixed.csv',
      Buffer.concat([good, Buffer.alloc(70_000, 'a'), Buffer.from([0xb6, 0xa9, 0x0a])]),
    );
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/not valid UTF-8/);
    expect((await tableCounts(db.pool, shopId)).orders).toBe(0);
  });
});

describe('runImport of a file larger than one load batch', () => {
  const orders = [...sampleOrders({ count: 5300, startAt: new Date('2026-11-01T00:00:00Z'), maxLines: 2 })];
  const withDuplicate = [...orders, { ...orders[9]!, totalCents: orders[9]!.totalCents + 1 }];

  it('loads every batch, keeps the first copy of an order that appears twice, and re-imports as unchanged', async () => {
    const shopId = await createShop(db.pool, 'batches', 'CNY', 'Asia/Shanghai');
    const file = await tempFile('batches.csv', shopifyOrdersCsv(withDuplicate, 'CNY'));
    const lineCount = orders.reduce((n, o) => n + o.lines.length, 0);

    const strict = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(strict).toMatchObject({ status: 'failed', rowsRejected: orders[9]!.lines.length });
    expect((await tableCounts(db.pool, shopId)).orders).toBe(0);

    const first = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: true,
    });
    expect(first).toMatchObject({
      status: 'succeeded',
      recordsInserted: 5300,
      rowsRejected: orders[9]!.lines.length,
    });
    expect(first.errors).toMatchObject([
      {
        line: lineCount + 2,
        column: null,
        value: '#1010',
        reason: 'Order #1010 appears more than once in the file; only its first copy was kept.',
      },
    ]);
    const { rows } = await db.pool.query(
      'SELECT total_cents FROM orders WHERE shop_id = $1 AND external_id = $2',
      [shopId, '#1010'],
    );
    expect(rows[0].total_cents).toBe(orders[9]!.totalCents);
    const counts = await tableCounts(db.pool, shopId);
    expect(counts).toMatchObject({ orders: 5300, lines: lineCount });
    const rollups = await rollupVersusDirect(db.pool, shopId);
    expect(rollups.stored).toEqual(rollups.direct);

    const again = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: true,
    });
    expect(again).toMatchObject({ recordsInserted: 0, recordsUpdated: 0, recordsUnchanged: 5300 });
    expect(again.errors.map((e) => e.line)).toEqual([lineCount + 2]);
    expect(await tableCounts(db.pool, shopId)).toEqual(counts);
    expect(await rollupVersusDirect(db.pool, shopId)).toEqual(rollups);
  }, 60_000);

  it('writes a new shop one row per customer across batches, with what later batches add', async () => {
    const shopId = await createShop(db.pool, 'customers-across-batches', 'CNY', 'Asia/Shanghai');
    const buyer = { externalId: 'mei@example.com', name: 'Mei', email: 'mei@example.com', city: null };
    const earlier = new Date(orders[0]!.placedAt.getTime() - 3_600_000);
    const file = await tempFile(
      'customers.csv',
      shopifyOrdersCsv(
        orders.map((o, i) => {
          if (i === 10) return { ...o, customer: buyer };
          // In the second batch: the same buyer, with a city now, on an order placed before the first.
          if (i === 5200)
            return { ...o, customer: { ...buyer, city: 'Suzhou' }, placedAt: earlier, paidAt: earlier };
          return o;
        }),
        'CNY',
      ),
    );
    const outcome = await runImport(db.pool, {
      shopId,
      filePath: file,
      phase: 'import',
      importValidRows: false,
    });
    expect(outcome).toMatchObject({ status: 'succeeded', recordsInserted: 5300 });
    const distinct = new Set(
      orders.flatMap((o, i) => (i === 10 || i === 5200 || !o.customer ? [] : [o.customer.externalId])),
    );
    distinct.add(buyer.externalId);
    expect((await tableCounts(db.pool, shopId)).customers).toBe(distinct.size);
    const { rows } = await db.pool.query(
      `SELECT c.name, c.city, c.first_seen_at, array_agg(o.external_id ORDER BY o.external_id) AS orders
       FROM customers c JOIN orders o ON o.shop_id = c.shop_id AND o.customer_id = c.id
       WHERE c.shop_id = $1 AND c.external_id = $2 GROUP BY c.shop_id, c.id`,
      [shopId, buyer.externalId],
    );
    expect(rows).toEqual([
      {
        name: 'Mei',
        city: 'Suzhou',
        first_seen_at: earlier,
        orders: [orders[10]!.externalId, orders[5200]!.externalId],
      },
    ]);
    const { rows: misplaced } = await db.pool.query(
      `SELECT count(*)::int AS n FROM orders o LEFT JOIN customers c ON c.shop_id = o.shop_id AND c.id = o.customer_id
       WHERE o.shop_id = $1 AND o.customer_id IS NOT NULL AND c.id IS NULL`,
      [shopId],
    );
    expect(misplaced[0].n).toBe(0);
  }, 60_000);
});
