import { describe, expect, it } from 'vitest';
import { compensationCouponCents } from './compensation.js';

describe('compensationCouponCents', () => {
  it('offers about a tenth of the order in ¥5 steps', () => {
    expect(compensationCouponCents(23_000)).toBe(2_500);
    expect(compensationCouponCents(12_000)).toBe(1_000);
  });

  it('stays between ¥5 and ¥50, also for a zero or unknown order value', () => {
    expect(compensationCouponCents(900)).toBe(500);
    expect(compensationCouponCents(900_000)).toBe(5_000);
    expect(compensationCouponCents(0)).toBe(500);
    expect(compensationCouponCents(Number.NaN)).toBe(500);
  });
});
