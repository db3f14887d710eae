// The promotion season in shop time (Asia/Shanghai, UTC+8 all year, no daylight saving) and the
// shape of demand over it: daily multipliers by phase and hourly profiles with a night trough and an
// evening peak. Times inside the simulator are whole seconds since the season's first local midnight.
import type { PromotionPhaseKind } from '@zhanggui/shared';

export const SHOP_TIME_ZONE = 'Asia/Shanghai';
const SHOP_UTC_OFFSET_SECONDS = 8 * 3600;
export const DAY = 86_400;
export const HOUR = 3600;

/** October 15 through November 20, inclusive. */
export const SEASON_DAYS = 37;
/** Day indexes (0 = October 15) of the dates that shape the season. */
export const PREHEAT_DAY = 9; // Oct 24
export const LAUNCH_DAY = 17; // Nov 1
export const PEAK_EVE_DAY = 26; // Nov 10
export const PEAK_DAY = 27; // Nov 11
export const TAIL_DAY = 28; // Nov 12
export const AFTER_DAY = 32; // Nov 16
/** The peak hour: November 11, 20:00–21:00 shop time (the evening wave, not the midnight opening). */
export const PEAK_LOCAL_HOUR = 20;

export interface PhaseSpan {
  phase: PromotionPhaseKind;
  fromDay: number;
  /** Exclusive. */
  toDay: number;
}

export const PHASES: PhaseSpan[] = [
  { phase: 'preheat', fromDay: PREHEAT_DAY, toDay: LAUNCH_DAY },
  { phase: 'launch', fromDay: LAUNCH_DAY, toDay: PEAK_EVE_DAY },
  { phase: 'peak', fromDay: PEAK_EVE_DAY, toDay: TAIL_DAY },
  { phase: 'tail', fromDay: TAIL_DAY, toDay: AFTER_DAY },
];

export interface Season {
  year: number;
  /** UTC epoch seconds of October 15, 00:00 shop time. */
  startEpoch: number;
  days: number;
  /** The moment the data is "as of": the end of the season. Nothing after it has happened. */
  nowSec: number;
}

export function buildSeason(year: number): Season {
  const startEpoch = Date.UTC(year, 9, 15) / 1000 - SHOP_UTC_OFFSET_SECONDS;
  return { year, startEpoch, days: SEASON_DAYS, nowSec: SEASON_DAYS * DAY };
}

export function toDate(season: Season, sec: number): Date {
  return new Date((season.startEpoch + sec) * 1000);
}

export function toIso(season: Season, sec: number): string {
  return toDate(season, sec).toISOString();
}

/** The shop-local calendar date of a day index, as YYYY-MM-DD. */
export function localDate(season: Season, day: number): string {
  return new Date(Date.UTC(season.year, 9, 15 + day)).toISOString().slice(0, 10);
}

function isWeekend(season: Season, day: number): boolean {
  const weekday = new Date(Date.UTC(season.year, 9, 15 + day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

// Share of a normal day's orders per local hour (mean 1): night trough, lunch bump, evening peak.
const NORMAL_HOURS = [
  0.62, 0.36, 0.2, 0.13, 0.1, 0.12, 0.22, 0.42, 0.72, 0.98, 1.12, 1.18, 1.22, 1.12, 1.06, 1.06, 1.1, 1.12,
  1.14, 1.3, 1.62, 1.78, 1.58, 1.05,
];
// November 1: the launch opens at midnight.
const LAUNCH_HOURS = NORMAL_HOURS.map((w, h) => (h === 0 ? w * 4 : h === 1 ? w * 2 : w));
// November 11: a midnight opening wave, a busy day, and the evening wave at 20:00 as the peak hour.
const PEAK_HOURS = [
  7, 3, 1.2, 0.5, 0.35, 0.35, 0.5, 0.9, 1.4, 1.8, 2, 2, 2.1, 2, 1.9, 1.9, 2, 2.1, 2.3, 3, 9, 6, 4, 3,
];

function normalized(weights: number[]): number[] {
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  return weights.map((w) => w / mean);
}

const PROFILES = {
  normal: normalized(NORMAL_HOURS),
  launch: normalized(LAUNCH_HOURS),
  peak: normalized(PEAK_HOURS),
};

/** The local hourly profile (mean 1) of a day. */
export function hourProfile(day: number): number[] {
  if (day === PEAK_DAY) return PROFILES.peak;
  if (day === LAUNCH_DAY) return PROFILES.launch;
  return PROFILES.normal;
}

/** A day's demand relative to a normal weekday before the promotion. */
export function dayMultiplier(season: Season, day: number): number {
  const weekend = isWeekend(season, day) ? 1.08 : 1;
  if (day < PREHEAT_DAY) return weekend;
  if (day < LAUNCH_DAY) return 1.15 * weekend;
  if (day === LAUNCH_DAY) return 2.6;
  if (day === LAUNCH_DAY + 1) return 1.7;
  if (day < PEAK_EVE_DAY) return 1.35 * weekend;
  if (day === PEAK_EVE_DAY) return 1.5;
  if (day === PEAK_DAY) return 11;
  if (day < AFTER_DAY) return [1.8, 1.4, 1.25, 1.15][day - TAIL_DAY]!;
  return 0.9 * weekend;
}

/** Expected demand per hour of the season (index day * 24 + local hour), in units of a normal hour. */
export function hourlyIntensity(season: Season): Float64Array {
  const intensity = new Float64Array(season.days * 24);
  for (let day = 0; day < season.days; day++) {
    const multiplier = dayMultiplier(season, day);
    const profile = hourProfile(day);
    for (let h = 0; h < 24; h++) intensity[day * 24 + h] = multiplier * profile[h]!;
  }
  return intensity;
}

export function phaseOfDay(day: number): PromotionPhaseKind | null {
  return PHASES.find((p) => day >= p.fromDay && day < p.toDay)?.phase ?? null;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Formats season seconds as PostgreSQL timestamptz text, fast: one cached prefix per UTC hour. */
export class TimestampText {
  private readonly hourPrefix = new Map<number, string>();

  constructor(private readonly season: Season) {}

  format(sec: number): string {
    const epoch = this.season.startEpoch + sec;
    const hour = Math.floor(epoch / HOUR);
    let prefix = this.hourPrefix.get(hour);
    if (prefix === undefined) {
      prefix = new Date(hour * HOUR * 1000).toISOString().slice(0, 14).replace('T', ' ');
      this.hourPrefix.set(hour, prefix);
    }
    const inHour = epoch - hour * HOUR;
    const minutes = Math.floor(inHour / 60);
    return `${prefix}${TWO_DIGITS[minutes]}:${TWO_DIGITS[inHour - minutes * 60]}+00`;
  }
}
