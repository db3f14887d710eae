// Seasonality-aware anomaly detection on hourly series: each hour is judged against the same local
// hour-of-day on previous comparable days (same promotion phase kind, or regular days), with a robust
// baseline (median, scaled MAD) so one odd day in the history does not hide or fake an anomaly.
import { type RobustBaseline, robustBaseline, robustZ } from '../shared/robust-stats.js';
import { addHours, addLocalDays, HOUR_MS } from '../shared/shop-time.js';

export interface SameHourOptions {
  timeZone: string;
  /** The kind of day an hour belongs to ('regular', 'preheat', 'peak', …); only equal kinds compare. */
  dayKind: (hour: Date) => string;
  /** Hours before the shop had data are not history (they would read as zeros). */
  dataStart: Date;
  comparableDays?: number;
  lookbackDays?: number;
  minComparableDays?: number;
}

/** The same local hour on up to N previous comparable days, most recent first. */
export function comparableHours(hour: Date, options: SameHourOptions): Date[] {
  const { comparableDays = 7, lookbackDays = 28 } = options;
  const kind = options.dayKind(hour);
  const hours: Date[] = [];
  for (let k = 1; k <= lookbackDays && hours.length < comparableDays; k++) {
    const earlier = addLocalDays(hour, -k, options.timeZone);
    if (earlier < options.dataStart) break;
    if (options.dayKind(earlier) === kind) hours.push(earlier);
  }
  return hours;
}

/** Robust baseline of the same local hour on up to N previous comparable days; null with too few. */
export function sameHourBaseline(
  values: ReadonlyMap<number, number>,
  hour: Date,
  options: SameHourOptions,
  history: readonly Date[] = comparableHours(hour, options),
): RobustBaseline | null {
  if (history.length < (options.minComparableDays ?? 3)) return null;
  return robustBaseline(history.map((h) => values.get(h.getTime()) ?? 0));
}

export interface AnomalousHour {
  hour: Date;
  value: number;
  baseline: number;
  z: number;
}

export interface HourlyAnomaly {
  direction: 'drop' | 'spike';
  from: Date;
  /** Exclusive. */
  to: Date;
  hours: AnomalousHour[];
  totalValue: number;
  totalBaseline: number;
}

export interface AnomalyOptions extends SameHourOptions {
  zThreshold?: number;
  /** |value − baseline| / baseline must also reach this, so a tiny but steady series stays quiet. */
  minRelativeChange?: number;
  /** Hours whose baseline median is below this are too thin to judge a drop in. */
  minBaselineMedian?: number;
}

export interface AnomalyScan {
  anomalies: HourlyAnomaly[];
  hoursJudged: number;
  hoursWithoutBaseline: number;
}

/** Flags hours far from their same-hour baseline and merges consecutive ones of one direction. */
export function detectHourlyAnomalies(
  values: ReadonlyMap<number, number>,
  hoursToJudge: readonly Date[],
  options: AnomalyOptions,
  historyOf: (hour: Date) => readonly Date[] = (hour) => comparableHours(hour, options),
): AnomalyScan {
  const { zThreshold = 4, minRelativeChange = 0.4, minBaselineMedian = 5 } = options;
  const anomalies: HourlyAnomaly[] = [];
  let hoursJudged = 0;
  let hoursWithoutBaseline = 0;
  for (const hour of hoursToJudge) {
    const baseline = sameHourBaseline(values, hour, options, historyOf(hour));
    if (!baseline) {
      hoursWithoutBaseline++;
      continue;
    }
    hoursJudged++;
    if (baseline.median < minBaselineMedian) continue;
    const value = values.get(hour.getTime()) ?? 0;
    const z = robustZ(value, baseline);
    const relative = Math.abs(value - baseline.median) / baseline.median;
    if (Math.abs(z) < zThreshold || relative < minRelativeChange) continue;
    const direction = z < 0 ? 'drop' : 'spike';
    const point = { hour, value, baseline: baseline.median, z };
    const last = anomalies.at(-1);
    if (last && last.direction === direction && last.to.getTime() === hour.getTime()) {
      last.hours.push(point);
      last.to = addHours(hour, 1);
      last.totalValue += value;
      last.totalBaseline += baseline.median;
    } else {
      anomalies.push({
        direction,
        from: hour,
        to: addHours(hour, 1),
        hours: [point],
        totalValue: value,
        totalBaseline: baseline.median,
      });
    }
  }
  return { anomalies, hoursJudged, hoursWithoutBaseline };
}

/** Whole hours in [from, to). */
export function hoursBetween(from: Date, to: Date): Date[] {
  const hours: Date[] = [];
  for (let t = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS; t < to.getTime(); t += HOUR_MS) {
    hours.push(new Date(t));
  }
  return hours;
}
