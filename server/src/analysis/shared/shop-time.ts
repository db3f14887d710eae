// Time in the shop's time zone: promotion phases, "the peak hour" and local days are judged there,
// while everything is stored in UTC.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Zone offsets change on quarter hours at the finest, so one Intl call per quarter hour is enough. */
const QUARTER_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/** Minutes the zone is ahead of UTC at that instant (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const bucket = Math.floor(at.getTime() / QUARTER_MS);
  let offsets = offsetCache.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetCache.set(timeZone, offsets);
  }
  const cached = offsets.get(bucket);
  if (cached !== undefined) return cached;
  const instant = new Date(bucket * QUARTER_MS);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const offset = Math.round((asUtc - instant.getTime()) / 60_000);
  if (offsets.size > 200_000) offsets.clear();
  offsets.set(bucket, offset);
  return offset;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The local calendar date, like 2026-11-11. */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function localHour(at: Date, timeZone: string): number {
  return localParts(at, timeZone).hour;
}

/** The UTC instant of local midnight that starts the local day containing `at`. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  const guess = Date.UTC(p.year, p.month - 1, p.day);
  // The offset at the guessed instant can differ from the offset at `at` across a DST change.
  const offset = zoneOffsetMinutes(new Date(guess), timeZone);
  return new Date(guess - offset * 60_000);
}

/** The UTC instant of local midnight of a local date (YYYY-MM-DD). */
export function localDateStart(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  return new Date(guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
}

export function floorToHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** Shifts by whole local days, landing on the same local wall-clock time. */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  const shifted = new Date(at.getTime() + days * DAY_MS);
  const drift = zoneOffsetMinutes(at, timeZone) - zoneOffsetMinutes(shifted, timeZone);
  return new Date(shifted.getTime() + drift * 60_000);
}

/** "2026-11-11 20:00" in the shop's zone, for summaries. */
export function formatLocalHour(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${localDate(at, timeZone)} ${String(p.hour).padStart(2, '0')}:00`;
}

export interface Window {
  from: Date;
  to: Date;
}

export function toIsoWindow(window: Window): { from: string; to: string } {
  return { from: window.from.toISOString(), to: window.to.toISOString() };
}
