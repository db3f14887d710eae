// Proof against the simulator's ground truth for the analytics, ads and inventory specialists over 20
// seeded tiny shops: recall of every planted problem of theirs (right entity, overlapping window), the
// clean preset's precision across all six specialists, and evidence equal to SQL over raw rows.
import {
  type Diagnosis,
  type Finding,
  type PlantedProblem,
  PROBLEM_SPECIALIST,
  type ProblemType,
  type Specialist,
} from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateShop } from '../simulator/simulate-shop.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { diagnoseShop } from './diagnose.js';
import { createQueryFn } from './query.js';
import { canRecompute, recomputeFigures } from './shared/test-evidence-sql.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** The simulated season ends on November 21, 00:00 shop time: the data is "as of" then. */
const AT = new Date('2026-11-20T16:00:00Z');
const TIME_ZONE = 'Asia/Shanghai';

/** Planted type → the finding types that prove it. */
const PROVED_BY: Partial<Record<ProblemType, string[]>> = {
  'search-traffic-gap': ['search-traffic-gap'],
  'price-rise-conversion-drop': ['price-rise-conversion-drop'],
  'roas-collapse': ['roas-collapse'],
  'budget-exhausted-before-peak': ['budget-exhausted-before-peak'],
  'stock-out': ['stock-out'],
  overstock: ['overstock'],
};

interface ShopRun {
  seed: number;
  shopId: number;
  problems: PlantedProblem[];
  diagnosis: Diagnosis;
}

let db: TestDb;
const defaultRuns: ShopRun[] = [];
const cleanRuns: ShopRun[] = [];

/** Planted shops are judged by this file's specialists; clean ones by all six, for precision. */
const MINE: Specialist[] = ['analytics', 'ads', 'inventory'];

async function runShop(seed: number, preset: 'default' | 'clean'): Promise<ShopRun> {
  const slug = `aai-${preset}-${seed}`;
  const { shopId, manifest } = await simulateShop(db.pool, { slug, scale: 'tiny', seed, preset });
  const specialists = preset === 'default' ? MINE : undefined;
  const diagnosis = await diagnoseShop(createQueryFn(db.pool), { shop: slug, at: AT, specialists });
  return { seed, shopId, problems: manifest.problems, diagnosis };
}

const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  Date.parse(a.from) < Date.parse(b.to) && Date.parse(b.from) < Date.parse(a.to);

/** The planted entities that some proving finding names, with an overlapping window. */
function entitiesFound(problem: PlantedProblem, findings: readonly Finding[]): number {
  const proving = findings.filter(
    (f) =>
      f.specialist === PROBLEM_SPECIALIST[problem.type] &&
      PROVED_BY[problem.type]!.includes(f.type) &&
      overlaps(f.window, problem.window),
  );
  const named = new Set(proving.flatMap((f) => f.entities.map((e) => `${e.kind}:${e.id}`)));
  return problem.entities.filter((e) => named.has(`${e.kind}:${e.id}`)).length;
}

beforeAll(async () => {
  db = await createTestDb();
  // Two shops at a time: one generates in Node while PostgreSQL loads the other.
  for (const seed of SEEDS) {
    const [planted, clean] = await Promise.all([runShop(seed, 'default'), runShop(seed, 'clean')]);
    defaultRuns.push(planted);
    cleanRuns.push(clean);
  }
}, 600_000);

describe('recall on planted problems, 20 tiny shops', () => {
  const table: string[] = [];
  it.each(Object.keys(PROVED_BY) as ProblemType[])(
    'finds ≥ 90%% of planted %s, every planted entity named',
    (type) => {
      const planted = defaultRuns.flatMap((run) =>
        run.problems.filter((p) => p.type === type).map((p) => ({ run, p })),
      );
      expect(planted.length).toBeGreaterThanOrEqual(20);
      const found = planted.map(({ run, p }) => ({
        seed: run.seed,
        named: entitiesFound(p, run.diagnosis.findings),
        of: p.entities.length,
      }));
      const recall = found.filter((f) => f.named > 0).length / found.length;
      const entityRecall = found.reduce((s, f) => s + f.named, 0) / found.reduce((s, f) => s + f.of, 0);
      const missed = found.filter((f) => f.named < f.of).map((f) => `seed ${f.seed}: ${f.named}/${f.of}`);
      table.push(
        `${type.padEnd(30)} recall ${recall.toFixed(2)}  entities ${entityRecall.toFixed(2)}  ${missed.join(', ')}`,
      );
      process.stdout.write(`${table.at(-1)}\n`);
      expect(recall).toBeGreaterThanOrEqual(0.9);
      expect(entityRecall).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('precision on the clean preset, 20 tiny shops', () => {
  it('raises at most one high-severity finding per shop across all six specialists', () => {
    const perShop = cleanRuns.map((run) => ({
      seed: run.seed,
      high: run.diagnosis.findings.filter((f) => f.severity === 'high').map((f) => f.id),
    }));
    expect(perShop.filter((s) => s.high.length > 1)).toEqual([]);
  });

  it('plants nothing on the clean preset, so nothing is expected', () => {
    expect(cleanRuns.every((run) => run.problems.length === 0)).toBe(true);
  });
});

describe('evidence equals a direct SQL recomputation from raw rows', () => {
  it('recomputes every checkable figure of the analytics, ads and inventory findings of five shops', async () => {
    const checked = new Map<string, number>();
    for (const run of [...defaultRuns.slice(0, 5), ...cleanRuns.slice(0, 2)]) {
      for (const finding of run.diagnosis.findings.filter(canRecompute)) {
        const raw = await recomputeFigures(db.pool, run.shopId, finding, TIME_ZONE);
        for (const [key, value] of Object.entries(raw)) {
          const reported = finding.evidence.figures.find((f) => f.key === key)!;
          const unit = reported.unit;
          const expected =
            value === null
              ? null
              : unit === 'cents' || unit === 'units' || unit === 'count'
                ? Math.round(value)
                : value;
          if (expected === null)
            expect({ id: finding.id, key, value: reported.value }).toEqual({
              id: finding.id,
              key,
              value: null,
            });
          else
            expect({ id: finding.id, key, value: reported.value }).toEqual({
              id: finding.id,
              key,
              value: expect.closeTo(expected, 5),
            });
          checked.set(finding.type, (checked.get(finding.type) ?? 0) + 1);
        }
      }
    }
    process.stdout.write(`figures recomputed: ${JSON.stringify(Object.fromEntries(checked))}\n`);
    for (const type of [
      'search-traffic-gap',
      'price-rise-conversion-drop',
      'roas-collapse',
      'budget-exhausted-before-peak',
      'stock-out',
      'overstock',
    ]) {
      expect(checked.get(type) ?? 0, type).toBeGreaterThanOrEqual(5);
    }
  });
});
