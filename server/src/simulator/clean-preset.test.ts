// The clean preset plants nothing, and the pattern oracles that prove the planted problems find
// none of them in its data.
import type { SimulationScale } from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.js';
import {
  budgetsGoneBeforePeak,
  creativeDecay,
  lowestRollingRoas,
  overstocked,
  priceChanges,
  searchShares,
  skuConversion,
  stockOuts,
} from './pattern-queries.js';
import { lateShares, refundWeeks, reviewWeeks, silentFrequentBuyers } from './pattern-queries-people.js';
import { localDay } from './problem-proofs.js';
import { simulateShop } from './simulate-shop.js';

const SEASON_END = '2026-11-20T16:00:00.000Z';

describe.each<[SimulationScale, number]>([
  ['demo', 7],
  ['tiny', 3],
])('the clean preset at scale %s, seed %i', (scale, seed) => {
  let db: TestDb;
  let shopId: number;

  beforeAll(async () => {
    db = await createTestDb();
    const result = await simulateShop(db.pool, { slug: `clean-${scale}`, scale, seed, preset: 'clean' });
    shopId = result.shopId;
    expect(result.manifest.problems).toEqual([]);
  });

  it('has no stock-out and no overstock', async () => {
    expect(await stockOuts(db.pool, shopId)).toEqual([]);
    expect(await overstocked(db.pool, shopId)).toEqual([]);
  });

  it('has no SKU with less than half its category’s search share', async () => {
    const shares = await searchShares(db.pool, shopId, 100);
    expect(shares.length).toBeGreaterThan(20);
    expect(shares.filter((s) => s.share < 0.5 * s.category_median)).toEqual([]);
  });

  it('has only small price changes, and no conversion drop after them', async () => {
    const changes = await priceChanges(db.pool, shopId);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(Math.abs(change.rise)).toBeLessThanOrEqual(0.1);
      const before = await skuConversion(
        db.pool,
        shopId,
        change.sku_id,
        localDay(`${change.day}T00:00:00+08:00`, -10),
        change.day,
      );
      const after = await skuConversion(
        db.pool,
        shopId,
        change.sku_id,
        change.day,
        localDay(`${change.day}T00:00:00+08:00`, 10),
      );
      // Judged only with 50+ orders on each side, where chance alone rarely halves a conversion rate.
      if (before.orders >= 50 && after.visits * before.rate! >= 50) {
        expect(after.rate!, `SKU ${change.sku_id}`).toBeGreaterThan(0.5 * before.rate!);
      }
    }
  });

  it('has healthy ads: no ROAS collapse, no budget gone before the peak, no fading creative', async () => {
    for (const { campaign_id, roas } of await lowestRollingRoas(db.pool, shopId, 5)) {
      expect(roas, `campaign ${campaign_id}`).toBeGreaterThan(1.5);
    }
    expect(await budgetsGoneBeforePeak(db.pool, shopId, '2026-11-11')).toEqual([]);
    const decay = await creativeDecay(db.pool, shopId, 10);
    expect(decay.length).toBeGreaterThan(0);
    expect(decay.filter((d) => d.ratio < 0.7)).toEqual([]);
  });

  it('has no frequent buyer who went silent', async () => {
    expect(await silentFrequentBuyers(db.pool, shopId, SEASON_END)).toEqual([]);
  });

  // Thresholds leave room for chance: a dozen returns, or eight reviews, in one SKU-week.
  it('has no refund week dominated by one reason and no burst of bad reviews', async () => {
    expect((await refundWeeks(db.pool, shopId, 12)).filter((w) => w.top_share >= 0.75)).toEqual([]);
    expect((await reviewWeeks(db.pool, shopId, 8)).filter((w) => w.low_share >= 0.5)).toEqual([]);
  });

  it('has no warehouse shipping late far more often than the others', async () => {
    for (let day = 20; day <= 31; day++) {
      const from = new Date(Date.UTC(2026, 9, 15 + day) - 8 * 3_600_000).toISOString();
      const to = new Date(Date.parse(from) + 6 * 86_400_000).toISOString();
      const shares = await lateShares(db.pool, shopId, from, to, SEASON_END);
      for (const own of shares.filter((s) => s.shipments >= 30)) {
        const others = shares.filter((s) => s !== own);
        const late = others.reduce((n, s) => n + s.late_share * s.shipments, 0);
        const total = others.reduce((n, s) => n + s.shipments, 0);
        expect(own.late_share, `warehouse ${own.warehouse_id} from ${from}`).toBeLessThan(
          Math.max(0.2, (3 * late) / total),
        );
      }
    }
  });
});
