import type { TrafficSource } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { type FunnelCounts, findSourceConversionDrops } from './source-funnel.js';

const counts = (visits: number, orders: number): FunnelCounts => ({
  impressions: visits * 10,
  visits,
  addToCart: visits / 5,
  orders,
});

describe('findSourceConversionDrops', () => {
  it('flags the one source whose conversion fell while the others held', () => {
    const baseline = new Map<TrafficSource, FunnelCounts>([
      ['search', counts(10_000, 500)],
      ['recommendation', counts(8000, 400)],
      ['ads', counts(4000, 200)],
    ]);
    const recent = new Map<TrafficSource, FunnelCounts>([
      ['search', counts(5000, 250)],
      ['recommendation', counts(4000, 200)],
      ['ads', counts(2000, 40)],
    ]);
    const drops = findSourceConversionDrops(recent, baseline);
    expect(drops.map((d) => d.source)).toEqual(['ads']);
    expect(drops[0]!.expectedRate).toBeCloseTo(0.05, 10);
    expect(drops[0]!.lostOrders).toBeCloseTo(60, 8);
  });

  it('reads a fall shared by every source as the season, not a source problem', () => {
    const baseline = new Map<TrafficSource, FunnelCounts>([
      ['search', counts(10_000, 500)],
      ['ads', counts(4000, 200)],
    ]);
    const recent = new Map<TrafficSource, FunnelCounts>([
      ['search', counts(10_000, 200)],
      ['ads', counts(4000, 80)],
    ]);
    expect(findSourceConversionDrops(recent, baseline)).toEqual([]);
  });
});
