import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFile } from '../imports/testing.js';
import { getImportJobDetail } from '../services/imports/import-job-reads.js';
import type { ImportWorker } from '../services/imports/import-worker.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { mountImportRoutes } from './import-routes.js';
import { serve } from './test-server.js';

let db: TestDb;
let base: string;
let worker: ImportWorker;
let uploadDir: string;
let shopId: number;

beforeAll(async () => {
  db = await createTestDb();
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('up', 'Up', 'shopify', 'EUR', 'America/Toronto') RETURNING id`,
  );
  shopId = rows[0]!.id;
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-upload-test-'));
  base = await serve((app) => {
    worker = mountImportRoutes(app, { db, uploadDir }).worker;
  });
});

afterAll(() => worker.stop());

async function upload(body: Buffer | string, query: string) {
  const res = await fetch(`${base}/api/shops/up/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body,
  });
  return { status: res.status, body: (await res.json()) as { id: number; error?: string; code?: string } };
}

describe('upload endpoint', () => {
  it('streams the file to disk and creates a job the worker checks', async () => {
    const file = await readFile(sampleFile('shopify', 'orders_export_devstore_79col.csv'));
    const res = await upload(file, 'fileName=orders_export.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      shop: 'up',
      fileName: 'orders_export.csv',
      fileBytes: file.length,
      phase: 'validate',
    });
    expect(await readdir(uploadDir)).toHaveLength(1);
    await worker.idle();
    const job = await getImportJobDetail(db.pool, shopId, res.body.id);
    expect(job).toMatchObject({
      status: 'validated',
      format: 'shopify-orders',
      rowsRead: 40,
      recordsInserted: 19,
    });
  });

  it('serves the row errors as a CSV with line, column, value and reason', async () => {
    const csv = [
      'Name,Financial Status,Created at,Total,Lineitem quantity,Lineitem name,Lineitem price',
      '#1,paid,2026-11-11 10:00:00 +0800,"9,5",1,Tea,abc',
    ].join('\n');
    const res = await upload(csv, 'fileName=bad.csv&format=shopify-orders');
    await worker.idle();
    const report = await fetch(`${base}/api/shops/up/imports/${res.body.id}/errors.csv`);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(await report.arrayBuffer()).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFline,column,value,reason',
      '2,Lineitem price,abc,"Lineitem price ""abc"" is not an amount; write it like 1659.95"',
      '',
    ]);
    const zh = await fetch(`${base}/api/shops/up/imports/${res.body.id}/errors.csv?lang=zh`);
    expect(
      Buffer.from(await zh.arrayBuffer())
        .toString('utf8')
        .split('\r\n'),
    ).toEqual([
      '\uFEFF行,列,值,原因',
      '2,Lineitem price,abc,Lineitem price：“abc”不是金额，请写成 1659.95 这样的格式',
      '',
    ]);
    const klingon = await fetch(`${base}/api/shops/up/imports/${res.body.id}/errors.csv?lang=tlh`);
    expect(klingon.status).toBe(400);
  });

  it('refuses a generic file without a mapping and an unknown shop, keeping no file', async () => {
    const before = (await readdir(uploadDir)).length;
    const generic = await upload('a,b\n1,2\n', 'fileName=t.csv&format=generic');
    expect(generic).toEqual({
      status: 400,
      body: { error: 'A generic CSV needs a column mapping.', code: 'INVALID_INPUT' },
    });
    const res = await fetch(`${base}/api/shops/nope/imports?fileName=x.csv`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
    expect((await readdir(uploadDir)).length).toBe(before);
  });
});
