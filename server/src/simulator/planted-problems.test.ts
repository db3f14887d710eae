import { ManifestSchema, PROBLEM_SPECIALIST, PROBLEM_TYPES, type SimulationScale } from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { disprovedClaims } from './problem-proofs.js';
import { type SimulationResult, simulateShop } from './simulate-shop.js';

const ENTITY_TABLES = {
  sku: 'skus',
  campaign: 'ad_campaigns',
  creative: 'creatives',
  warehouse: 'warehouses',
  customer: 'customers',
} as const;

// Two scales and seeds: the tiny shops other tests build must carry provable problems too.
describe.each<[SimulationScale, number]>([
  ['demo', 7],
  ['tiny', 3],
])('the default preset at scale %s, seed %i', (scale, seed) => {
  let db: TestDb;
  let shop: SimulationResult;

  beforeAll(async () => {
    db = await createTestDb();
    shop = await simulateShop(db.pool, { slug: `planted-${scale}`, scale, seed, preset: 'default' });
  });

  it('plants every problem type once, each named for its specialist', () => {
    expect(shop.manifest.problems.map((p) => p.type).sort()).toEqual([...PROBLEM_TYPES].sort());
    for (const problem of shop.manifest.problems)
      expect(problem.specialist).toBe(PROBLEM_SPECIALIST[problem.type]);
  });

  it('stores the manifest with the run, valid against its schema', async () => {
    const { rows } = await db.pool.query(
      'SELECT seed, scale, preset, manifest FROM simulation_runs WHERE shop_id = $1',
      [shop.shopId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seed, scale, preset: 'default' });
    expect(ManifestSchema.parse(rows[0].manifest)).toEqual(shop.manifest);
  });

  it('names entities by their real ids in this shop, with windows that open before they close', async () => {
    for (const problem of shop.manifest.problems) {
      expect(Date.parse(problem.window.from)).toBeLessThan(Date.parse(problem.window.to));
      for (const entity of problem.entities) {
        const table = ENTITY_TABLES[entity.kind as keyof typeof ENTITY_TABLES];
        const { rowCount } = await db.pool.query(`SELECT 1 FROM ${table} WHERE shop_id = $1 AND id = $2`, [
          shop.shopId,
          Number(entity.id),
        ]);
        expect(rowCount, `${problem.id} ${entity.kind} ${entity.id}`).toBe(1);
      }
    }
  });

  it.each(PROBLEM_TYPES)('proves %s against the loaded rows', async (type) => {
    const problem = shop.manifest.problems.find((p) => p.type === type)!;
    expect(await disprovedClaims(db.pool, shop.shopId, problem)).toEqual([]);
  });
});
