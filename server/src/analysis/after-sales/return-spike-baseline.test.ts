import { describe, expect, it } from 'vitest';
import { localDaysBefore } from '../shared/local-days.js';
import { findSkuSpike } from './return-spike.js';
import { refundPriorsForSku, sumReturns } from './return-spike-baseline.js';
import type { GroupReturns, SkuReturns } from './return-spike-data.js';
import { returnSpikeSeverity } from './return-spike-finding.js';

const SAME_DAY = [1];

describe('refundPriorsForSku', () => {
  // The SKU sold 100 units and had 10 refunds (reason A); the rest of its category sold 200 with 6 A
  // and 4 B; the rest of the shop 1,000 more with 20 A and 30 B.
  const sku: SkuReturns = { category: 'c', units: [100], refundsByReason: new Map([['A', [10]]]) };
  const category: GroupReturns = {
    units: [300],
    refundsByReason: new Map([
      ['A', 16],
      ['B', 4],
    ]),
  };
  const others: GroupReturns = {
    units: [1000],
    refundsByReason: new Map([
      ['A', 20],
      ['B', 30],
    ]),
  };
  const shop = sumReturns([category, others]);

  it('adds the categories up into the shop', () => {
    expect(shop).toEqual({
      units: [1300],
      refundsByReason: new Map([
        ['A', 36],
        ['B', 34],
      ]),
    });
  });

  it('judges a SKU by the rest of its category, smoothed toward the rest of the shop', () => {
    const priors = refundPriorsForSku(sku, category, shop, SAME_DAY)!;
    // Shop rest for A: (26 + ½) / 1,200 per unit, worth 5 refunds; category rest: 6 A over 200 units.
    expect(priors.byReason.get('A')).toBeCloseTo(11 / (200 + 5 / (26.5 / 1200)), 12);
    expect(priors.byReason.get('A')).toBeCloseTo(0.025796, 6);
    expect(priors.byReason.get('B')).toBeCloseTo(0.02407, 5);
    expect(priors.all).toBeCloseTo(0.050138, 6);
  });

  it('does not raise its own bar: more refunds of the SKU leave its priors as they were', () => {
    const before = refundPriorsForSku(sku, category, shop, SAME_DAY)!;
    const worse: SkuReturns = { ...sku, refundsByReason: new Map([['A', [60]]]) };
    const worseCategory: GroupReturns = {
      ...category,
      refundsByReason: new Map([
        ['A', 66],
        ['B', 4],
      ]),
    };
    const after = refundPriorsForSku(worse, worseCategory, sumReturns([worseCategory, others]), SAME_DAY)!;
    expect(after.all).toBeCloseTo(before.all, 12);
    expect(after.byReason.get('A')).toBeCloseTo(before.byReason.get('A')!, 12);
  });

  it('cannot judge a SKU that is the whole shop', () => {
    const alone: GroupReturns = { units: [100], refundsByReason: new Map([['A', 10]]) };
    expect(refundPriorsForSku(sku, alone, alone, SAME_DAY)).toBeNull();
  });
});

describe('findSkuSpike', () => {
  const lookback = localDaysBefore(new Date('2026-11-20T16:00:00Z'), 'Asia/Shanghai', 20);
  const priors = {
    all: 0.05,
    byReason: new Map([
      ['不喜欢/不想要了', 0.04],
      ['尺码偏小', 0.01],
    ]),
  };

  it('finds four days of one reason far above its rate, and names that reason', () => {
    // 20 units a day; about 0.8 "不喜欢" a day all along; "尺码偏小" 3 a day on days 12–15 (0.2 due).
    const dislike = lookback.days.map((_, i) => (i % 5 === 0 ? 0 : 1));
    const small = lookback.days.map((_, i) => (i >= 12 && i < 16 ? 3 : 0));
    const sku: SkuReturns = {
      category: 'c',
      units: lookback.days.map(() => 20),
      refundsByReason: new Map<string, number[]>([
        ['不喜欢/不想要了', dislike],
        ['尺码偏小', small],
      ]),
    };
    const spike = findSkuSpike(lookback, sku, priors, SAME_DAY)!;
    expect(spike.scannedReason).toBe('尺码偏小');
    expect([spike.window.start, spike.window.end]).toEqual([12, 16]);
    // All refunds in those days: 12 of the reason and 3 others, against 80 units due.
    expect(spike.window.observed).toBe(15);
    expect(spike.window.exposure).toBe(80);
    expect(spike.significance).toBeGreaterThan(12);
  });

  it('expects the refunds of a peak day where its delay puts them, and finds no spike there', () => {
    // 200 units on day 10 instead of 20; refunds come half the same day, half the next, at 5%.
    const units = [20, ...lookback.days.map((_, i) => (i === 10 ? 200 : 20))];
    const refunds = lookback.days.map((_, i) => (i === 10 ? 5 : i === 11 ? 6 : 1));
    const sku: SkuReturns = {
      category: 'c',
      units,
      refundsByReason: new Map([['不喜欢/不想要了', refunds]]),
    };
    expect(findSkuSpike(lookback, sku, priors, [0.5, 0.5])).toBeNull();
  });
});

describe('returnSpikeSeverity', () => {
  it('is high only for a large excess with one dominant reason', () => {
    expect(returnSpikeSeverity(5, 20, 0.8)).toBe('high');
    expect(returnSpikeSeverity(5, 20, 0.3)).toBe('low');
    expect(returnSpikeSeverity(5, 12, 0.9)).toBe('medium');
    expect(returnSpikeSeverity(2.5, 8, 0.6)).toBe('medium');
    expect(returnSpikeSeverity(1.5, 8, 0.9)).toBe('low');
  });
});

describe('findSkuSpike when only the mix of reasons changed', () => {
  it('finds nothing when one reason rose as much as the others fell', () => {
    const lookback = localDaysBefore(new Date('2026-11-20T16:00:00Z'), 'Asia/Shanghai', 20);
    // 2 refunds a day all along; on days 12–15 they are all "尺码偏小" instead of "不喜欢".
    const inWindow = (i: number) => i >= 12 && i < 16;
    const sku: SkuReturns = {
      category: 'c',
      units: lookback.days.map(() => 40),
      refundsByReason: new Map<string, number[]>([
        ['不喜欢/不想要了', lookback.days.map((_, i) => (inWindow(i) ? 0 : 2))],
        ['尺码偏小', lookback.days.map((_, i) => (inWindow(i) ? 2 : 0))],
      ]),
    };
    const priors = {
      all: 0.05,
      byReason: new Map([
        ['不喜欢/不想要了', 0.045],
        ['尺码偏小', 0.005],
      ]),
    };
    expect(findSkuSpike(lookback, sku, priors, SAME_DAY)).toBeNull();
  });
});
