import { describe, expect, it } from 'vitest';
import { chooseTicks } from './chart-ticks';

const HOUR = 3_600_000;
/** Hour starts of `days` whole Shanghai days from local midnight of Nov 1. */
function shanghaiHours(days: number): number[] {
  const start = Date.parse('2026-10-31T16:00:00Z');
  return Array.from({ length: days * 24 }, (_, i) => start + i * HOUR);
}

describe('chooseTicks', () => {
  it('labels a single day every three shop-local hours, starting at local midnight', () => {
    const axis = chooseTicks(shanghaiHours(1), 'Asia/Shanghai');
    expect(axis.unit).toBe('hour');
    expect(axis.ticks).toHaveLength(8);
    expect(new Date(axis.ticks[0]!).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(axis.ticks[1]!).toISOString()).toBe('2026-10-31T19:00:00.000Z');
  });

  it('labels a long range on local midnights, thinned to at most twelve', () => {
    const axis = chooseTicks(shanghaiHours(37), 'Asia/Shanghai');
    expect(axis.unit).toBe('day');
    expect(axis.ticks.length).toBeLessThanOrEqual(12);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(9);
    for (const tick of axis.ticks) expect(new Date(tick).getUTCHours()).toBe(16);
  });

  it('labels a week on every local midnight', () => {
    const axis = chooseTicks(shanghaiHours(7), 'Asia/Shanghai');
    expect(axis).toMatchObject({ unit: 'day' });
    expect(axis.ticks).toHaveLength(7);
  });
});
