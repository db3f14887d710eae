import { describe, expect, it } from 'vitest';
import { decomposeGmvChange, dominantDriver, shapleyThreeFactors } from './gmv-decomposition.js';

describe('decomposeGmvChange', () => {
  it('gives the whole change to visitors when only visitors changed', () => {
    const result = decomposeGmvChange(
      { visitors: 1000, orders: 50, gmvCents: 500_000 },
      { visitors: 800, orders: 40, gmvCents: 400_000 },
    );
    expect(result).toEqual({
      ok: true,
      decomposition: { changeCents: -100_000, visitorsCents: -100_000, conversionCents: 0, aovCents: 0 },
    });
  });

  it('splits a two-factor change symmetrically (Shapley) and sums exactly to the change', () => {
    // visitors 100 → 200, conversion 0.1 → 0.2, AOV 100 → 100: GMV 1,000 → 4,000.
    // Shapley for x·y: φx = Δx·(y0+y1)/2 = 100·0.15·100 = 1,500, φy = Δy·(x0+x1)/2·AOV = 1,500.
    const result = decomposeGmvChange(
      { visitors: 100, orders: 10, gmvCents: 1000 },
      { visitors: 200, orders: 40, gmvCents: 4000 },
    );
    expect(result.ok && result.decomposition).toEqual({
      changeCents: 3000,
      visitorsCents: 1500,
      conversionCents: 1500,
      aovCents: 0,
    });
  });

  it('keeps the three effects summing to the change in whole cents for awkward numbers', () => {
    const result = decomposeGmvChange(
      { visitors: 777, orders: 31, gmvCents: 123_457 },
      { visitors: 913, orders: 29, gmvCents: 98_765 },
    );
    if (!result.ok) throw new Error(result.reason);
    const d = result.decomposition;
    expect(d.changeCents).toBe(98_765 - 123_457);
    expect(d.visitorsCents + d.conversionCents + d.aovCents).toBe(d.changeCents);
    expect(d.visitorsCents).toBeGreaterThan(0);
    expect(dominantDriver(d)).toBe('conversion');
  });

  it('copes with a period without orders by attributing nothing to AOV', () => {
    const result = decomposeGmvChange(
      { visitors: 100, orders: 0, gmvCents: 0 },
      { visitors: 100, orders: 5, gmvCents: 5000 },
    );
    expect(result.ok && result.decomposition).toEqual({
      changeCents: 5000,
      visitorsCents: 0,
      conversionCents: 5000,
      aovCents: 0,
    });
  });

  it('refuses a period without visitors instead of dividing by zero', () => {
    const result = decomposeGmvChange(
      { visitors: 0, orders: 3, gmvCents: 300 },
      { visitors: 10, orders: 1, gmvCents: 100 },
    );
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/baseline period has no visitors/) });
  });
});

describe('shapleyThreeFactors', () => {
  it('sums to the product change for three factors that all move', () => {
    const [a, b, c] = shapleyThreeFactors([2, 3, 5], [4, 1, 7]);
    expect(a + b + c).toBeCloseTo(4 * 1 * 7 - 2 * 3 * 5, 10);
    // Δx = 2; others = (15/3) + (1·5 + 3·7)/6 + (7/3) = 5 + 26/6 + 7/3 = 11.666…
    expect(a).toBeCloseTo(2 * (5 + 26 / 6 + 7 / 3), 10);
  });
});
