import { describe, expect, it } from 'vitest';
import { pairShifts, planBudgetReallocation } from './reallocate.js';
import { DEFAULT_ELASTICITY, fitResponseCurve, marginalRoas, predictRevenue } from './response-curve.js';

describe('fitResponseCurve', () => {
  it('recovers revenue = 50·spend^0.5 from exact points', () => {
    const points = [1000, 4000, 9000, 16000, 25000].map((s) => ({
      spendCents: s,
      revenueCents: 50 * Math.sqrt(s),
    }));
    const curve = fitResponseCurve(points)!;
    expect(curve.isFitted).toBe(true);
    expect(curve.elasticity).toBeCloseTo(0.5, 10);
    expect(curve.scale).toBeCloseTo(50, 8);
    expect(marginalRoas(curve, 10000)).toBeCloseTo((50 * 0.5) / 100, 10);
  });

  it('assumes the default elasticity when spend never varied, keeping total revenue', () => {
    const points = Array.from({ length: 7 }, () => ({ spendCents: 10_000, revenueCents: 30_000 }));
    const curve = fitResponseCurve(points)!;
    expect(curve.isFitted).toBe(false);
    expect(curve.elasticity).toBe(DEFAULT_ELASTICITY);
    expect(predictRevenue(curve, 10_000)).toBeCloseTo(30_000, 6);
  });

  it('has no curve for a campaign that never spent, and predicts nothing for zero spend', () => {
    expect(fitResponseCurve([{ spendCents: 0, revenueCents: 0 }])).toBeNull();
    expect(predictRevenue({ scale: 10, elasticity: 0.5, isFitted: true }, 0)).toBe(0);
    expect(marginalRoas({ scale: 10, elasticity: 0.5, isFitted: true }, 0)).toBeNull();
  });
});

describe('planBudgetReallocation', () => {
  const sqrtCurve = (scale: number) => ({ scale, elasticity: 0.5, isFitted: true });

  it('moves budget to where the next yuan earns more: spend ∝ scale² for square-root curves', () => {
    const plan = planBudgetReallocation([
      { id: 'a', currentCents: 5000, curve: sqrtCurve(100), minCents: 0, maxCents: 20_000 },
      { id: 'b', currentCents: 5000, curve: sqrtCurve(200), minCents: 0, maxCents: 20_000 },
    ]);
    expect(plan.allocation.get('a')).toBe(2000);
    expect(plan.allocation.get('b')).toBe(8000);
    expect(plan.shifts).toEqual([{ fromId: 'a', toId: 'b', amountCents: 3000 }]);
    expect(plan.currentRevenueCents).toBe(Math.round(300 * Math.sqrt(5000)));
    expect(plan.plannedRevenueCents).toBe(Math.round(100 * Math.sqrt(2000) + 200 * Math.sqrt(8000)));
  });

  it('respects each campaign’s ceiling and never plans more than the total', () => {
    const plan = planBudgetReallocation([
      { id: 'a', currentCents: 5000, curve: sqrtCurve(100), minCents: 0, maxCents: 20_000 },
      { id: 'b', currentCents: 5000, curve: sqrtCurve(200), minCents: 0, maxCents: 6000 },
    ]);
    expect(plan.allocation.get('b')).toBe(6000);
    expect(plan.allocation.get('a')).toBe(4000);
  });

  it('leaves money unplanned rather than feeding a campaign that earns nothing', () => {
    const plan = planBudgetReallocation([
      {
        id: 'dead',
        currentCents: 3000,
        curve: { scale: 0, elasticity: 0.6, isFitted: false },
        minCents: 0,
        maxCents: 9000,
      },
      { id: 'ok', currentCents: 1000, curve: sqrtCurve(100), minCents: 0, maxCents: 2000 },
    ]);
    expect(plan.allocation.get('dead')).toBe(0);
    expect(plan.allocation.get('ok')).toBe(2000);
    expect(plan.shifts).toEqual([{ fromId: 'dead', toId: 'ok', amountCents: 1000 }]);
  });
});

describe('pairShifts', () => {
  it('pairs the largest cut with the largest raise until both sides are used up', () => {
    expect(
      pairShifts([
        { id: 'a', delta: -500 },
        { id: 'b', delta: -200 },
        { id: 'c', delta: 600 },
        { id: 'd', delta: 100 },
      ]),
    ).toEqual([
      { fromId: 'a', toId: 'c', amountCents: 500 },
      { fromId: 'b', toId: 'c', amountCents: 100 },
      { fromId: 'b', toId: 'd', amountCents: 100 },
    ]);
  });
});
