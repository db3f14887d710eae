import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../lib/free-port.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

async function select1(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

describe('the embedded cluster', () => {
  it('is joined, not started twice, by a second process on the same data directory', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-embedded-'));
    const port = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir, port, durable: false });
    try {
      // What `pnpm diagnose` does while `pnpm start` runs: same data directory, same port.
      const second = await startEmbeddedPostgres({ dataDir, port });
      expect(await select1(second.url('postgres'))).toBe(1);
      await second.stop();
      // Stopping the joiner leaves the cluster to the process that started it.
      expect(await select1(first.url('postgres'))).toBe(1);
    } finally {
      await first.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('still refuses a port that something else holds', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-embedded-'));
    const port = await findFreePort();
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-other-'));
    const other = await startEmbeddedPostgres({ dataDir: otherDir, port, durable: false });
    try {
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
        `Port ${port} for the embedded PostgreSQL is taken`,
      );
    } finally {
      await other.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(otherDir, { recursive: true, force: true });
    }
  }, 60_000);
});
