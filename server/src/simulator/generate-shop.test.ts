import { type SimulateOptions, SimulateOptionsSchema } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { PEAK_DAY, PEAK_LOCAL_HOUR } from './calendar.js';
import { fingerprint, generateShop } from './generate-shop.js';
import { simulateWorld } from './world.js';

const options = (overrides: Partial<SimulateOptions> = {}) =>
  SimulateOptionsSchema.parse({ slug: 'det', scale: 'tiny', seed: 7, ...overrides });

describe('generateShop', () => {
  it('gives byte-identical rows, promotion and manifest for the same seed and options', () => {
    const first = fingerprint(generateShop(options()));
    expect(fingerprint(generateShop(options()))).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different rows for a different seed, preset, year or shop id', () => {
    const base = fingerprint(generateShop(options()));
    expect(fingerprint(generateShop(options({ seed: 8 })))).not.toBe(base);
    expect(fingerprint(generateShop(options({ preset: 'clean' })))).not.toBe(base);
    expect(fingerprint(generateShop(options({ year: 2027 })))).not.toBe(base);
    expect(fingerprint(generateShop(options()), 2)).not.toBe(base);
  });

  it('plants the same problems on different entities for different seeds', () => {
    const entitiesOf = (seed: number) =>
      generateShop(options({ seed })).manifest.problems.map(
        (p) => `${p.type}:${p.entities.map((e) => e.id)}`,
      );
    const a = entitiesOf(1);
    const b = entitiesOf(2);
    expect(a.map((x) => x.split(':')[0])).toEqual(b.map((x) => x.split(':')[0]));
    expect(a.filter((x) => b.includes(x)).length).toBeLessThan(a.length / 2);
  });

  it('lands each scale within a few percent of its order target', () => {
    const bands: [SimulateOptions['scale'], number, number, number][] = [
      ['tiny', 2_500, 120, 1_500],
      ['demo', 20_000, 600, 10_000],
      ['1m', 1_000_000, 10_000, 100_000],
    ];
    for (const [scale, orders, skus, customers] of bands) {
      const world = simulateWorld(options({ scale }));
      expect(world.sales.orders.length, scale).toBeGreaterThan(orders * 0.97);
      expect(world.sales.orders.length, scale).toBeLessThan(orders * 1.03);
      expect(world.catalog.skus.length).toBe(skus);
      expect(world.customers.count).toBe(customers);
      // Repeat customers: far fewer buyers than orders.
      const buyers = world.sales.customerOrders.filter((n) => n > 0).length;
      expect(buyers, scale).toBeLessThan(world.sales.orders.length * 0.8);
    }
  }, 60_000);

  it('makes November 11, 20:00 shop time the peak hour, 20–50× the median hour', () => {
    const { sales } = simulateWorld(options({ scale: 'demo' }));
    const perHour = new Array<number>(37 * 24).fill(0);
    for (let o = 0; o < sales.orders.length; o++)
      perHour[Math.floor(sales.orders.cols.placed[o]! / 3600)]! += 1;
    const peak = Math.max(...perHour);
    const sorted = [...perHour].sort((a, b) => a - b);
    const median = (sorted[443]! + sorted[444]!) / 2;
    expect(perHour.indexOf(peak)).toBe(PEAK_DAY * 24 + PEAK_LOCAL_HOUR);
    expect(peak / median).toBeGreaterThan(20);
    expect(peak / median).toBeLessThan(50);
  });

  it('gives long-tail popularity: the top 10% of SKUs sell about half the units', () => {
    const { sales, catalog } = simulateWorld(options({ scale: 'demo' }));
    const units = new Array<number>(catalog.skus.length).fill(0);
    for (let l = 0; l < sales.lines.length; l++)
      units[sales.lines.cols.sku[l]! - 1]! += sales.lines.cols.qty[l]!;
    const sorted = [...units].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, catalog.skus.length / 10).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.4);
    expect(top / total).toBeLessThan(0.75);
  });

  it('plants nothing with the clean preset', () => {
    expect(generateShop(options({ preset: 'clean' })).manifest.problems).toEqual([]);
  });
});
