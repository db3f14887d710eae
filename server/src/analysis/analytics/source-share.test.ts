import type { TrafficSource } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { findSourceShareDrops, type SourceVisits } from './source-share.js';

const visits = (entries: [TrafficSource, number][]) =>
  new Map<TrafficSource, SourceVisits>(entries.map(([s, v]) => [s, { visits: v, orders: v / 20 }]));

describe('findSourceShareDrops', () => {
  it('flags the source whose share of visits halved while total traffic grew', () => {
    const baseline = visits([
      ['search', 5000],
      ['recommendation', 3000],
      ['social', 2000],
    ]);
    const recent = visits([
      ['search', 7000],
      ['recommendation', 4000],
      ['social', 1000],
    ]);
    const drops = findSourceShareDrops(recent, baseline);
    expect(drops.map((d) => d.source)).toEqual(['social']);
    expect(drops[0]!.baselineShare).toBeCloseTo(0.2, 10);
    expect(drops[0]!.recentShare).toBeCloseTo(1000 / 12_000, 10);
    expect(drops[0]!.missingVisits).toBeCloseTo(0.2 * 12_000 - 1000, 8);
  });

  it('says nothing when every source fell together', () => {
    const baseline = visits([
      ['search', 5000],
      ['social', 2000],
    ]);
    const recent = visits([
      ['search', 2500],
      ['social', 1000],
    ]);
    expect(findSourceShareDrops(recent, baseline)).toEqual([]);
  });
});
