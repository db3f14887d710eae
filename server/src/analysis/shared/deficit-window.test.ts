import { describe, expect, it } from 'vitest';
import { findDeficitWindow, poissonDeficitLlr } from './deficit-window.js';

const steady = (n: number, observed = 20, exposure = 400) =>
  Array.from({ length: n }, () => ({ observed, exposure }));

describe('findDeficitWindow', () => {
  it('finds a six-day collapse in the middle of the series, where it happened', () => {
    const days = steady(30);
    for (let d = 12; d < 18; d++) days[d] = { observed: 3, exposure: 400 };
    const window = findDeficitWindow(days)!;
    expect([window.start, window.end]).toEqual([12, 18]);
    expect(window.observed).toBe(18);
    expect(window.baselineRate).toBeCloseTo(0.05, 10);
    expect(window.expected).toBeCloseTo(120, 10);
    expect(window.logLikelihoodRatio).toBeCloseTo(18 * Math.log(18 / 120) + 102, 10);
  });

  it('finds nothing in a steady series or when the counts are too small to tell', () => {
    expect(findDeficitWindow(steady(30))).toBeNull();
    const thin = steady(30, 1, 100);
    thin[10] = { observed: 0, exposure: 100 };
    thin[11] = { observed: 0, exposure: 100 };
    expect(findDeficitWindow(thin)).toBeNull();
  });

  it('scores zero observed against the expected count alone', () => {
    expect(poissonDeficitLlr(0, 12)).toBe(12);
    expect(poissonDeficitLlr(15, 12)).toBe(0);
  });
});
