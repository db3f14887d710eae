import { describe, expect, it } from 'vitest';
import { isChurnRisk } from './churn-risk.js';
import { winBackCouponCents, winBackValue } from './offers.js';
import { rfmSegment } from './rfm.js';

describe('winBackValue', () => {
  it('is segment size × return rate × (AOV − coupon)', () => {
    // 400 customers × 5% = 20 return; 20 × ¥200 = ¥4,000 GMV; coupons 20 × ¥30 = ¥600.
    expect(winBackValue(400, 0.05, 20_000, 3_000)).toEqual({
      returningCustomers: 20,
      gmvCents: 400_000,
      couponCostCents: 60_000,
      netCents: 340_000,
    });
  });

  it('is zero for an empty segment', () => {
    expect(winBackValue(0, 0.05, 20_000, 3_000).netCents).toBe(0);
  });
});

describe('winBackCouponCents', () => {
  it('offers about 15% of the average order in ¥5 steps within ¥10–¥100', () => {
    expect(winBackCouponCents(20_000)).toBe(3_000);
    expect(winBackCouponCents(3_000)).toBe(1_000);
    expect(winBackCouponCents(200_000)).toBe(10_000);
    expect(winBackCouponCents(0)).toBe(1_000);
  });
});

describe('isChurnRisk', () => {
  it('needs three of the customer’s own intervals and at least 14 days of silence', () => {
    expect(isChurnRisk(20, 6)).toBe(true);
    expect(isChurnRisk(17, 6)).toBe(false);
    // A twice-a-week buyer is not lost after 10 quiet days.
    expect(isChurnRisk(10, 3)).toBe(false);
  });
});

describe('rfmSegment', () => {
  it('maps score triples to the segment a merchant acts on', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 1, 2)).toBe('new');
    expect(rfmSegment(1, 4, 5)).toBe('at-risk');
    expect(rfmSegment(1, 1, 1)).toBe('hibernating');
    expect(rfmSegment(3, 1, 2)).toBe('promising');
    expect(rfmSegment(3, 3, 2)).toBe('loyal');
  });
});
