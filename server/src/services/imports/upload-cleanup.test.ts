import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { createImportJob } from './import-jobs.js';
import { startImportWorker } from './import-worker.js';
import { removeStaleUploads } from './upload-cleanup.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

describe('removeStaleUploads', () => {
  it('keeps files a job still needs and fresh uploads, and removes old files nobody needs', async () => {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO shops (slug, name) VALUES ('cleanup', 'Cleanup') RETURNING id`,
    );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-uploads-'));
    const file = (name: string) => path.join(dir, name);
    for (const name of ['checked.csv', 'old-checked.csv', 'orphan.csv', 'uploading.csv'])
      await writeFile(file(name), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const name of ['checked.csv', 'old-checked.csv', 'orphan.csv'])
      await utimes(file(name), twoHoursAgo, twoHoursAgo);
    const job = (name: string) =>
      createImportJob(db.pool, {
        shopId: rows[0]!.id,
        format: null,
        mapping: null,
        fileName: name,
        filePath: file(name),
        fileBytes: 1,
        phase: 'validate',
        importValidRows: false,
      });
    const checked = await job('checked.csv');
    const oldChecked = await job('old-checked.csv');
    await db.pool.query(`UPDATE import_jobs SET status = 'validated', finished_at = now() WHERE id = $1`, [
      checked.id,
    ]);
    await db.pool.query(
      `UPDATE import_jobs SET status = 'validated', finished_at = now() - interval '8 days' WHERE id = $1`,
      [oldChecked.id],
    );

    const removed = await removeStaleUploads(db.pool, dir);
    expect(removed.sort()).toEqual(['old-checked.csv', 'orphan.csv']);
    expect((await readdir(dir)).sort()).toEqual(['checked.csv', 'uploading.csv']);
  });

  it('runs when the import worker starts, and the worker stops only after it, so its pool can close', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-uploads-'));
    const orphan = path.join(dir, 'orphan.csv');
    await writeFile(orphan, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(orphan, twoHoursAgo, twoHoursAgo);
    const worker = startImportWorker(db.pool, { uploadDir: dir, pollMs: 60_000 });
    await worker.stop();
    expect(await readdir(dir)).toEqual([]);
  });
});
