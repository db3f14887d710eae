import { beforeAll, describe, expect, it } from 'vitest';
import { countOrphanLines, maySkipForeignKeyChecks } from '../db/foreign-key-checks.js';
import { AppError } from '../errors.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { simulateShop } from './simulate-shop.js';

/** Row counts of every table with a shop_id column, for one shop or (without id) in total. */
async function rowCounts(db: TestDb, shopId?: number): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'shop_id' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const where = shopId === undefined ? '' : 'WHERE shop_id = $1';
    const result = await db.pool.query(
      `SELECT count(*)::int AS n FROM ${table_name} ${where}`,
      shopId === undefined ? [] : [shopId],
    );
    counts[table_name] = result.rows[0].n;
  }
  return counts;
}

describe('simulateShop', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it('writes exactly the rows it reports, under a new shop in Asia/Shanghai', async () => {
    const result = await simulateShop(db.pool, { slug: 'counts', scale: 'tiny', seed: 1, preset: 'default' });
    const stored = await rowCounts(db, result.shopId);
    for (const [table, n] of Object.entries(result.counts)) expect(stored[table], table).toBe(n);
    expect(result.counts.orders).toBeGreaterThan(2_400);
    expect(result.counts.orders).toBeLessThan(2_600);
    expect(stored.simulation_runs).toBe(1);
    expect(stored.promotions).toBe(1);
    const { rows } = await db.pool.query('SELECT slug, time_zone, currency FROM shops WHERE id = $1', [
      result.shopId,
    ]);
    expect(rows[0]).toEqual({ slug: 'counts', time_zone: 'Asia/Shanghai', currency: 'CNY' });
  });

  it('moves id sequences past the ids it assigned, so later inserts do not collide', async () => {
    const { shopId } = await simulateShop(db.pool, {
      slug: 'sequences',
      scale: 'tiny',
      seed: 2,
      preset: 'clean',
    });
    const { rows } = await db.pool.query(
      `INSERT INTO orders (shop_id, external_id, status, placed_at, total_cents)
       VALUES ($1, 'manual-1', 'paid', now(), 100) RETURNING id`,
      [shopId],
    );
    const { rows: max } = await db.pool.query(
      'SELECT max(id) AS id FROM orders WHERE shop_id = $1 AND external_id <> $2',
      [shopId, 'manual-1'],
    );
    expect(Number(rows[0].id)).toBeGreaterThan(Number(max[0].id));
  });

  it('finds order lines without an order, the check that stands in for row-by-row foreign keys', async () => {
    const { shopId } = await simulateShop(db.pool, {
      slug: 'orphans',
      scale: 'tiny',
      seed: 10,
      preset: 'clean',
    });
    expect(await maySkipForeignKeyChecks(db.pool)).toBe(true);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await countOrphanLines(client, shopId)).toBe(0);
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `INSERT INTO order_lines (shop_id, order_id, line_no, sku_id, quantity, unit_price_cents, total_cents)
         VALUES ($1, 8888888, 1, 1, 1, 100, 100)`,
        [shopId],
      );
      expect(await countOrphanLines(client, shopId)).toBe(1);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('refuses an existing slug without replace, saying how to replace it', async () => {
    const first = await simulateShop(db.pool, { slug: 'taken', scale: 'tiny', seed: 3, preset: 'clean' });
    const attempt = simulateShop(db.pool, { slug: 'taken', scale: 'tiny', seed: 4, preset: 'clean' });
    await expect(attempt).rejects.toThrow(/A shop with slug "taken" already exists.*--replace/);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    const { rows } = await db.pool.query('SELECT id FROM shops WHERE slug = $1', ['taken']);
    expect(rows).toEqual([{ id: first.shopId }]);
  });

  it('replaces a shop: the old shop and every row it owned are gone', async () => {
    const old = await simulateShop(db.pool, { slug: 'replaced', scale: 'tiny', seed: 5, preset: 'default' });
    await db.pool.query(
      `INSERT INTO shop_hourly_rollup (shop_id, hour, gmv_cents, paid_orders, units, refund_cents, refunded_orders)
       VALUES ($1, '2020-01-01', 1, 1, 1, 0, 0)`,
      [old.shopId],
    );
    const fresh = await simulateShop(db.pool, {
      slug: 'replaced',
      scale: 'tiny',
      seed: 6,
      preset: 'default',
      replace: true,
    });
    expect(fresh.shopId).not.toBe(old.shopId);
    const leftovers = Object.entries(await rowCounts(db, old.shopId)).filter(([, n]) => n > 0);
    expect(leftovers).toEqual([]);
    const { rows } = await db.pool.query('SELECT id FROM shops WHERE slug = $1', ['replaced']);
    expect(rows).toEqual([{ id: fresh.shopId }]);
  });

  it('leaves nothing behind when the load fails midway', async () => {
    const before = await rowCounts(db);
    await db.pool.query(`
      CREATE FUNCTION fail_review() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
      CREATE TRIGGER fail_review BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION fail_review();`);
    try {
      await expect(
        simulateShop(db.pool, { slug: 'broken', scale: 'tiny', seed: 7, preset: 'default' }),
      ).rejects.toThrow(/disk full \(simulated\)/);
    } finally {
      await db.pool.query('DROP TRIGGER fail_review ON reviews; DROP FUNCTION fail_review();');
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('keeps the old shop intact when its replacement fails in the last step', async () => {
    const old = await simulateShop(db.pool, { slug: 'kept', scale: 'tiny', seed: 8, preset: 'clean' });
    const before = await rowCounts(db);
    await db.pool.query(`
      CREATE FUNCTION fail_customer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.shop_id <> ${old.shopId} THEN RAISE EXCEPTION 'constraint violated (simulated)'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_customer BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION fail_customer();`);
    try {
      await expect(
        simulateShop(db.pool, { slug: 'kept', scale: 'tiny', seed: 9, preset: 'clean', replace: true }),
      ).rejects.toThrow(/constraint violated/);
    } finally {
      await db.pool.query('DROP TRIGGER fail_customer ON customers; DROP FUNCTION fail_customer();');
    }
    expect(await rowCounts(db)).toEqual(before);
    const { rows } = await db.pool.query('SELECT id FROM shops WHERE slug = $1', ['kept']);
    expect(rows).toEqual([{ id: old.shopId }]);
  });

  it('rejects invalid options with a message naming the field', async () => {
    // @ts-expect-error: a scale that does not exist, as a CLI or API caller might send it
    const attempt = simulateShop(db.pool, { slug: 'bad', scale: 'huge', seed: 1, preset: 'default' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/Invalid simulation options: scale:/);
    await expect(simulateShop(db.pool, { slug: 'Bad Slug', scale: 'tiny', seed: 1 })).rejects.toThrow(/slug/);
  });
});
