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

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes the zone is ahead of UTC at that instant (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
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
