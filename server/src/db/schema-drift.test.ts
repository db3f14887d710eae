// The committed migrations must build exactly the schema that prisma/schema.prisma describes:
// a schema edit without its migration (or the reverse) fails here, not in production.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../env.js';
import { createTestDb } from '../test/test-db.js';

const run = promisify(execFile);

async function describeSchema(client: pg.ClientBase): Promise<string[]> {
  const columns = await client.query<{ line: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await client.query<{ line: string }>(
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const constraints = await client.query<{ line: string }>(
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
  );
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line).sort();
}

describe('schema drift', () => {
  it('migrations and schema.prisma describe the same tables, columns, indexes and constraints', async () => {
    const migrated = await createTestDb();
    const fromSchema = await createTestDb();
    const { stdout: sql } = await run(
      path.join(REPO_ROOT, 'server', 'node_modules', '.bin', 'prisma'),
      ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', '../prisma/schema.prisma', '--script'],
      { cwd: path.join(REPO_ROOT, 'server'), env: { ...process.env, DATABASE_URL: fromSchema.url } },
    );
    const client = await fromSchema.pool.connect();
    try {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await client.query(sql);
      const expected = await describeSchema(client);
      const migratedClient = await migrated.pool.connect();
      try {
        expect(await describeSchema(migratedClient)).toEqual(expected);
      } finally {
        migratedClient.release();
      }
    } finally {
      client.release();
    }
  });
});
