// pnpm run db:migration <name> [--from <git ref>]: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema as committed at <ref> (default HEAD) to the working prisma/schema.prisma.
// The Prisma CLI cannot diff against a live database offline when it uses a driver adapter
// (docs/decisions/0002-own-migration-runner.md), so we diff two schema files; it needs a reachable
// PostgreSQL only to start, which a throwaway embedded one provides.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.js';
import { REPO_ROOT } from '../server/src/env.js';
import { findFreePort } from '../server/src/lib/free-port.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: 'HEAD' } },
});
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: pnpm run db:migration <name> [--from <git ref>]   (name: lowercase letters, digits, underscores)',
  );
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhanggui-migration-'));
const oldSchema = path.join(dataDir, 'schema.prisma');
writeFileSync(
  oldSchema,
  execFileSync('git', ['show', `${values.from}:prisma/schema.prisma`], { cwd: REPO_ROOT, encoding: 'utf8' }),
);
const pgDir = mkdtempSync(path.join(os.tmpdir(), 'zhanggui-migration-pg-'));
const cluster = await startEmbeddedPostgres({ dataDir: pgDir, port: await findFreePort(), durable: false });
try {
  const sql = execFileSync(
    'pnpm',
    [
      'exec',
      'prisma',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      oldSchema,
      '--to-schema-datamodel',
      '../prisma/schema.prisma',
      '--script',
    ],
    {
      cwd: path.join(REPO_ROOT, 'server'),
      env: { ...process.env, DATABASE_URL: cluster.url('postgres') },
      encoding: 'utf8',
    },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`prisma/schema.prisma matches ${values.from}: nothing to write.`);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(REPO_ROOT, 'prisma', 'migrations', `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${path.relative(REPO_ROOT, dir)}/migration.sql`);
  }
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
}
