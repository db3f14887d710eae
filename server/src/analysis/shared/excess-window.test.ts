import { describe, expect, it } from 'vitest';
import { type DailyCount, findExcessWindow, poissonExcessLlr } from './excess-window.js';

const day = (i: number) => `2026-11-${String(i + 1).padStart(2, '0')}`;
const steady = (n: number, observed: number, exposure: number): DailyCount[] =>
  Array.from({ length: n }, (_, i) => ({ day: day(i), observed, exposure }));

describe('poissonExcessLlr', () => {
  it('is zero at or below the expectation and grows with the excess', () => {
    expect(poissonExcessLlr(5, 5)).toBe(0);
    expect(poissonExcessLlr(3, 5)).toBe(0);
    // 20·ln(20/5) − 15
    expect(poissonExcessLlr(20, 5)).toBeCloseTo(20 * Math.log(4) - 15, 9);
  });
});

describe('findExcessWindow', () => {
  it('locates a three-day spike and judges it against the rate outside it', () => {
    const days = steady(20, 2, 100);
    for (const i of [12, 13, 14]) days[i] = { day: day(i), observed: 12, exposure: 100 };
    const found = findExcessWindow(days, { priorRate: 0.02, priorExposure: 100 });
    expect(found).not.toBeNull();
    expect([found!.start, found!.end]).toEqual([12, 15]);
    expect(found!.observed).toBe(36);
    // Outside: 17 days × 2 = 34 over 1700 units, plus the prior's 2 over 100 → 36 / 1800.
    expect(found!.baselineRate).toBeCloseTo(36 / 1800, 12);
    expect(found!.expected).toBeCloseTo(300 * (36 / 1800), 12);
  });

  it('stays quiet on a steady series, even a high one', () => {
    expect(findExcessWindow(steady(30, 9, 100), { priorRate: 0.01, priorExposure: 50 })).toBeNull();
  });

  it('needs enough observations: two complaints are not a surge', () => {
    const days = steady(10, 0, 50);
    days[9] = { day: day(9), observed: 2, exposure: 50 };
    expect(findExcessWindow(days, { priorRate: 0.001, priorExposure: 50, minDays: 1 })).toBeNull();
  });

  it('returns null on an empty series or a series without exposure', () => {
    expect(findExcessWindow([], { priorRate: 0.1, priorExposure: 10 })).toBeNull();
    expect(findExcessWindow(steady(5, 3, 0), { priorRate: 0.1, priorExposure: 10 })).toBeNull();
  });
});
