// Forecast demand per hour for a SKU through the coming days, promotion-aware: the SKU's recent
// velocity is first normalised to a regular day (the recent days may have been promotion days), then
// lifted on each future day by what the promotion's GMV targets expect over a regular day.

import type { PromotionWindow } from '../shared/promotion.js';
import { median } from '../shared/robust-stats.js';
import { DAY_MS, HOUR_MS, localDate, localHour } from '../shared/shop-time.js';
import type { HourDemand } from './stock-math.js';

export interface DemandCalendar {
  timeZone: string;
  /** Shop GMV on a regular (non-promotion) day; null when the history has none. */
  regularDayGmv: number | null;
  /** Shop GMV per past local day. */
  pastGmv: ReadonlyMap<string, number>;
  promotions: readonly PromotionWindow[];
  /** Share of a day's units per local hour; sums to 1. */
  hourShares: readonly number[];
}

/** Uplifts already worked out per calendar and day start: every SKU asks about the same days. */
const upliftsByCalendar = new WeakMap<DemandCalendar, Map<number, number>>();

/** How busy a day is against a regular one: actual GMV for a past day, the phase target for a future one. */
export function dayUplift(calendar: DemandCalendar, dayStart: Date): number {
  let uplifts = upliftsByCalendar.get(calendar);
  if (!uplifts) {
    uplifts = new Map();
    upliftsByCalendar.set(calendar, uplifts);
  }
  let uplift = uplifts.get(dayStart.getTime());
  if (uplift === undefined) {
    uplift = computeDayUplift(calendar, dayStart);
    uplifts.set(dayStart.getTime(), uplift);
  }
  return uplift;
}

function computeDayUplift(calendar: DemandCalendar, dayStart: Date): number {
  const base = calendar.regularDayGmv;
  if (!base || base <= 0) return 1;
  const past = calendar.pastGmv.get(localDate(dayStart, calendar.timeZone));
  if (past !== undefined) return past / base;
  const midday = new Date(dayStart.getTime() + 12 * HOUR_MS);
  for (const promotion of calendar.promotions) {
    for (const phase of promotion.phases) {
      if (phase.from <= midday && midday < phase.to && phase.gmvTargetCents > 0) {
        const days = Math.max(1, (phase.to.getTime() - phase.from.getTime()) / DAY_MS);
        return Math.max(1, phase.gmvTargetCents / days / base);
      }
    }
  }
  return 1;
}

/** How many regular days' worth of demand the past days held (the divisor of a regular-day velocity). */
export function regularDaysIn(pastDayStarts: readonly Date[], calendar: DemandCalendar): number {
  return pastDayStarts.reduce((s, d) => s + dayUplift(calendar, d), 0);
}

/** Units per regular day: units sold over the past days divided by how busy those days were. */
export function regularDayVelocity(units: number, regularDays: number): number {
  return regularDays > 0 ? units / regularDays : 0;
}

/** Expected units in each hour of [from, to). */
export function forecastHourlyDemand(
  velocity: number,
  from: Date,
  to: Date,
  calendar: DemandCalendar,
  dayStartOf: (at: Date) => Date,
): HourDemand[] {
  const demand: HourDemand[] = [];
  const uplifts = new Map<number, number>();
  for (let t = from.getTime(); t < to.getTime(); t += HOUR_MS) {
    const hour = new Date(t);
    const dayStart = dayStartOf(hour).getTime();
    let uplift = uplifts.get(dayStart);
    if (uplift === undefined) {
      uplift = dayUplift(calendar, new Date(dayStart));
      uplifts.set(dayStart, uplift);
    }
    demand.push({
      hour,
      units: velocity * uplift * (calendar.hourShares[localHour(hour, calendar.timeZone)] ?? 1 / 24),
    });
  }
  return demand;
}

/** Hour-of-day shares from units per local hour; flat without sales. */
export function hourShares(unitsByLocalHour: ReadonlyMap<number, number>): number[] {
  const raw = Array.from({ length: 24 }, (_, h) => Math.max(0, unitsByLocalHour.get(h) ?? 0));
  const total = raw.reduce((s, v) => s + v, 0);
  return total > 0 ? raw.map((v) => v / total) : raw.map(() => 1 / 24);
}

/** GMV of a regular day: the median over past days outside every promotion phase. */
export function regularDayGmv(
  pastGmv: ReadonlyMap<string, number>,
  isPromotionDay: (day: string) => boolean,
): number | null {
  return median([...pastGmv].filter(([day]) => !isPromotionDay(day)).map(([, gmv]) => gmv));
}
