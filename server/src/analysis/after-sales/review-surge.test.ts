import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addProduct,
  addReviews,
  addSku,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { analyzeAfterSales } from './index.js';
import { detectNegativeReviewSurges } from './review-surge.js';

const START = '2026-10-10';
const AT = shanghai(plusDays(START, 42), 0);
const GOOD = ['质量很好，做工精细，好评！', 'Great quality, exactly as described.', ''];
const BAD = [
  '质量太差了，用了两天就坏了，非常失望。',
  '做工粗糙，质量不行，差评！',
  'Terrible quality, it broke after two days.',
];
let db: TestDb;
let shopId: number;
let sku: number;

beforeAll(async () => {
  db = await createTestDb();
  shopId = await createShop(db.pool, 'reviews');
  const product = await addProduct(db.pool, shopId, { title: '316不锈钢保温杯', category: '保温杯' });
  sku = await addSku(db.pool, shopId, product, { priceCents: 12_000, costCents: null });
  const calm = await addSku(db.pool, shopId, product, { name: '750ml', priceCents: 15_000 });
  const reviews = [];
  for (let d = 0; d < 42; d++) {
    const surge = d >= 30 && d < 34;
    for (let i = 0; i < 10; i++) {
      const negative = surge ? i < 6 : i === 0 && d % 2 === 0;
      const text = negative ? BAD[i % 3]! : GOOD[i % 3]!;
      reviews.push({
        skuId: sku,
        rating: negative ? 1 : 5,
        text,
        language: /[a-z]/i.test(text) ? 'en' : 'zh',
        createdAt: shanghai(plusDays(START, d), 8 + i),
      });
      reviews.push({
        skuId: calm,
        rating: i === 0 && d % 2 === 0 ? 2 : 5,
        text: GOOD[0]!,
        language: 'zh',
        createdAt: shanghai(plusDays(START, d), 8 + i),
      });
    }
  }
  await addReviews(db.pool, shopId, reviews);
});

describe('detectNegativeReviewSurges', () => {
  it('flags the SKU whose complaints surged, with the window, the theme and replies', async () => {
    const { findings } = await detectNegativeReviewSurges(analysisContext(db.pool, shopId, AT));
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding.entities[0]).toMatchObject({ kind: 'sku', id: String(sku) });
    expect(finding.window).toEqual({
      from: shanghai(plusDays(START, 30), 0).toISOString(),
      to: shanghai(plusDays(START, 34), 0).toISOString(),
    });
    const figure = (key: string) => finding.evidence.figures.find((f) => f.key === key)!;
    expect(figure('negativeReviews').value).toBe(24);
    expect(figure('negativeShare').value).toBe(0.6);
    expect(figure('topComplaintShare').label).toBe('Complaints about quality');
    expect(figure('topComplaintShare').value).toBe(1);
    // 24 complaints and 12 praises with text (4 praises are empty): the model reads each one right.
    expect(figure('textNegativeShare').value).toBe(0.666667);
    const reply = finding.strategies.find((s) => s.kind === 'reply-to-reviews')!;
    expect(reply.params.reviewIds).toHaveLength(24);
    expect(String(reply.params.replyZh)).toContain('质量');
    // The SKU has no cost: profit is unknown, not zero.
    expect(reply.expectedImpact.profitCents).toBeNull();
    expect(finding.strategies.map((s) => s.kind)).toContain('open-quality-case');
  });

  it('reports counts that a direct SQL count over raw reviews reproduces', async () => {
    const finding = (await detectNegativeReviewSurges(analysisContext(db.pool, shopId, AT))).findings[0]!;
    const { rows } = await db.pool.query(
      `SELECT count(*) FILTER (WHERE rating <= 2)::int AS negative, count(*)::int AS total
       FROM reviews WHERE shop_id = $1 AND sku_id = $2 AND created_at >= $3 AND created_at < $4`,
      [shopId, sku, finding.window.from, finding.window.to],
    );
    const figure = (key: string) => finding.evidence.figures.find((f) => f.key === key)!.value;
    expect(figure('negativeReviews')).toBe(rows[0].negative);
    expect(figure('negativeShare')).toBeCloseTo(rows[0].negative / rows[0].total, 6);
  });
});

describe('analyzeAfterSales', () => {
  it('returns one data gap per check and no finding for a shop with no data', async () => {
    const empty = await createShop(db.pool, 'after-sales-empty');
    const result = await analyzeAfterSales(analysisContext(db.pool, empty, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps.map((g) => g.check).sort()).toEqual([
      'late-shipments',
      'negative-review-surge',
      'return-spike',
    ]);
  });
});
