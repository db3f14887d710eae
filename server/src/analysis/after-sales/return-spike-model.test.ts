import { describe, expect, it } from 'vitest';
import { priorUnitsFor, refundDelayShares, shrunkRate, unitsDueForRefund } from './return-spike-model.js';

describe('refundDelayShares', () => {
  it('turns delay counts into shares, same-day for negative lags, leaving out the long tail', () => {
    const shares = refundDelayShares(
      [
        { lagDays: 0, refunds: 1 },
        { lagDays: -1, refunds: 1 },
        { lagDays: 1, refunds: 6 },
        { lagDays: 3, refunds: 2 },
        { lagDays: 20, refunds: 5 },
      ],
      3,
    );
    expect(shares).toEqual([0.2, 0.6, 0, 0.2]);
  });

  it('knows no delay when no refund has one', () => {
    expect(refundDelayShares([{ lagDays: 30, refunds: 4 }], 14)).toBeNull();
    expect(refundDelayShares([], 14)).toBeNull();
  });
});

describe('unitsDueForRefund', () => {
  it('spreads each day of sales over the following days by the delay shares', () => {
    // 10 units on day −1 and 20 on day 2; half the refunds come the same day, half a day later.
    expect(unitsDueForRefund([10, 0, 0, 20, 0], [0.5, 0.5])).toEqual([5, 0, 10, 10]);
  });

  it('keeps a peak day’s wave where its refunds land, two and three days later', () => {
    const due = unitsDueForRefund([0, 0, 0, 100, 0, 0, 0, 0], [0, 0, 0.25, 0.75]);
    expect(due).toEqual([0, 0, 25, 75, 0]);
  });
});

describe('shrunkRate', () => {
  it('stays at the prior without data and moves toward the data as it grows', () => {
    expect(shrunkRate(0, 0, 0.05, 100)).toBe(0.05);
    expect(shrunkRate(10, 100, 0.05, 100)).toBeCloseTo(0.075, 12);
    expect(shrunkRate(1000, 10_000, 0.05, 100)).toBeCloseTo(1005 / 10_100, 12);
  });

  it('prices a prior at five refunds’ worth of units', () => {
    expect(priorUnitsFor(0.05)).toBeCloseTo(100, 9);
    expect(priorUnitsFor(0)).toBe(0);
  });
});
