// Parsers for the values merchants' files hold: money to integer cents, counts, timestamps with or
// without an offset (without one they are in the shop's time zone), and calendar days.

import type { ImportReason, ImportReasonCode } from '@zhanggui/shared';

const MONEY = /^(-)?(\d+)(?:\.(\d*))?$/;
const DATE_TIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ImportReason };

/** An error shows the cell (its value, and the quote in its reason), but not a megabyte of it. */
const MAX_VALUE_IN_ERROR = 120;

export function truncate(text: string): string {
  return text.length > MAX_VALUE_IN_ERROR ? `${text.slice(0, MAX_VALUE_IN_ERROR)}…` : text;
}

const fail = (code: ImportReasonCode, raw: string): { ok: false; reason: ImportReason } => ({
  ok: false,
  reason: { code, params: { raw: truncate(raw) } },
});

const MAX_CENTS = 2_147_483_647;

/** "1659.95" (digits, a point, two digits: what exports mostly hold) -> cents, else -1. */
function plainCents(raw: string): number {
  const point = raw.length - 3;
  if (point < 1 || point > 10 || raw.charCodeAt(point) !== 46) return -1;
  let cents = 0;
  for (let i = 0; i < raw.length; i++) {
    if (i === point) continue;
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    cents = cents * 10 + digit;
  }
  return cents <= MAX_CENTS ? cents : -1;
}

/** "1,659.95", "¥12.5", "-3" -> cents; more than two decimals are rounded half away from zero. */
export function parseMoneyCents(raw: string): Parsed<number> {
  const plain = plainCents(raw);
  if (plain >= 0) return { ok: true, value: plain };
  const text = raw.replace(/^[¥￥$€£]|,/g, '').trim();
  const match = MONEY.exec(text);
  if (!match) return fail('notAmount', raw);
  const [, minus, whole, decimals = ''] = match;
  let cents = Number(whole) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (decimals.length > 2 && decimals.charCodeAt(2) >= 53) cents += 1;
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return fail('amountTooLarge', raw);
  return { ok: true, value: minus && cents !== 0 ? -cents : cents };
}

/** A whole, non-negative count like 3 or "1,200". */
export function parseCount(raw: string): Parsed<number> {
  const text = raw.replace(/,/g, '').trim();
  if (!/^\d+$/.test(text)) return fail('notWholeNumber', raw);
  const value = Number(text);
  if (value > 2_147_483_647) return fail('numberTooLarge', raw);
  return { ok: true, value };
}

/** The digits of raw from start on, as a number; -1 if one of them is not a digit. */
function digitsAt(raw: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** "2025-05-11 09:55:16 -0400" (how Shopify exports write every instant) -> UTC ms, else NaN. */
function plainInstant(raw: string): number {
  if (raw.length !== 25) return Number.NaN;
  const sign = raw.charCodeAt(20);
  const shaped =
    raw.charCodeAt(4) === 45 &&
    raw.charCodeAt(7) === 45 &&
    raw.charCodeAt(10) === 32 &&
    raw.charCodeAt(13) === 58 &&
    raw.charCodeAt(16) === 58 &&
    raw.charCodeAt(19) === 32 &&
    (sign === 43 || sign === 45);
  if (!shaped) return Number.NaN;
  const y = digitsAt(raw, 0, 4);
  const mo = digitsAt(raw, 5, 2);
  const d = digitsAt(raw, 8, 2);
  const h = digitsAt(raw, 11, 2);
  const mi = digitsAt(raw, 14, 2);
  const s = digitsAt(raw, 17, 2);
  const zoneHours = digitsAt(raw, 21, 2);
  const zoneMinutes = digitsAt(raw, 23, 2);
  // Years before 1000 and anything not a real time go the general way, which says what is wrong.
  if (y < 1000 || zoneHours < 0 || zoneMinutes < 0 || !isRealDateTime(y, mo, d, h, mi, s)) return Number.NaN;
  const offsetMinutes = (zoneHours * 60 + zoneMinutes) * (sign === 45 ? -1 : 1);
  return Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
}

/** The last instant parsed: an export repeats an order's instants on each of its lines. */
let lastInstant = { raw: '', timeZone: '', utc: 0 };

/** "2025-05-11 09:55:16 -0400", ISO 8601, or a local "2016-04-27 18:28:03" in timeZone. */
export function parseInstant(raw: string, timeZone: string): Parsed<Date> {
  if (raw === lastInstant.raw && timeZone === lastInstant.timeZone) {
    return { ok: true, value: new Date(lastInstant.utc) };
  }
  const plain = plainInstant(raw);
  const parsed = Number.isNaN(plain)
    ? parseAnyInstant(raw, timeZone)
    : { ok: true as const, value: new Date(plain) };
  if (parsed.ok) lastInstant = { raw, timeZone, utc: parsed.value.getTime() };
  return parsed;
}

function parseAnyInstant(raw: string, timeZone: string): Parsed<Date> {
  const match = DATE_TIME.exec(raw.trim());
  if (!match) return fail('notDateTime', raw);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = match;
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  if (!isRealDateTime(...fields)) return fail('notRealDateTime', raw);
  const wallClock = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const millis = Number(frac.slice(0, 3).padEnd(3, '0'));
  const utc = zone ? wallClock - zoneOffsetMinutes(zone) * 60_000 : localToUtc(wallClock, timeZone);
  return { ok: true, value: new Date(utc + millis) };
}

/** A calendar day "2026-11-11" or "2026/11/11" (no time part), as UTC midnight for a DATE column. */
export function parseDay(raw: string): Parsed<Date> {
  const match = DATE_TIME.exec(raw.trim());
  if (!match || match[4] !== undefined) return fail('notDay', raw);
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDateTime(y, mo, d, 0, 0, 0)) return fail('notRealDay', raw);
  return { ok: true, value: new Date(Date.UTC(y, mo - 1, d)) };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59)
    return false;
  const isLeap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && isLeap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits[0] === '-' ? -minutes : minutes;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC, in ms, at the instant utcMillis; cached per zone and hour. */
export function zoneOffsetMs(timeZone: string, utcMillis: number): number {
  const key = `${timeZone}|${Math.floor(utcMillis / 3_600_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(utcMillis).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  const offset = asUtc - Math.floor(utcMillis / 60_000) * 60_000;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function localToUtc(wallClock: number, timeZone: string): number {
  const firstGuess = wallClock - zoneOffsetMs(timeZone, wallClock);
  const offset = zoneOffsetMs(timeZone, firstGuess);
  return wallClock - offset;
}
