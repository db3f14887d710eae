// The ads specialist on small hand-made shops with known answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addOrders,
  addProduct,
  addSku,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { addCampaign, addCampaignDays, addCampaignHours } from '../shared/test-shop-operations.js';
import { analyzeAds } from './index.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

const FIRST_DAY = '2026-10-24';
const DAYS = 28;
const AT = shanghai(plusDays(FIRST_DAY, DAYS), 0);

interface DayPlan {
  spend: number;
  clicks: number;
  conversions: number;
  revenue: number;
  budget?: number;
}

async function campaignWithDays(shopId: number, name: string, plan: (d: number) => DayPlan, skuId?: number) {
  const id = await addCampaign(db.pool, shopId, {
    name,
    dailyBudgetCents: 100_000,
    startsOn: FIRST_DAY,
    skuId,
  });
  await addCampaignDays(
    db.pool,
    shopId,
    id,
    Array.from({ length: DAYS }, (_, d) => {
      const p = plan(d);
      return {
        day: plusDays(FIRST_DAY, d),
        budgetCents: p.budget ?? 100_000,
        spendCents: p.spend,
        clicks: p.clicks,
        conversions: p.conversions,
        revenueCents: p.revenue,
      };
    }),
  );
  return id;
}

const steady = (conversions = 20): DayPlan => ({
  spend: 50_000,
  clicks: 500,
  conversions,
  revenue: conversions * 10_000,
});

describe('ads on bad input', () => {
  it('says there are no campaigns instead of failing', async () => {
    const shopId = await createShop(db.pool, 'no-ads');
    const result = await analyzeAds(analysisContext(db.pool, shopId, AT));
    expect(result).toEqual({ findings: [], gaps: [expect.objectContaining({ check: 'campaigns' })] });
  });

  it('reports a data gap for campaigns that never spent, with no finding and no division by zero', async () => {
    const shopId = await createShop(db.pool, 'zero-spend');
    await campaignWithDays(shopId, 'idle-a', () => ({ spend: 0, clicks: 0, conversions: 0, revenue: 0 }));
    await campaignWithDays(shopId, 'idle-b', () => ({ spend: 0, clicks: 0, conversions: 0, revenue: 0 }));
    const result = await analyzeAds(analysisContext(db.pool, shopId, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps).toEqual([
      expect.objectContaining({ check: 'ad-spend', reason: expect.stringMatching(/No ad spend/) }),
    ]);
  });
});

describe('ROAS collapse', () => {
  it('finds the six days a campaign stopped converting, with ROAS against the week before', async () => {
    const shopId = await createShop(db.pool, 'roas');
    const broken = await campaignWithDays(shopId, 'broken', (d) =>
      d >= 12 && d < 18 ? steady(3) : steady(),
    );
    await campaignWithDays(shopId, 'fine-a', () => steady());
    await campaignWithDays(shopId, 'fine-b', () => steady(25));
    const result = await analyzeAds(analysisContext(db.pool, shopId, AT));
    const collapse = result.findings.filter((f) => f.type === 'roas-collapse');
    expect(collapse.map((f) => f.entities[0]!.id)).toEqual([String(broken)]);
    expect(collapse[0]!.window).toEqual({
      from: shanghai(plusDays(FIRST_DAY, 12), 0).toISOString(),
      to: shanghai(plusDays(FIRST_DAY, 18), 0).toISOString(),
    });
    const roas = collapse[0]!.evidence.figures.find((f) => f.key === 'roas')!;
    expect(roas.value).toBeCloseTo(0.6, 6); // 3 × ¥100 / ¥500 a day
    expect(roas.baseline).toBeCloseTo(4, 6);
    expect(collapse[0]!.severity).toBe('medium'); // it recovered before the diagnosis
    const wasted = collapse[0]!.evidence.figures.find((f) => f.key === 'wastedSpendCents')!;
    expect(wasted.value).toBe(6 * 50_000 - (6 * 30_000) / 4);
  });
});

describe('budget pacing', () => {
  it('flags a budget spent by 14:00 when the shop peaks at 20:00, with the missed share of GMV', async () => {
    const shopId = await createShop(db.pool, 'pacing');
    const productId = await addProduct(db.pool, shopId, { title: '围巾', category: 'scarf' });
    const skuId = await addSku(db.pool, shopId, productId, { priceCents: 10_000, costCents: 4000 });
    const lastDay = plusDays(FIRST_DAY, DAYS - 1);
    // One order an hour, five at 20:00: 28 orders, 18 of them from 14:00 on.
    await addOrders(
      db.pool,
      shopId,
      Array.from({ length: 24 }, (_, h) =>
        Array.from({ length: h === 20 ? 5 : 1 }, () => ({
          placedAt: shanghai(lastDay, h),
          skuId,
          unitPriceCents: 10_000,
        })),
      ).flat(),
    );
    const early = await campaignWithDays(
      shopId,
      'early',
      (d) => ({ ...steady(), budget: d === DAYS - 1 ? 28_000 : 100_000 }),
      skuId,
    );
    await campaignWithDays(shopId, 'other', () => steady());
    await addCampaignHours(
      db.pool,
      shopId,
      early,
      Array.from({ length: 14 }, (_, h) => ({
        hour: shanghai(lastDay, h),
        spendCents: 2000,
        clicks: 20,
        conversions: 1,
        revenueCents: 8000,
      })),
    );
    const result = await analyzeAds(analysisContext(db.pool, shopId, AT));
    const pacing = result.findings.filter((f) => f.type === 'budget-exhausted-before-peak');
    expect(pacing.map((f) => f.entities[0]!.id)).toEqual([String(early)]);
    const figures = Object.fromEntries(pacing[0]!.evidence.figures.map((f) => [f.key, f]));
    expect(figures.exhaustedLocalHour!.value).toBe(14);
    expect(figures.exhaustedLocalHour!.baseline).toBe(20);
    expect(figures.missedGmvShare!.value).toBeCloseTo(14 / 28, 6);
    expect(pacing[0]!.strategies[0]).toMatchObject({
      kind: 'adjust-budget',
      params: { campaignId: String(early) },
    });
  });
});

describe('wasted spend and reallocation', () => {
  it('flags a campaign below break-even at its SKU margin and plans money toward the better one', async () => {
    const shopId = await createShop(db.pool, 'waste');
    const productId = await addProduct(db.pool, shopId, { title: '帽子', category: 'hat' });
    const skuId = await addSku(db.pool, shopId, productId, { priceCents: 10_000, costCents: 6000 });
    // Margin 40% → break-even ROAS 2.5; this one returns 2.
    const weak = await campaignWithDays(
      shopId,
      'weak',
      () => ({ spend: 50_000, clicks: 500, conversions: 10, revenue: 100_000 }),
      skuId,
    );
    const strong = await campaignWithDays(shopId, 'strong', () => ({
      spend: 50_000,
      clicks: 500,
      conversions: 30,
      revenue: 300_000,
    }));
    const result = await analyzeAds(analysisContext(db.pool, shopId, AT));
    const wasted = result.findings.filter((f) => f.type === 'wasted-spend');
    expect(wasted.map((f) => f.entities[0]!.id)).toEqual([String(weak)]);
    // 7 days: ¥3,500 spend − ¥7,000 revenue × 40% margin = ¥700 not paid back.
    expect(wasted[0]!.evidence.figures.find((f) => f.key === 'wastedSpendCents')!.value).toBe(
      350_000 - 700_000 * 0.4,
    );
    const plan = result.findings.find((f) => f.type === 'budget-reallocation')!;
    expect(plan.strategies[0]!.params).toMatchObject({
      fromCampaignId: String(weak),
      toCampaignId: String(strong),
    });
    expect(plan.strategies[0]!.expectedImpact.gmvCents.expected).toBeGreaterThan(0);
  });
});
