import { existsSync } from 'node:fs';
import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../../imports/test-files.js';
import { sampleFile } from '../../imports/testing.js';
import { sampleOrders } from '../../imports/writers/sample-orders.js';
import { SHOPIFY_ORDERS_HEADER, shopifyOrdersCsv } from '../../imports/writers/shopify-orders-writer.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { getImportJobDetail, jobErrors, listImportJobs } from './import-job-reads.js';
import {
  createImportJob,
  type NewImportJob,
  queueImport,
  requestCancel,
  requeueInterruptedJobs,
} from './import-jobs.js';
import { startImportWorker } from './import-worker.js';

let db: TestDb;
let shopId: number;
let uploadDir: string;

beforeAll(async () => {
  db = await createTestDb();
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('jobs', 'Jobs', 'shopify', 'CNY', 'Asia/Shanghai') RETURNING id`,
  );
  shopId = rows[0]!.id;
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-uploads-'));
});

async function upload(name: string, content: string): Promise<string> {
  const file = path.join(uploadDir, `${Date.now()}-${name}`);
  await copyFile(await tempFile(name, content), file);
  return file;
}

const orders = [...sampleOrders({ count: 12, startAt: new Date('2026-11-10T16:00:00Z') })];

/** A job as an upload creates it: waiting for its dry run. */
function newJob(fileName: string, filePath: string, extra: Partial<NewImportJob> = {}) {
  return createImportJob(db.pool, {
    shopId,
    format: null,
    mapping: null,
    fileName,
    filePath,
    fileBytes: 1,
    phase: 'validate',
    importValidRows: false,
    ...extra,
  });
}

describe('import jobs run by the background worker', () => {
  it('checks a clean upload, imports it when started, and deletes the uploaded file afterwards', async () => {
    const filePath = await upload('clean.csv', shopifyOrdersCsv(orders, 'CNY'));
    const job = await newJob('clean.csv', filePath);
    const worker = startImportWorker(db.pool, { pollMs: 50, uploadDir });
    try {
      await worker.idle();
      const checked = await getImportJobDetail(db.pool, shopId, job.id);
      expect(checked).toMatchObject({
        status: 'validated',
        format: 'shopify-orders',
        recordsInserted: 12,
        rowsRejected: 0,
      });
      const { rows: none } = await db.pool.query('SELECT count(*)::int AS n FROM orders WHERE shop_id = $1', [
        shopId,
      ]);
      expect(none[0].n).toBe(0);
      expect(existsSync(filePath)).toBe(true);

      await queueImport(db.pool, shopId, job.id, false);
      await worker.idle();
      const done = await getImportJobDetail(db.pool, shopId, job.id);
      expect(done).toMatchObject({
        status: 'succeeded',
        phase: 'import',
        recordsInserted: 12,
        bytesRead: done.fileBytes,
      });
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM orders WHERE shop_id = $1', [
        shopId,
      ]);
      expect(rows[0].n).toBe(12);
      expect(existsSync(filePath)).toBe(false);
    } finally {
      await worker.stop();
    }
  });

  it('keeps the errors of a faulty file, refuses a plain start, and imports the valid rows on request', async () => {
    const lines = shopifyOrdersCsv(orders, 'CNY').split('\n');
    const cells = lines[1]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Lineitem quantity')] = 'two';
    lines[1] = cells.join(',');
    const filePath = await upload('faulty.csv', lines.join('\n').replaceAll('#10', '#20'));
    const job = await newJob('faulty.csv', filePath, { format: 'shopify-orders' });
    const worker = startImportWorker(db.pool, { pollMs: 50, uploadDir });
    try {
      await worker.idle();
      const checked = await getImportJobDetail(db.pool, shopId, job.id);
      expect(checked).toMatchObject({
        status: 'validated',
        rowsRejected: 1,
        errorCount: 1,
        recordsInserted: 11,
      });
      expect(checked.firstErrors).toEqual([
        {
          line: 2,
          column: 'Lineitem quantity',
          value: 'two',
          reason: 'Lineitem quantity "two" is not a whole number',
          // Stored with its code, so the page and the errors CSV can say it in Chinese.
          code: 'notWholeNumber',
          params: { raw: 'two', column: 'Lineitem quantity' },
        },
      ]);
      const report = [];
      for await (const page of jobErrors(db.pool, shopId, job.id)) report.push(...page);
      expect(report).toHaveLength(1);
      await expect(queueImport(db.pool, shopId, job.id, false)).rejects.toThrow(
        '1 rows of this file were rejected. Fix the file and upload it again, or choose to import the 29 valid rows.',
      );
      await queueImport(db.pool, shopId, job.id, true);
      await worker.idle();
      expect(await getImportJobDetail(db.pool, shopId, job.id)).toMatchObject({
        status: 'succeeded',
        importValidRows: true,
        recordsInserted: 11,
      });
    } finally {
      await worker.stop();
    }
  });

  it('cancels a queued job at once and lists jobs newest first', async () => {
    const job = await createImportJob(db.pool, {
      shopId,
      format: null,
      mapping: null,
      fileName: 'later.csv',
      filePath: sampleFile('shopify', 'orders_export_devstore_79col.csv'),
      fileBytes: 1,
      phase: 'validate',
      importValidRows: false,
    });
    const cancelled = await requestCancel(db.pool, shopId, job.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
    await expect(requestCancel(db.pool, shopId, job.id)).rejects.toThrow('has already cancelled');
    const listed = await listImportJobs(db.pool, shopId, 10);
    expect(listed[0]!.id).toBe(job.id);
    expect(listed.map((j) => j.fileName)).toEqual(['later.csv', 'faulty.csv', 'clean.csv']);
  });

  it('queues again a job left running by a process that died', async () => {
    const job = await newJob('orphan.csv', '/nowhere.csv', { status: 'running' });
    await db.pool.query(`UPDATE import_jobs SET heartbeat_at = now() - interval '5 minutes' WHERE id = $1`, [
      job.id,
    ]);
    expect(await requeueInterruptedJobs(db.pool)).toBe(1);
    const { rows } = await db.pool.query('SELECT status FROM import_jobs WHERE id = $1', [job.id]);
    expect(rows[0].status).toBe('queued');
    await db.pool.query(`UPDATE import_jobs SET status = 'cancelled' WHERE id = $1`, [job.id]);
  });
});
