import { describe, expect, it } from 'vitest';
import { budgetExhaustedAt, peakHour, shareAfter } from './pacing.js';

const hour = (h: number) => new Date(Date.UTC(2026, 10, 10, 16 + h));

describe('budget pacing', () => {
  it('says the budget ran out at the end of the hour that reached it', () => {
    const spend = [0, 1, 2, 3, 4, 5].map((h) => ({ hour: hour(h), value: 200 }));
    expect(budgetExhaustedAt(spend, 1000)?.toISOString()).toBe(hour(5).toISOString());
  });

  it('never calls a budget exhausted that was not reached, or a zero budget', () => {
    const spend = [0, 1, 2].map((h) => ({ hour: hour(h), value: 300 }));
    expect(budgetExhaustedAt(spend, 1000)).toBeNull();
    expect(budgetExhaustedAt(spend, 0)).toBeNull();
  });

  it('finds the peak hour and the share of the day after an instant', () => {
    const gmv = [10, 20, 50, 20].map((value, h) => ({ hour: hour(h), value }));
    expect(peakHour(gmv)?.hour.toISOString()).toBe(hour(2).toISOString());
    expect(shareAfter(gmv, hour(2))).toBeCloseTo(0.7, 10);
    expect(shareAfter([], hour(2))).toBeNull();
    expect(peakHour([{ hour: hour(0), value: 0 }])).toBeNull();
  });
});
