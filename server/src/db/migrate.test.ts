import { createHash } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { type Migration, migrate, readMigrations } from './migrate.js';

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

async function tableNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.tablename);
}

describe('migration runner', () => {
  it('applies the committed migrations to a fresh database and records them like Prisma', async () => {
    const db = await createTestDb();
    const client = await db.pool.connect();
    try {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const committed = await readMigrations();
      const applied = await migrate(client);
      expect(applied).toEqual(committed.map((m) => m.name));
      expect(await tableNames(client)).toEqual(
        expect.arrayContaining(['shops', 'orders', 'order_lines', 'shop_hourly_rollup']),
      );
      const { rows } = await client.query(
        'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"',
      );
      expect(rows).toHaveLength(committed.length);
      expect(rows[0]).toMatchObject({
        migration_name: committed[0]!.name,
        checksum: committed[0]!.checksum,
        applied_steps_count: 1,
      });
    } finally {
      client.release();
    }
  });

  it('does nothing when run again', async () => {
    const db = await createTestDb();
    const client = await db.pool.connect();
    try {
      expect(await migrate(client)).toEqual([]);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(rows[0].n).toBe((await readMigrations()).length);
    } finally {
      client.release();
    }
  });

  it('rolls back a broken migration completely and names it', async () => {
    const db = await createTestDb();
    const client = await db.pool.connect();
    try {
      const broken = migration(
        '29990101000000_broken',
        'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;',
      );
      await expect(migrate(client, [...(await readMigrations()), broken])).rejects.toThrow(
        /Migration 29990101000000_broken failed and was rolled back: .*no_such_table/,
      );
      expect(await tableNames(client)).not.toContain('half_done');
      const { rows } = await client.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1', [
        broken.name,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      client.release();
    }
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const db = await createTestDb();
    const client = await db.pool.connect();
    try {
      const [first, ...rest] = await readMigrations();
      const edited = migration(first!.name, `${first!.sql}\n-- edited`);
      await expect(migrate(client, [edited, ...rest])).rejects.toThrow(/edited after being applied/);
    } finally {
      client.release();
    }
  });
});
