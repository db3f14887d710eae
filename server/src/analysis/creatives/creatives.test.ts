import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addCreative,
  addCreativeDays,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { analyzeCreatives } from './index.js';

const START = '2026-10-01';
const AT = shanghai(plusDays(START, 30), 0);
let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});

describe('analyzeCreatives', () => {
  it('returns data gaps, not findings or a crash, for a shop with no products and no creatives', async () => {
    const shopId = await createShop(db.pool, 'creatives-empty');
    const result = await analyzeCreatives(analysisContext(db.pool, shopId, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps.map((g) => g.check).sort()).toEqual(['creative-fatigue', 'weak-title']);
  });

  it('does not divide by zero for a creative that never had an impression', async () => {
    const shopId = await createShop(db.pool, 'zero-impressions');
    const creative = await addCreative(db.pool, shopId, {
      name: 'idle',
      headline: '双11到手价',
      launchedOn: START,
    });
    await addCreativeDays(
      db.pool,
      shopId,
      creative,
      Array.from({ length: 29 }, (_, i) => ({ day: plusDays(START, i), impressions: 0, clicks: 0 })),
    );
    const result = await analyzeCreatives(analysisContext(db.pool, shopId, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps.find((g) => g.check === 'creative-fatigue')?.reason).toMatch(
      /No creative had impressions/,
    );
  });

  it('flags a creative whose CTR decayed to 40% of its first week', async () => {
    const shopId = await createShop(db.pool, 'fatigued');
    const creative = await addCreative(db.pool, shopId, {
      name: '羽绒服-素材1',
      headline: '限时直降｜羽绒服',
      launchedOn: START,
    });
    const ctr = (i: number) => (i < 14 ? 0.03 : Math.max(0.012, 0.03 - (i - 13) * 0.003));
    await addCreativeDays(
      db.pool,
      shopId,
      creative,
      Array.from({ length: 30 }, (_, i) => ({
        day: plusDays(START, i),
        impressions: 10_000,
        clicks: Math.round(10_000 * ctr(i)),
      })),
    );
    const { findings } = await analyzeCreatives(analysisContext(db.pool, shopId, AT));
    expect(findings).toHaveLength(1);
    const ctrFigure = findings[0]!.evidence.figures.find((f) => f.key === 'ctr')!;
    expect(ctrFigure).toMatchObject({ value: 0.012, baseline: 0.03 });
    expect(findings[0]!.strategies[0]!.kind).toBe('refresh-creative');
  });
});
