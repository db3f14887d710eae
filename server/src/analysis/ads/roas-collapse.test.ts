import { describe, expect, it } from 'vitest';
import type { AdData, CampaignDay } from './ad-data.js';
import { peerConversionIndex } from './roas-collapse.js';

const day = (d: number, clicks: number, conversions: number): CampaignDay => ({
  day: `2026-11-${String(d + 1).padStart(2, '0')}`,
  budgetCents: 0,
  spendCents: clicks * 100,
  impressions: clicks * 30,
  clicks,
  conversions,
  revenueCents: conversions * 10_000,
});

describe('peerConversionIndex', () => {
  it('stays at 1 when a low-converting campaign joins the peers halfway (judged by own rates)', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    const data: AdData = {
      campaigns: [],
      days,
      daily: new Map([
        [1, days.map((_, d) => day(d, 100, 5))],
        // 10% converter all along; a 1% converter from day 3: a pooled rate would fall from 10% to 5.5%.
        [2, days.map((_, d) => day(d, 100, 10))],
        [3, days.map((_, d) => (d < 2 ? day(d, 0, 0) : day(d, 100, 1)))],
      ]),
    };
    expect(peerConversionIndex(data, 1)).toEqual([1, 1, 1, 1]);
  });

  it('falls on a day every other campaign converted worse than usual', () => {
    const days = ['2026-11-01', '2026-11-02'];
    const data: AdData = {
      campaigns: [],
      days,
      daily: new Map([
        [1, days.map((_, d) => day(d, 100, 5))],
        [2, [day(0, 100, 12), day(1, 100, 4)]],
      ]),
    };
    // Its own rate is 8%: day one 12/8 = 1.5, day two 4/8 = 0.5.
    expect(peerConversionIndex(data, 1)).toEqual([1.5, 0.5]);
  });
});
