// The analytics specialist on small hand-made shops with known answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { loadDataSpan } from '../shared/data-span.js';
import { loadPromotions } from '../shared/promotion.js';
import {
  addProduct,
  addSku,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { addPriceChange, addPromotion, addSkuTrafficDays } from '../shared/test-shop-operations.js';
import { analyzeAnalytics } from './index.js';
import { checkKpiAgainstTargets } from './kpi-target.js';
import { checkPriceRiseConversion } from './price-conversion.js';
import { checkSearchGaps } from './search-gap.js';
import { loadSkuTraffic } from './sku-traffic.js';
import { checkSourceFunnel } from './source-funnel.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

const AT = shanghai('2026-11-21', 0);

describe('analytics on a shop without data', () => {
  it('says there is nothing to analyse instead of failing', async () => {
    const shopId = await createShop(db.pool, 'empty');
    const result = await analyzeAnalytics(analysisContext(db.pool, shopId, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps).toEqual([expect.objectContaining({ specialist: 'analytics', check: 'shop-data' })]);
  });
});

describe('search traffic gap', () => {
  it('flags the product whose search share of organic visits is far below its category peers', async () => {
    const shopId = await createShop(db.pool, 'search-gap');
    const skuIds: number[] = [];
    for (let i = 0; i < 7; i++) {
      const productId = await addProduct(db.pool, shopId, { title: `围巾 ${i}`, category: 'scarf' });
      skuIds.push(
        await addSku(db.pool, shopId, productId, { priceCents: 10_000, costCents: i === 6 ? null : 4000 }),
      );
    }
    const days = Array.from({ length: 14 }, (_, d) => plusDays('2026-11-06', d));
    await addSkuTrafficDays(
      db.pool,
      shopId,
      days.flatMap((day) =>
        skuIds.flatMap((skuId, i) => [
          // The last product gets 10 search visits a day where its peers get 40 to 46.
          { day, skuId, source: 'search' as const, visits: i === 6 ? 10 : 40 + i, orders: 2 },
          { day, skuId, source: 'recommendation' as const, visits: 40, orders: 2 },
        ]),
      ),
    );
    const context = analysisContext(db.pool, shopId, AT);
    const span = { dataStart: shanghai('2026-11-06', 0), asOf: AT, from: shanghai('2026-11-06', 0) };
    const result = checkSearchGaps(context, await loadSkuTraffic(context, span), AT);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.entities).toContainEqual(expect.objectContaining({ kind: 'sku', id: String(skuIds[6]) }));
    const share = finding!.evidence.figures.find((f) => f.key === 'searchShare')!;
    expect(share.value).toBeCloseTo(140 / (140 + 560), 6);
    // Shares (40+i)/(80+i) for i = 0..5 and the gap product's 0.2: the median of seven is i = 2's.
    expect(share.baseline).toBeCloseTo(42 / 82, 6);
    expect(finding!.strategies[0]!.kind).toBe('rewrite-title');
    // The product has a SKU without cost: profit impact is unknown, not zero.
    expect(finding!.strategies[0]!.expectedImpact.profitCents).toBeNull();
  });
});

describe('conversion drop after a price rise', () => {
  it('flags the SKU whose conversion fell after its price rose, and not one whose conversion held', async () => {
    const shopId = await createShop(db.pool, 'price-rise');
    const productId = await addProduct(db.pool, shopId, { title: '羊毛围巾', category: 'scarf' });
    const hurt = await addSku(db.pool, shopId, productId, { priceCents: 10_000, costCents: 4000 });
    const fine = await addSku(db.pool, shopId, productId, {
      name: 'blue',
      priceCents: 8000,
      costCents: 3000,
    });
    const days = Array.from({ length: 21 }, (_, d) => plusDays('2026-10-31', d));
    await addSkuTrafficDays(
      db.pool,
      shopId,
      days.flatMap((day, d) => [
        { day, skuId: hurt, source: 'search' as const, visits: 200, orders: d < 14 ? 10 : 3 },
        { day, skuId: fine, source: 'search' as const, visits: 200, orders: 10 },
      ]),
    );
    const riseAt = shanghai('2026-11-14', 0);
    await addPriceChange(db.pool, shopId, {
      skuId: hurt,
      effectiveAt: riseAt,
      oldPriceCents: 10_000,
      newPriceCents: 13_000,
    });
    await addPriceChange(db.pool, shopId, {
      skuId: fine,
      effectiveAt: riseAt,
      oldPriceCents: 8000,
      newPriceCents: 8400,
    });
    const context = analysisContext(db.pool, shopId, AT);
    const span = await loadDataSpanFor(context);
    const result = await checkPriceRiseConversion(context, span, await loadSkuTraffic(context, span));
    expect(result.findings.map((f) => f.entities[0]!.id)).toEqual([String(hurt)]);
    const [finding] = result.findings;
    expect(finding!.type).toBe('price-rise-conversion-drop');
    expect(finding!.window.from).toBe(riseAt.toISOString());
    const conversion = finding!.evidence.figures.find((f) => f.key === 'conversionRate')!;
    expect(conversion.value).toBeCloseTo(21 / 1400, 6);
    // The rest of the shop (the other SKU) converted as before: expected is the SKU's own 5%.
    expect(conversion.baseline).toBeCloseTo(0.05, 6);
    expect(finding!.strategies[0]!.params).toMatchObject({ priceCents: 10_000 });
  });
});

describe('KPI against target', () => {
  it('judges a promotion without phases as one window and says so', async () => {
    const shopId = await createShop(db.pool, 'no-phases');
    await addPromotion(db.pool, shopId, {
      name: '双11',
      startsAt: shanghai('2026-11-01', 0),
      endsAt: shanghai('2026-11-12', 0),
      gmvTargetCents: 1_000_000,
    });
    const context = analysisContext(db.pool, shopId, AT);
    const span = { dataStart: shanghai('2026-10-20', 0), asOf: AT, from: shanghai('2026-10-20', 0) };
    const promotions = await loadPromotions(context, { from: span.from, to: AT });
    const result = await checkKpiAgainstTargets(context, span, promotions);
    expect(result.gaps).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/has no phases/) }),
    ]);
    // No sales at all against a ¥10,000 target: pace 0, high severity, for the whole promotion.
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ type: 'kpi-behind-target', severity: 'high' });
    expect(result.findings[0]!.evidence.figures.find((f) => f.key === 'pace')!.value).toBe(0);
  });
});

describe('KPI against target of a running phase', () => {
  it('waits until half the phase has passed, and calls a shortfall medium, not high, before it ends', async () => {
    const shopId = await createShop(db.pool, 'running');
    const day = 86_400_000;
    for (const [name, startsAgo, endsIn] of [
      ['three-quarters', 3, 1],
      ['one-quarter', 1, 3],
    ] as const) {
      const startsAt = new Date(AT.getTime() - startsAgo * day);
      const endsAt = new Date(AT.getTime() + endsIn * day);
      await addPromotion(db.pool, shopId, {
        name,
        startsAt,
        endsAt,
        gmvTargetCents: 1_000_000,
        phases: [{ phase: 'launch', startsAt, endsAt, gmvTargetCents: 1_000_000 }],
      });
    }
    const context = analysisContext(db.pool, shopId, AT);
    const span = { dataStart: shanghai('2026-11-01', 0), asOf: AT, from: shanghai('2026-11-01', 0) };
    const promotions = await loadPromotions(context, {
      from: span.from,
      to: new Date(AT.getTime() + 5 * day),
    });
    const result = await checkKpiAgainstTargets(context, span, promotions);
    expect(result.findings.map((f) => [f.entities[0]!.label, f.severity])).toEqual([
      ['three-quarters · launch', 'medium'],
    ]);
  });
});

describe('funnel and traffic by source', () => {
  async function shopWithSources(slug: string, visitsOf: (source: string, day: number) => number) {
    const shopId = await createShop(db.pool, slug);
    const productId = await addProduct(db.pool, shopId, { title: '围巾', category: 'scarf' });
    const skuId = await addSku(db.pool, shopId, productId, { priceCents: 10_000 });
    await addPromotion(db.pool, shopId, {
      name: '双11',
      startsAt: shanghai('2026-11-05', 0),
      endsAt: shanghai('2026-11-13', 0),
      gmvTargetCents: 1_000_000,
      phases: [
        {
          phase: 'peak',
          startsAt: shanghai('2026-11-05', 0),
          endsAt: shanghai('2026-11-13', 0),
          gmvTargetCents: 1_000_000,
        },
      ],
    });
    const days = Array.from({ length: 32 }, (_, d) => plusDays('2026-10-20', d));
    await addSkuTrafficDays(
      db.pool,
      shopId,
      days.flatMap((day, d) =>
        (['search', 'direct', 'social'] as const).map((source) => {
          const visits = visitsOf(source, d);
          return { day, skuId, source, visits, orders: Math.round(visits / 20) };
        }),
      ),
    );
    const context = analysisContext(db.pool, shopId, AT);
    const span = { dataStart: shanghai('2026-10-20', 0), asOf: AT, from: shanghai('2026-10-20', 0) };
    const promotions = await loadPromotions(context, { from: span.from, to: AT });
    return checkSourceFunnel(context, await loadSkuTraffic(context, span), AT, promotions);
  }
  // Day 16 is November 5: the promotion runs days 16–23, the recent week is days 25–31.
  const inPromotion = (d: number) => d >= 16 && d < 24;

  it('compares a normal week with normal days, not with the promotion whose mix differs', async () => {
    const result = await shopWithSources('mix', (source, d) =>
      source === 'direct' && inPromotion(d) ? 3000 : 1000,
    );
    expect(result.findings).toEqual([]);
  });

  it('flags a source whose share of visits fell against comparable days', async () => {
    const result = await shopWithSources('social-gap', (source, d) =>
      source === 'social' && d >= 25 ? 300 : 1000,
    );
    expect(result.findings.map((f) => [f.type, f.entities[0]!.id])).toEqual([
      ['source-traffic-drop', 'social'],
    ]);
    const share = result.findings[0]!.evidence.figures.find((f) => f.key === 'visitShare')!;
    expect(share.value).toBeCloseTo(300 / 2300, 6);
    expect(share.baseline).toBeCloseTo(1 / 3, 6);
  });
});

async function loadDataSpanFor(context: ReturnType<typeof analysisContext>) {
  const span = await loadDataSpan(context);
  return { ...span, from: shanghai('2026-10-20', 0) };
}
