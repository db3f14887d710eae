import { describe, expect, it } from 'vitest';
import { judgeConversionAfterChange } from './price-conversion.js';

describe('judgeConversionAfterChange', () => {
  it('expects the before rate moved with the rest of the shop, and measures the fall against it', () => {
    // 5% before; the shop converted 20% better after; 3% after against an expected 6%.
    const judged = judgeConversionAfterChange(
      { beforeVisits: 2000, beforeOrders: 100, afterVisits: 2000, afterOrders: 60 },
      1.2,
    )!;
    expect(judged.expectedRate).toBeCloseTo(0.06, 10);
    expect(judged.expectedOrders).toBeCloseTo(120, 8);
    const variance = (0.06 * 0.94) / 2000 + (1.44 * 0.05 * 0.95) / 2000;
    expect(judged.z).toBeCloseTo((0.03 - 0.06) / Math.sqrt(variance), 10);
  });

  it('does not read a fall against a thin before-period as certain', () => {
    // 9.8% on 500 visits before, 7.2% on 3,600 after: z ≈ −1.8 once the before rate's own noise counts.
    const judged = judgeConversionAfterChange(
      { beforeVisits: 500, beforeOrders: 49, afterVisits: 3600, afterOrders: 259 },
      1,
    )!;
    expect(judged.z).toBeGreaterThan(-3);
  });

  it('has no judgement without enough visits or any order before', () => {
    expect(
      judgeConversionAfterChange({ beforeVisits: 50, beforeOrders: 5, afterVisits: 500, afterOrders: 5 }, 1),
    ).toBeNull();
    expect(
      judgeConversionAfterChange({ beforeVisits: 500, beforeOrders: 0, afterVisits: 500, afterOrders: 0 }, 1),
    ).toBeNull();
  });
});
