// Traffic: shop visitors per hour and source, and each SKU's daily funnel per source
// (impressions ≥ visits ≥ add-to-cart ≥ orders, orders equal to the order lines placed).
import {
  AFTER_DAY,
  hourlyIntensity,
  LAUNCH_DAY,
  PEAK_DAY,
  PEAK_EVE_DAY,
  PREHEAT_DAY,
  type Season,
} from './calendar.js';
import { type Catalog, SOURCE_COUNT } from './catalog.js';
import { type Demand, sourceMix } from './demand.js';
import type { Sales } from './orders.js';
import { Rng } from './random.js';

/** How often a listing impression becomes a visit, per source. */
const CLICK_THROUGH = [0.05, 0.03, 0.025, 0.6, 0.08];

/** Shop conversion (orders / visitors): shoppers browse in preheat and buy on the big days. */
export function shopConversion(day: number): number {
  if (day === PEAK_DAY) return 0.065;
  if (day === PEAK_EVE_DAY) return 0.028;
  if (day === LAUNCH_DAY) return 0.045;
  if (day > LAUNCH_DAY && day < AFTER_DAY) return 0.034;
  if (day >= PREHEAT_DAY && day < LAUNCH_DAY) return 0.022;
  return 0.03;
}

export interface HourlyVisitors {
  hour: number;
  source: number;
  visitors: number;
  pageViews: number;
}

/** Visitors per hour and source, from the expected (not the drawn) orders so quiet hours are not empty. */
export function* trafficHourly(seed: number, season: Season, orderCount: number): Generator<HourlyVisitors> {
  const rng = new Rng(seed, 'traffic-hourly');
  const intensity = hourlyIntensity(season);
  const sum = intensity.reduce((a, b) => a + b, 0);
  for (let hour = 0; hour < intensity.length; hour++) {
    const day = Math.floor(hour / 24);
    const mix = sourceMix(day);
    const expectedOrders = (orderCount * intensity[hour]!) / sum;
    for (let source = 0; source < SOURCE_COUNT; source++) {
      const visitors = rng.round(
        ((expectedOrders * mix[source]!) / shopConversion(day)) * rng.between(0.92, 1.08),
      );
      yield { hour, source, visitors, pageViews: rng.round(visitors * rng.between(2.6, 3.6)) };
    }
  }
}

export interface SkuFunnel {
  day: number;
  skuId: number;
  source: number;
  impressions: number;
  visits: number;
  addToCart: number;
  orders: number;
}

/**
 * Each SKU's funnel per day and source. Visits follow demand (what shoppers look for), orders are the
 * drawn ones: a stocked-out or overpriced SKU keeps its visits while its orders fall.
 * Yields one reused object per row, in (day, SKU, source) order.
 */
export function* skuFunnels(
  seed: number,
  season: Season,
  catalog: Catalog,
  demand: Demand,
  sales: Sales,
): Generator<SkuFunnel> {
  const rng = new Rng(seed, 'sku-traffic');
  const row: SkuFunnel = { day: 0, skuId: 0, source: 0, impressions: 0, visits: 0, addToCart: 0, orders: 0 };
  const days = season.days;
  for (let day = 0; day < days; day++) {
    for (let s = 0; s < catalog.skus.length; s++) {
      const sku = catalog.skus[s]!;
      for (let source = 0; source < SOURCE_COUNT; source++) {
        const weight = demand.demand(s, source);
        if (weight === 0) continue;
        const cell = day * SOURCE_COUNT + source;
        const expectedLines = (sales.linesByDaySource[cell]! * weight) / sales.purchaseSums[cell]!;
        const orders = sales.skuDaySourceOrders[(s * days + day) * SOURCE_COUNT + source]!;
        const addToCartRate = Math.min(0.5, sku.conversion * 2.2);
        let visits = rng.round((expectedLines / sku.conversion) * rng.between(0.9, 1.1));
        const addToCart = Math.max(orders, rng.round(visits * addToCartRate));
        visits = Math.max(visits, addToCart);
        const impressions = Math.max(
          visits,
          rng.round((visits / CLICK_THROUGH[source]!) * rng.between(0.9, 1.1)),
        );
        if (impressions === 0) continue;
        row.day = day;
        row.skuId = s + 1;
        row.source = source;
        row.impressions = impressions;
        row.visits = visits;
        row.addToCart = addToCart;
        row.orders = orders;
        yield row;
      }
    }
  }
}
