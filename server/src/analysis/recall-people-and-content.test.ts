// Proof against the simulator's ground truth for the creatives, customer-insight and after-sales
// specialists: recall on planted problems (right entity, overlapping window) over 20 seeded tiny
// shops, and precision on the clean preset (no high-severity finding from these specialists).
import type { Finding, PlantedProblem } from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateShop } from '../simulator/simulate-shop.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { analyzeAfterSales } from './after-sales/index.js';
import { analyzeCreatives } from './creatives/index.js';
import { analyzeCustomers } from './customers/index.js';
import { createQueryFn } from './query.js';
import type { AnalysisContext } from './types.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** The simulated season ends on November 21, 00:00 shop time: the data is "as of" then. */
const AT = new Date('2026-11-20T16:00:00Z');
/** Planted type → the finding type that proves it (a weak title is our side of a search-traffic gap). */
const PROVED_BY: Record<string, string> = {
  'creative-fatigue': 'creative-fatigue',
  'churn-risk': 'churn-risk',
  'return-spike': 'return-spike',
  'late-shipments': 'late-shipments',
  'negative-review-surge': 'negative-review-surge',
  'search-traffic-gap': 'weak-title',
};

interface ShopRun {
  seed: number;
  shopId: number;
  problems: PlantedProblem[];
  findings: Finding[];
}

let db: TestDb;
const defaultRuns: ShopRun[] = [];
const cleanRuns: ShopRun[] = [];

async function runShop(seed: number, preset: 'default' | 'clean'): Promise<ShopRun> {
  const { shopId, manifest } = await simulateShop(db.pool, {
    slug: `pc-${preset}-${seed}`,
    scale: 'tiny',
    seed,
    preset,
  });
  const context: AnalysisContext = {
    shopId,
    at: AT,
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    query: createQueryFn(db.pool),
  };
  const results = await Promise.all([
    analyzeCreatives(context),
    analyzeCustomers(context),
    analyzeAfterSales(context),
  ]);
  return { seed, shopId, problems: manifest.problems, findings: results.flatMap((r) => r.findings) };
}

function overlaps(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return Date.parse(a.from) < Date.parse(b.to) && Date.parse(b.from) < Date.parse(a.to);
}

function isFound(problem: PlantedProblem, findings: readonly Finding[]): boolean {
  const planted = new Set(problem.entities.map((e) => `${e.kind}:${e.id}`));
  return findings.some(
    (f) =>
      f.type === PROVED_BY[problem.type] &&
      overlaps(f.window, problem.window) &&
      f.entities.some((e) => planted.has(`${e.kind}:${e.id}`)),
  );
}

beforeAll(async () => {
  db = await createTestDb();
  for (const seed of SEEDS) {
    defaultRuns.push(await runShop(seed, 'default'));
    cleanRuns.push(await runShop(seed, 'clean'));
  }
}, 600_000);

const MIN_RECALL = 0.9;

describe('recall on planted problems, 20 tiny shops', () => {
  it.each(Object.keys(PROVED_BY))('finds ≥ 90% of planted %s with the right entity and window', (type) => {
    const planted = defaultRuns.flatMap((run) =>
      run.problems.filter((p) => p.type === type).map((p) => ({ run, p })),
    );
    expect(planted.length).toBeGreaterThanOrEqual(20);
    const missed = planted.filter(({ run, p }) => !isFound(p, run.findings)).map(({ run }) => run.seed);
    const recall = (planted.length - missed.length) / planted.length;
    expect({ type, recall, missedSeeds: missed }).toEqual({
      type,
      recall: expect.any(Number),
      missedSeeds: missed,
    });
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});

describe('precision on the clean preset, 20 tiny shops', () => {
  it('raises no high-severity finding from creatives, customers or after-sales', () => {
    const high = cleanRuns.flatMap((run) =>
      run.findings.filter((f) => f.severity === 'high').map((f) => `seed ${run.seed}: ${f.id}`),
    );
    expect(high).toEqual([]);
  });
});

describe('evidence equals a direct SQL recomputation', () => {
  it('recounts refund requests, late parcels and low ratings of every such finding from raw rows', async () => {
    let checked = 0;
    for (const run of defaultRuns.slice(0, 5)) {
      for (const f of run.findings) {
        const entity = Number(f.entities[0]!.id);
        const value = (key: string) => f.evidence.figures.find((x) => x.key === key)!.value;
        const params = [run.shopId, entity, f.window.from, f.window.to];
        if (f.type === 'return-spike') {
          const { rows } = await db.pool.query(
            'SELECT count(*)::int AS n FROM refunds WHERE shop_id = $1 AND sku_id = $2 AND requested_at >= $3 AND requested_at < $4',
            params,
          );
          expect(value('refundRequests')).toBe(rows[0].n);
          checked++;
        }
        if (f.type === 'late-shipments') {
          const { rows } = await db.pool.query(
            `SELECT count(*) FILTER (WHERE coalesce(shipped_at, $5) > promised_at)::int AS n FROM shipments
             WHERE shop_id = $1 AND warehouse_id = $2 AND promised_at >= $3 AND promised_at < $4`,
            [...params, AT],
          );
          expect(value('lateShipments')).toBe(rows[0].n);
          checked++;
        }
        if (f.type === 'negative-review-surge') {
          const { rows } = await db.pool.query(
            'SELECT count(*) FILTER (WHERE rating <= 2)::int AS n FROM reviews WHERE shop_id = $1 AND sku_id = $2 AND created_at >= $3 AND created_at < $4',
            params,
          );
          expect(value('negativeReviews')).toBe(rows[0].n);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
