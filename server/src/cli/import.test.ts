import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../env.js';
import { sampleFile } from '../imports/testing.js';
import { createTestDb, type TestDb } from '../test/test-db.js';

const run = promisify(execFile);
let db: TestDb;

/** `pnpm run import …` as a merchant types it, against this file's test database. */
async function pnpmRunImport(args: string[]): Promise<{ code: number; out: string }> {
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.env.npm_execpath] : null;
  const [command, prefix] = pnpm ? [process.execPath, pnpm] : ['npx', ['-y', 'pnpm@10']];
  try {
    const { stdout, stderr } = await run(command, [...prefix, 'run', 'import', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  db = await createTestDb();
});

describe('pnpm run import', () => {
  it('creates the shop when asked (--create), imports the real Shopify export and prints the summary', async () => {
    const file = sampleFile('shopify', 'orders_export_devstore_79col.csv');
    const result = await pnpmRunImport([
      '--shop',
      'cli-shop',
      '--create',
      '--currency',
      'EUR',
      '--time-zone',
      'America/Toronto',
      file,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('created shop "cli-shop" (EUR, America/Toronto)');
    expect(result.out).toContain('Imported 40 rows: 19 new orders, 0 updated, 0 unchanged.');
    const progress = result.out.split('\n').filter((line) => /^\s+\d+%/.test(line));
    expect(progress.at(-1)).toBe('  100%  40 rows read, 0 rejected');
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = 'cli-shop'`,
    );
    expect(rows[0].n).toBe(19);
  }, 60_000);

  it('exits non-zero and names the problem when the file fails', async () => {
    const file = path.join(
      REPO_ROOT,
      '..',
      'shared',
      'data',
      'taobao_formats',
      'taobao_assistant_items_sample.csv',
    );
    const result = await pnpmRunImport(['--shop', 'cli-shop', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('淘宝助理 (Taobao Assistant) item package');
  }, 60_000);
});
