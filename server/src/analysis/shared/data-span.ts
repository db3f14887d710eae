// Which stretch of history an analysis may use: up to the diagnosis moment (floored to the hour, so
// an hourly rollup never leaks data from after it) and not before the shop's first data.
import type { AnalysisContext } from '../types.js';
import { DAY_MS, floorToHour } from './shop-time.js';

export interface DataSpan {
  /** First hour with orders or traffic; null when the shop has no data before `asOf`. */
  dataStart: Date | null;
  /** The diagnosis moment, floored to the hour. Data at or after it is ignored. */
  asOf: Date;
  /** Start of the look-back the analyses judge (at most `lookbackDays` before asOf). */
  from: Date;
}

/** A promotion season is about five weeks; six cover it with a week of normal days before. */
export const DEFAULT_LOOKBACK_DAYS = 42;

export async function loadDataSpan(
  context: AnalysisContext,
  lookbackDays = DEFAULT_LOOKBACK_DAYS,
): Promise<DataSpan> {
  const asOf = floorToHour(context.at);
  const rows = await context.query<{ first: Date | null }>(
    `SELECT least(
       (SELECT min(hour) FROM shop_hourly_rollup WHERE shop_id = $1 AND hour < $2),
       (SELECT min(hour) FROM traffic_hourly WHERE shop_id = $1 AND hour < $2)) AS first`,
    [context.shopId, asOf],
  );
  const dataStart = rows[0]?.first ?? null;
  const lookbackStart = new Date(asOf.getTime() - lookbackDays * DAY_MS);
  const from = dataStart && dataStart > lookbackStart ? dataStart : lookbackStart;
  return { dataStart, asOf, from };
}
