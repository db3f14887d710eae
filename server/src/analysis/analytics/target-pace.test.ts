import { describe, expect, it } from 'vitest';
import { expectedShareElapsed, hourOfDayWeights, judgeAgainstTarget } from './target-pace.js';

const TZ = 'Asia/Shanghai';
// 2026-11-11 00:00 Shanghai.
const DAY = new Date('2026-11-10T16:00:00Z');
const at = (h: number) => new Date(DAY.getTime() + h * 3_600_000);

describe('expectedShareElapsed', () => {
  it('is the elapsed share of hours when every hour sells the same', () => {
    const flat = hourOfDayWeights(new Map());
    expect(expectedShareElapsed({ from: DAY, to: at(24) }, at(6), flat, TZ)).toBeCloseTo(0.25, 10);
  });

  it('weights the evening more when the shop sells mostly in the evening', () => {
    // 20:00–23:00 sell 3 each, every other hour 1: total 32 → by 20:00, 20/32 of the day is done.
    const weights = hourOfDayWeights(new Map(Array.from({ length: 24 }, (_, h) => [h, h >= 20 ? 3 : 1])));
    expect(expectedShareElapsed({ from: DAY, to: at(24) }, at(20), weights, TZ)).toBeCloseTo(20 / 32, 10);
  });

  it('is 0 before the window and 1 after it', () => {
    const flat = hourOfDayWeights(new Map());
    expect(expectedShareElapsed({ from: at(10), to: at(20) }, at(5), flat, TZ)).toBe(0);
    expect(expectedShareElapsed({ from: at(10), to: at(20) }, at(30), flat, TZ)).toBe(1);
  });
});

describe('judgeAgainstTarget', () => {
  it('reads 60% of a quarter-done target as behind pace, projecting 60% of target', () => {
    expect(judgeAgainstTarget(150, 1000, 0.25)).toEqual({
      attainment: 0.15,
      expectedSoFarCents: 250,
      pace: 0.6,
      projectedCents: 600,
    });
  });

  it('has no pace before the phase starts and no attainment with a zero target', () => {
    expect(judgeAgainstTarget(0, 1000, 0)).toMatchObject({ pace: null, projectedCents: null });
    expect(judgeAgainstTarget(10, 0, 1).attainment).toBeNull();
  });
});
