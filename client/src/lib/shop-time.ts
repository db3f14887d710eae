// Calendar dates and hours in the shop's time zone. The server stores UTC; people think in shop time.
import type { DateRange } from '@zhanggui/shared';

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one; charts ask for hundreds of hours.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: Date, timeZone: string): Record<string, string> {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The calendar date (YYYY-MM-DD) of an instant as seen in `timeZone`. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const parts = partsIn(new Date(instant), timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The hour of the day (0–23) of an instant as seen in `timeZone`. */
export function localHourOf(instant: Date | string, timeZone: string): number {
  return Number(partsIn(new Date(instant), timeZone).hour);
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The whole shop days touched by [startsAt, endsAt): the end instant itself is excluded. */
export function localDaysOf(startsAt: string, endsAt: string, timeZone: string): DateRange {
  const lastInstant = new Date(Math.max(Date.parse(startsAt), Date.parse(endsAt) - 1));
  return { from: localDateOf(startsAt, timeZone), to: localDateOf(lastInstant, timeZone) };
}

/** The last `days` whole days up to and including today in the shop's time zone. */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): DateRange {
  const to = localDateOf(now, timeZone);
  return { from: addDays(to, -(days - 1)), to };
}

/** "GMT+08:00": the zone's offset at an instant, to print beside its name. */
export function offsetLabel(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "11/11 20:00" or "11月11日 20:00": an hour in the shop's zone for tooltips. */
export function formatShopHour(instant: Date | string | number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "11/11" or "11月11日": a day label for axes. */
export function formatShopDay(instant: Date | string | number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric' }).format(
    new Date(instant),
  );
}

/** "20:00": an hour label for axes of short ranges. */
export function formatShopClock(instant: Date | string | number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** A date range as people read it: "2026-10-15 – 2026-11-20", or one date when from = to. */
export function formatDateRange(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} – ${range.to}`;
}
