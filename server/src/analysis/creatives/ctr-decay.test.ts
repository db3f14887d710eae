import { describe, expect, it } from 'vitest';
import { type CreativeDay, detectCtrDecay } from './ctr-decay.js';

const days = (ctrs: number[], impressions = 10_000): CreativeDay[] =>
  ctrs.map((ctr, i) => ({
    day: `2026-10-${String(i + 1).padStart(2, '0')}`,
    impressions,
    clicks: Math.round(ctr * impressions),
  }));

describe('detectCtrDecay', () => {
  it('compares the last 7 days with the first 7 and finds where the decline began', () => {
    const series = days([...Array(12).fill(0.03), 0.027, 0.024, 0.021, 0.018, ...Array(7).fill(0.012)]);
    const decay = detectCtrDecay(series)!;
    expect(decay.baselineCtr).toBeCloseTo(0.03, 9);
    expect(decay.recentCtr).toBeCloseTo(0.012, 9);
    expect(decay.retained).toBeCloseTo(0.4, 9);
    // Day 13 (index 12) still has a 3-day CTR of 0.029 ≥ 0.85 × 0.03; day 14's is 0.027, also within; day 15's is 0.024 < 0.0255.
    expect(decay.onset).toBe(14);
  });

  it('stays quiet on a steady creative with daily noise', () => {
    const noisy = Array.from({ length: 30 }, (_, i) => 0.03 * (1 + (i % 3 === 0 ? 0.05 : -0.04)));
    expect(detectCtrDecay(days(noisy))).toBeNull();
  });

  it('skips days without impressions and refuses to judge a creative with too few clicks', () => {
    const series = days([...Array(7).fill(0.03), ...Array(7).fill(0.01)], 100);
    expect(detectCtrDecay(series)).toBeNull();
    const withGaps = [
      ...days(Array(7).fill(0.03)),
      { day: 'x', impressions: 0, clicks: 0 },
      ...days(Array(7).fill(0.01)),
    ];
    expect(detectCtrDecay(withGaps)?.retained).toBeCloseTo(1 / 3, 9);
  });
});
