// Loads what the demand forecast needs: shop GMV per past local day, a regular day's GMV, the
// promotion calendar and the hour-of-day shape of unit sales.
import type { DataSpan } from '../shared/data-span.js';
import { loadPromotions } from '../shared/promotion.js';
import { addLocalDays, DAY_MS, localDate, localDateStart, startOfLocalDay } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { type DemandCalendar, hourShares, regularDayGmv } from './demand-forecast.js';

export const CALENDAR_DAYS = 28;

export async function loadDemandCalendar(context: AnalysisContext, span: DataSpan): Promise<DemandCalendar> {
  const tz = context.timeZone;
  const today = startOfLocalDay(span.asOf, tz);
  const from = addLocalDays(today, -CALENDAR_DAYS, tz);
  const [days, hours, promotions] = await Promise.all([
    context.query<{ day: string; gmv: number }>(
      `SELECT (hour AT TIME ZONE $4)::date::text AS day, sum(gmv_cents) AS gmv
       FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3 GROUP BY 1`,
      [context.shopId, from, today, tz],
    ),
    context.query<{ h: number; units: number }>(
      `SELECT extract(hour FROM hour AT TIME ZONE $4)::int AS h, sum(units) AS units
       FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3 GROUP BY 1`,
      [context.shopId, addLocalDays(today, -14, tz), today, tz],
    ),
    loadPromotions(context, { from, to: new Date(span.asOf.getTime() + 45 * DAY_MS) }),
  ]);
  const pastGmv = new Map<string, number>();
  // Days before the shop's first data are unknown, not zero.
  const firstDay = span.dataStart ? startOfLocalDay(span.dataStart, tz) : today;
  for (let d = new Date(Math.max(from.getTime(), firstDay.getTime())); d < today; d = addLocalDays(d, 1, tz))
    pastGmv.set(localDate(d, tz), 0);
  for (const row of days) pastGmv.set(row.day, row.gmv);
  const isPromotionDay = (day: string) => {
    const midday = new Date(localDateStart(day, tz).getTime() + 12 * 3_600_000);
    return promotions.some((p) => p.phases.some((ph) => ph.from <= midday && midday < ph.to));
  };
  return {
    timeZone: tz,
    regularDayGmv: regularDayGmv(pastGmv, isPromotionDay),
    pastGmv,
    promotions,
    hourShares: hourShares(new Map(hours.map((r) => [r.h, r.units]))),
  };
}
