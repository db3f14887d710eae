import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../imports/test-files.js';
import { sampleOrders } from '../imports/writers/sample-orders.js';
import { SHOPIFY_ORDERS_HEADER, shopifyOrdersCsv } from '../imports/writers/shopify-orders-writer.js';
import { createImportJob } from '../services/imports/import-jobs.js';
import { startImportWorker } from '../services/imports/import-worker.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { createCaller } from './_app.js';

let db: TestDb;
let caller: ReturnType<typeof createCaller>;
let shopId: number;

beforeAll(async () => {
  db = await createTestDb();
  caller = createCaller({ db });
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('rt', 'Router', 'shopify', 'CNY', 'Asia/Shanghai') RETURNING id`,
  );
  shopId = rows[0]!.id;
});

describe('imports router', () => {
  it('shows a checked file with its first errors, then imports its valid rows on start', async () => {
    const orders = [...sampleOrders({ count: 5, startAt: new Date('2026-11-11T02:00:00Z') })];
    const lines = shopifyOrdersCsv(orders, 'CNY').split('\n');
    const cells = lines[1]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Created at')] = '2026-11-31 10:00:00 +0800';
    lines[1] = cells.join(',');
    const job = await createImportJob(db.pool, {
      shopId,
      format: null,
      mapping: null,
      fileName: 'orders.csv',
      filePath: await tempFile('orders.csv', lines.join('\n')),
      fileBytes: 1,
      phase: 'validate',
      importValidRows: false,
    });
    const worker = startImportWorker(db.pool, { pollMs: 50 });
    try {
      await worker.idle();
      const checked = await caller.imports.byId({ shop: 'rt', jobId: job.id });
      expect(checked).toMatchObject({
        status: 'validated',
        rowsRead: 11,
        rowsRejected: 1,
        recordsInserted: 4,
      });
      expect(checked.firstErrors[0]).toMatchObject({
        line: 2,
        column: 'Created at',
        value: '2026-11-31 10:00:00 +0800',
      });

      const refused = await caller.imports
        .start({ shop: 'rt', jobId: job.id, importValidRows: false })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).code).toBe('BAD_REQUEST');

      const queued = await caller.imports.start({ shop: 'rt', jobId: job.id, importValidRows: true });
      expect(queued).toMatchObject({ status: 'queued', phase: 'import' });
      await worker.idle();
      const listed = await caller.imports.list({ shop: 'rt' });
      expect(listed.map((j) => [j.id, j.status, j.recordsInserted])).toEqual([[job.id, 'succeeded', 4]]);
    } finally {
      await worker.stop();
    }
  });

  it('answers NOT_FOUND for an unknown job and CONFLICT when cancelling a finished one', async () => {
    const [job] = await caller.imports.list({ shop: 'rt' });
    const missing = await caller.imports.byId({ shop: 'rt', jobId: job!.id + 1000 }).catch((e) => e);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
    const done = await caller.imports.cancel({ shop: 'rt', jobId: job!.id }).catch((e) => e);
    expect((done as TRPCError).code).toBe('CONFLICT');
  });
});
