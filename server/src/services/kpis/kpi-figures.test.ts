import { describe, expect, it } from 'vitest';
import { compareKpis, kpiValues, previousRange } from './kpi-figures.js';

describe('kpiValues', () => {
  it('derives conversion, AOV and refund rate from totals', () => {
    const values = kpiValues({ gmvCents: 1_000_000, paidOrders: 40, refundCents: 50_000, visitors: 2_000 });
    expect(values).toEqual({
      gmvCents: 1_000_000,
      orders: 40,
      visitors: 2_000,
      conversionRate: 0.02,
      aovCents: 25_000,
      refundRate: 0.05,
    });
  });

  it('returns null, not NaN or Infinity, for ratios over zero', () => {
    const values = kpiValues({ gmvCents: 0, paidOrders: 0, refundCents: 0, visitors: 0 });
    expect(values.conversionRate).toBeNull();
    expect(values.aovCents).toBeNull();
    expect(values.refundRate).toBeNull();
  });
});

describe('compareKpis', () => {
  it('computes the relative change against the previous period', () => {
    const figures = compareKpis(
      { gmvCents: 1_500, paidOrders: 3, refundCents: 0, visitors: 100 },
      { gmvCents: 1_000, paidOrders: 4, refundCents: 0, visitors: 0 },
    );
    expect(figures.gmvCents).toEqual({ value: 1_500, previous: 1_000, change: 0.5 });
    expect(figures.orders.change).toBeCloseTo(-0.25);
    expect(figures.conversionRate).toEqual({ value: 0.03, previous: null, change: null });
  });

  it('has no change when the previous value is zero', () => {
    const figures = compareKpis(
      { gmvCents: 10, paidOrders: 1, refundCents: 0, visitors: 1 },
      { gmvCents: 0, paidOrders: 0, refundCents: 0, visitors: 1 },
    );
    expect(figures.gmvCents.change).toBeNull();
  });
});

describe('previousRange', () => {
  it('is the same number of days just before the range', () => {
    expect(previousRange({ from: '2026-11-11', to: '2026-11-11' })).toEqual({
      from: '2026-11-10',
      to: '2026-11-10',
    });
    expect(previousRange({ from: '2026-11-01', to: '2026-11-10' })).toEqual({
      from: '2026-10-22',
      to: '2026-10-31',
    });
  });

  it('crosses month and year boundaries', () => {
    expect(previousRange({ from: '2026-01-01', to: '2026-01-03' })).toEqual({
      from: '2025-12-29',
      to: '2025-12-31',
    });
  });
});
