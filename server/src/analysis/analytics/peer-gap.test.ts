import { describe, expect, it } from 'vitest';
import { findPeerGaps } from './peer-gap.js';

const peers = (group: string, shares: number[], trials = 1000) =>
  shares.map((s, i) => ({ id: `${group}${i}`, group, hits: Math.round(s * trials), trials }));

describe('findPeerGaps', () => {
  it('flags the SKU whose search share is far below its category peers', () => {
    const items = [
      ...peers('scarf', [0.4, 0.42, 0.38, 0.41, 0.39, 0.4]),
      { id: 'weak', group: 'scarf', hits: 80, trials: 1000 },
    ];
    const gaps = findPeerGaps(items);
    expect(gaps.map((g) => g.id)).toEqual(['weak']);
    expect(gaps[0]!.peerMedian).toBe(0.4);
    expect(gaps[0]!.expectedHits).toBe(400);
    expect(gaps[0]!.peerCount).toBe(6);
  });

  it('judges each SKU only against its own category', () => {
    // 0.08 is normal among gloves, where everyone has little search traffic.
    const items = [
      ...peers('scarf', [0.4, 0.42, 0.38, 0.41, 0.39]),
      ...peers('glove', [0.08, 0.1, 0.07, 0.09, 0.08]),
    ];
    expect(findPeerGaps(items)).toEqual([]);
  });

  it('does not judge thin SKUs or categories with too few peers', () => {
    const thin = [
      ...peers('scarf', [0.4, 0.42, 0.38, 0.41, 0.39]),
      { id: 'thin', group: 'scarf', hits: 0, trials: 20 },
    ];
    expect(findPeerGaps(thin)).toEqual([]);
    const few = [...peers('hat', [0.4, 0.41]), { id: 'low', group: 'hat', hits: 10, trials: 1000 }];
    expect(findPeerGaps(few)).toEqual([]);
  });

  it('tolerates a share that is low but within the peers’ own wide spread', () => {
    const items = [
      ...peers('bag', [0.1, 0.6, 0.2, 0.5, 0.3, 0.45]),
      { id: 'lowish', group: 'bag', hits: 150, trials: 1000 },
    ];
    expect(findPeerGaps(items)).toEqual([]);
  });
});
