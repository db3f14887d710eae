// Measurements over the generated rows that the manifest reports: each planted problem's magnitude is
// computed from exactly the numbers that will be written, so SQL over the loaded rows gives the same.
import { DAY, PEAK_DAY } from './calendar.js';
import { SOURCE_COUNT } from './catalog.js';
import { SEARCH } from './demand.js';
import { DELIVERED, PAID, REFUNDED, SHIPPED } from './order-status.js';
import { COVER_WINDOW_DAYS, pairUnits } from './stock.js';
import { skuFunnels } from './traffic.js';
import type { World } from './world.js';

export const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export interface FunnelTotals {
  /** Season visits per SKU and source: index (sku − 1) · 5 + source. */
  visits: Float64Array;
  /** Daily visits and orders (all sources) of one SKU. */
  dailyVisits: Float64Array;
  dailyOrders: Float64Array;
}

/** One pass over the SKU funnel rows: season visits by source, and one SKU's daily series. */
export function funnelTotals(world: World, skuId: number | null): FunnelTotals {
  const { season, catalog } = world;
  const totals: FunnelTotals = {
    visits: new Float64Array(catalog.skus.length * SOURCE_COUNT),
    dailyVisits: new Float64Array(season.days),
    dailyOrders: new Float64Array(season.days),
  };
  for (const f of skuFunnels(world.options.seed, season, catalog, world.demand, world.sales)) {
    totals.visits[(f.skuId - 1) * SOURCE_COUNT + f.source]! += f.visits;
    if (f.skuId === skuId) {
      totals.dailyVisits[f.day]! += f.visits;
      totals.dailyOrders[f.day]! += f.orders;
    }
  }
  return totals;
}

export function searchShare(totals: FunnelTotals, skuIds: number[]): number {
  let search = 0;
  let all = 0;
  for (const id of skuIds) {
    for (let source = 0; source < SOURCE_COUNT; source++) {
      const visits = totals.visits[(id - 1) * SOURCE_COUNT + source]!;
      all += visits;
      if (source === SEARCH) search += visits;
    }
  }
  return ratio(search, all);
}

/** Days of cover at season end: closing stock over average daily units of the last 28 days. */
export function daysOfCover(world: World, skuId: number): number | null {
  const { season, stock, catalog } = world;
  let onHand = 0;
  let units = 0;
  catalog.skus[skuId - 1]!.warehouseIds.forEach((_, slot) => {
    const pair = (skuId - 1) * 2 + slot;
    onHand += stock.closing[pair]!;
    units += pairUnits(world.sales, season, pair, season.days - COVER_WINDOW_DAYS);
  });
  return units === 0 ? null : onHand / (units / COVER_WINDOW_DAYS);
}

/** Units of a SKU sold (orders not cancelled) on days [fromDay, toDay), all warehouses. */
export function skuUnits(world: World, skuId: number, fromDay: number, toDay: number): number {
  return world.catalog.skus[skuId - 1]!.warehouseIds.reduce(
    (sum, _, slot) => sum + pairUnits(world.sales, world.season, (skuId - 1) * 2 + slot, fromDay, toDay),
    0,
  );
}

/** GMV (paid orders, by placement time) in [fromSec, toSec). */
export function gmvBetween(world: World, fromSec: number, toSec: number): number {
  const oc = world.sales.orders.cols;
  let gmv = 0;
  for (let o = 0; o < world.sales.orders.length; o++) {
    const placed = oc.placed[o]!;
    const status = oc.status[o]!;
    if (placed < fromSec || placed >= toSec) continue;
    if (status === PAID || status === SHIPPED || status === DELIVERED || status === REFUNDED)
      gmv += oc.total[o]!;
  }
  return gmv;
}

/** Sum of an ads table column for one campaign over days [fromDay, toDay). */
export function campaignSum(
  world: World,
  campaignId: number,
  column: 'spend' | 'revenue' | 'clicks',
  fromDay: number,
  toDay: number,
) {
  const c = world.ads.daily.cols;
  let sum = 0;
  for (let i = 0; i < world.ads.daily.length; i++) {
    if (c.campaign[i] === campaignId && c.day[i]! >= fromDay && c.day[i]! < toDay) sum += c[column][i]!;
  }
  return sum;
}

/** The creative's CTR over days [fromDay, toDay). */
export function creativeCtr(world: World, creativeId: number, fromDay: number, toDay: number): number {
  const c = world.ads.creativeDaily.cols;
  let impressions = 0;
  let clicks = 0;
  for (let i = 0; i < world.ads.creativeDaily.length; i++) {
    if (c.creative[i] === creativeId && c.day[i]! >= fromDay && c.day[i]! < toDay) {
      impressions += c.impressions[i]!;
      clicks += c.clicks[i]!;
    }
  }
  return ratio(clicks, impressions);
}

/** The last local hour of the peak day in which the campaign spent anything. */
export function lastSpendHour(world: World, campaignId: number): number {
  const c = world.ads.hourly.cols;
  let last = -1;
  for (let i = 0; i < world.ads.hourly.length; i++) {
    const hour = c.hour[i]!;
    if (c.campaign[i] === campaignId && Math.floor(hour / 24) === PEAK_DAY && c.spend[i]! > 0)
      last = hour % 24;
  }
  return last;
}

export const dayOf = (sec: number) => Math.floor(sec / DAY);
