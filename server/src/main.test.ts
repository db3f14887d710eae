// Start-up failures a user can cause: each says one clear sentence and exits non-zero.
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './env.js';
import { findFreePort } from './lib/free-port.js';
import { createTestDb } from './test/test-db.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(REPO_ROOT, 'server', 'src', 'main.ts');

async function startMain(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await run(TSX, [MAIN], {
      env: { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('start-up errors', () => {
  it('says in one sentence that the database is unreachable, with no stack trace', async () => {
    const closedPort = await findFreePort();
    const { code, stderr } = await startMain({
      DATABASE_URL: `postgresql://nobody:secret@127.0.0.1:${closedPort}/none`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot reach PostgreSQL');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toContain('secret');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says the port is taken and how to choose another', async () => {
    const db = await createTestDb();
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await startMain({ DATABASE_URL: db.url, PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is taken`);
      expect(stderr).toContain('PORT=');
    } finally {
      blocker.close();
    }
  });

  it('names the environment variable that has a bad value', async () => {
    const { code, stderr } = await startMain({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid environment: PORT/);
  });
});
