// A run of local calendar days ending with the day of the diagnosis moment, for daily series that
// SQL groups with (ts AT TIME ZONE tz)::date.
import { addLocalDays, localDate, localDateStart, startOfLocalDay, type Window } from './shop-time.js';

export interface LocalDays {
  /** YYYY-MM-DD, oldest first; the last one is the (possibly partial) day of `at`. */
  days: string[];
  /** Start of the first day, UTC. */
  from: Date;
  /** The diagnosis moment: data at or after it is ignored. */
  to: Date;
}

export function localDaysBefore(at: Date, timeZone: string, count: number): LocalDays {
  const today = startOfLocalDay(at, timeZone);
  const days: string[] = [];
  for (let k = count - 1; k >= 0; k--) days.push(localDate(addLocalDays(today, -k, timeZone), timeZone));
  return { days, from: localDateStart(days[0]!, timeZone), to: at };
}

/** [start of days[start], start of days[end]) — or `to` when the window runs to the last day. */
export function windowOfDays(local: LocalDays, start: number, end: number, timeZone: string): Window {
  const from = localDateStart(local.days[start]!, timeZone);
  const next = local.days[end];
  return { from, to: next ? localDateStart(next, timeZone) : local.to };
}

/** Rows keyed by day, filled to every day of the run (missing days are zero). */
export function fillDays<T extends { day: string }>(
  local: LocalDays,
  rows: readonly T[],
  empty: (day: string) => T,
): T[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return local.days.map((day) => byDay.get(day) ?? empty(day));
}
