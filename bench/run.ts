// pnpm bench [--only name,name]: runs the figures on a fresh embedded PostgreSQL (or BENCH_DATABASE_URL),
// prints a table and merges the numbers into bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connectDb } from '../server/src/db/client.js';
import { withDatabase } from '../server/src/db/database-url.js';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.js';
import { migrate } from '../server/src/db/migrate.js';
import { REPO_ROOT } from '../server/src/env.js';
import { findFreePort } from '../server/src/lib/free-port.js';
import { FIGURES } from './figures.js';
import type { BenchResult } from './harness.js';

const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results.json');

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only?.split(',').map((s) => s.trim());
  const figures = only ? FIGURES.filter((f) => only.includes(f.name)) : FIGURES;
  if (figures.length === 0)
    throw new Error(
      `No figure matches --only ${values.only}. Known: ${FIGURES.map((f) => f.name).join(', ')}`,
    );

  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-bench-pg-'));
    const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    adminUrl = cluster.url('postgres');
    stop = async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const database = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = withDatabase(adminUrl, database);
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  await migrate(migrator);
  await migrator.end();

  const db = connectDb(url);
  // pool.end() resolves before its sockets close: the cluster stopping right after must not crash the run.
  db.pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') console.error(error.message);
  });
  const shared = new Map<string, unknown>();
  const results: Record<string, BenchResult> = existsSync(RESULTS_FILE)
    ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
    : {};
  const rows: string[][] = [];
  try {
    for (const figure of figures) {
      process.stdout.write(`running ${figure.name}…\n`);
      const value = await figure.measure({ db, url, shared });
      const rounded = Math.round(value * 1000) / 1000;
      results[figure.name] = { value: rounded, unit: figure.unit, budget: figure.budget };
      const ok = figure.budgetKind === 'max' ? value <= figure.budget : value >= figure.budget;
      const bound = `${figure.budgetKind === 'max' ? '≤' : '≥'} ${figure.budget}`;
      rows.push([figure.name, String(rounded), figure.unit, bound, ok ? 'ok' : 'OVER BUDGET']);
    }
  } finally {
    await db.close();
    await stop();
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printTable(['figure', 'value', 'unit', 'budget', 'status'], rows);
  console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
