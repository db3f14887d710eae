import { describe, expect, it } from 'vitest';
import { statisticsAreStale } from './merge-orders.js';

describe("when an import refreshes the planner's statistics first", () => {
  it('does when they reckon with fewer than half the orders just written for the shop', () => {
    expect(statisticsAreStale(5_000, 1)).toBe(true);
    expect(statisticsAreStale(200_000, 10_000)).toBe(true);
  });

  it('does not for a few orders, nor for a shop they know about as large', () => {
    expect(statisticsAreStale(999, 1)).toBe(false);
    expect(statisticsAreStale(200_000, 180_000)).toBe(false);
  });
});
