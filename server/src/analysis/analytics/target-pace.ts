// GMV against a phase's target, fairly for a phase still running: at 10:00 a day is far less than
// 10/24 done, so the target is pro-rated by the shop's own hour-of-day sales profile.
import { safeRatio } from '../shared/ratios.js';
import { HOUR_MS, localHour, type Window } from '../shared/shop-time.js';

/** Weights of the 24 local hours (mean 1) from GMV per local hour; flat when there are no sales. */
export function hourOfDayWeights(gmvByLocalHour: ReadonlyMap<number, number>): number[] {
  const raw = Array.from({ length: 24 }, (_, h) => Math.max(0, gmvByLocalHour.get(h) ?? 0));
  const total = raw.reduce((s, v) => s + v, 0);
  // A floor keeps an hour that happened to sell nothing from counting as no time at all.
  return total > 0 ? raw.map((v) => Math.max(v / (total / 24), 0.05)) : raw.map(() => 1);
}

/** The share of the window's expected sales that falls before `asOf` (0 before it starts, 1 after it ends). */
export function expectedShareElapsed(
  window: Window,
  asOf: Date,
  weights: readonly number[],
  timeZone: string,
): number {
  let elapsed = 0;
  let total = 0;
  for (let t = window.from.getTime(); t < window.to.getTime(); t += HOUR_MS) {
    const hour = new Date(t);
    const weight = weights[localHour(hour, timeZone)] ?? 1;
    total += weight;
    if (t + HOUR_MS <= asOf.getTime()) elapsed += weight;
  }
  return total > 0 ? elapsed / total : 0;
}

export interface TargetPace {
  /** actual / full target. */
  attainment: number | null;
  /** The part of the target that should be in by now. */
  expectedSoFarCents: number;
  /** actual / expected so far: 1 is on pace. */
  pace: number | null;
  /** Where the phase ends at this pace; null before it has started. */
  projectedCents: number | null;
}

export function judgeAgainstTarget(
  actualCents: number,
  targetCents: number,
  shareElapsed: number,
): TargetPace {
  const expectedSoFarCents = targetCents * shareElapsed;
  const projected = safeRatio(actualCents, shareElapsed);
  return {
    attainment: safeRatio(actualCents, targetCents),
    expectedSoFarCents,
    pace: safeRatio(actualCents, expectedSoFarCents),
    projectedCents: projected === null ? null : Math.round(projected),
  };
}
