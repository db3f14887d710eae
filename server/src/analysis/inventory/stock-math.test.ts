import { describe, expect, it } from 'vitest';
import { suggestMarkdown } from './markdown.js';
import {
  daysOfCover,
  demandProfile,
  planReorder,
  planTransfers,
  projectScaledStockOut,
  projectStockOut,
} from './stock-math.js';

const hour = (h: number) => new Date(Date.UTC(2026, 10, 10, h));

describe('days of cover and stock-out', () => {
  it('divides available stock by velocity and has no figure when nothing sells', () => {
    expect(daysOfCover(90, 6)).toBe(15);
    expect(daysOfCover(-5, 6)).toBe(0);
    expect(daysOfCover(90, 0)).toBeNull();
  });

  it('runs out in the first hour with demand the stock cannot serve, and counts that demand', () => {
    const demand = [0, 1, 2, 3].map((h) => ({ hour: hour(h), units: 10 }));
    expect(projectStockOut(25, demand)).toEqual({ hour: hour(2), unmetUnits: 15 });
    expect(projectStockOut(20, demand)).toEqual({ hour: hour(2), unmetUnits: 20 });
    expect(projectStockOut(40, demand)).toBeNull();
    expect(projectStockOut(0, [{ hour: hour(0), units: 0 }])).toBeNull();
  });
});

describe('planReorder', () => {
  it('orders up to lead-time plus review demand plus safety stock, minus stock and inbound', () => {
    // safety = ⌈1.65·4·√9⌉ = 20; reorder point = 10·9 + 20 = 110; order-up-to = 10·16 + 20 = 180
    expect(
      planReorder({
        unitsPerDay: 10,
        unitsPerDaySd: 4,
        leadTimeDays: 9,
        reviewDays: 7,
        availableUnits: 50,
        inboundUnits: 20,
      }),
    ).toEqual({ safetyStockUnits: 20, reorderPointUnits: 110, orderUpToUnits: 180, quantity: 110 });
  });

  it('orders nothing when stock already covers the horizon', () => {
    const plan = planReorder({
      unitsPerDay: 1,
      unitsPerDaySd: 0,
      leadTimeDays: 5,
      reviewDays: 5,
      availableUnits: 500,
      inboundUnits: 0,
    });
    expect(plan.quantity).toBe(0);
  });
});

describe('planTransfers', () => {
  it('sends the surplus of a slow warehouse to the one about to run short', () => {
    const stocks = [
      { warehouseId: 'A', availableUnits: 100, unitsPerDay: 2 },
      { warehouseId: 'B', availableUnits: 5, unitsPerDay: 10 },
      { warehouseId: 'C', availableUnits: 30, unitsPerDay: 1 },
    ];
    // B needs 7·10 − 5 = 65; A can spare 100 − 14·2 = 72.
    expect(planTransfers(stocks, { targetCoverDays: 7, keepCoverDays: 14 })).toEqual([
      { fromWarehouseId: 'A', toWarehouseId: 'B', units: 65 },
    ]);
  });

  it('draws on a second donor when the first cannot cover the need', () => {
    const stocks = [
      { warehouseId: 'A', availableUnits: 100, unitsPerDay: 2 },
      { warehouseId: 'B', availableUnits: 5, unitsPerDay: 12 },
      { warehouseId: 'C', availableUnits: 30, unitsPerDay: 1 },
    ];
    // B needs 84 − 5 = 79: 72 from A, 7 from C (which can spare 16).
    expect(planTransfers(stocks, { targetCoverDays: 7, keepCoverDays: 14 })).toEqual([
      { fromWarehouseId: 'A', toWarehouseId: 'B', units: 72 },
      { fromWarehouseId: 'C', toWarehouseId: 'B', units: 7 },
    ]);
  });
});

describe('suggestMarkdown', () => {
  it('caps the discount, and reports GMV, profit and freed cash of the extra units', () => {
    // baseline 60 units in 30 days; a 30% cut lifts sales by 60% → 96 units, 36 extra at ¥70.
    const markdown = suggestMarkdown({
      stockUnits: 200,
      keepUnits: 40,
      unitsPerDay: 2,
      horizonDays: 30,
      priceCents: 10_000,
      costCents: 4000,
    });
    expect(markdown).toEqual({
      discount: 0.3,
      extraUnits: 36,
      gmvDeltaCents: 36 * 7000 - 60 * 3000,
      profitDeltaCents: 36 * 3000 - 60 * 3000,
      cashFreedCents: 36 * 4000,
    });
  });

  it('leaves profit and freed cash unknown (null, not 0) for a SKU without cost', () => {
    const markdown = suggestMarkdown({
      stockUnits: 100,
      keepUnits: 10,
      unitsPerDay: 1,
      horizonDays: 30,
      priceCents: 5000,
      costCents: null,
    });
    expect(markdown.profitDeltaCents).toBeNull();
    expect(markdown.cashFreedCents).toBeNull();
    expect(markdown.gmvDeltaCents).toBe(Math.round(18 * 3500 - 30 * 1500));
  });
});

describe('projectScaledStockOut', () => {
  it('agrees with the hour-by-hour walk for demand = velocity × profile', () => {
    const shape = [0.5, 1, 2, 0, 3, 1].map((units, h) => ({ hour: hour(h), units }));
    const profile = demandProfile(shape);
    for (const stock of [0, 1, 4, 7, 10, 14, 15]) {
      const walked = projectStockOut(
        stock,
        shape.map((d) => ({ hour: d.hour, units: d.units * 2 })),
      );
      expect(projectScaledStockOut(stock, 2, profile)).toEqual(walked);
    }
    expect(projectScaledStockOut(5, 0, profile)).toBeNull();
  });
});
