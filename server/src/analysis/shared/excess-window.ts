// Finds the stretch of days where a count (refunds, complaints, late parcels) ran far above what its
// exposure (units sold, reviews, shipments due) predicts, judged against the rate outside that stretch:
// a Poisson scan statistic (Kulldorff), so the window is found in the data, not assumed to be "the last 7 days".
import { consecutiveWindows } from './window-sums.js';

export interface DailyCount {
  /** Local date, YYYY-MM-DD. */
  day: string;
  observed: number;
  exposure: number;
}

export interface ExcessWindowOptions {
  /** Rate assumed before the entity's own history speaks, e.g. the shop-wide rate. */
  priorRate: number;
  /** How much exposure the prior is worth (pseudo-units). */
  priorExposure: number;
  minDays?: number;
  /** Longest window; by default half the series, so the entity's own history is always the main baseline. */
  maxDays?: number;
  minObserved?: number;
  /** observed / expected must reach this. */
  minRatio?: number;
  /** Log-likelihood ratio the window must reach; 10 is about p < 1e-4 for a single window. */
  minLogLikelihoodRatio?: number;
}

export interface ExcessWindow {
  /** Index of the first day in the series. */
  start: number;
  /** Index after the last day. */
  end: number;
  observed: number;
  exposure: number;
  /** Rate outside the window, smoothed toward the prior. */
  baselineRate: number;
  expected: number;
  logLikelihoodRatio: number;
}

/** Poisson log-likelihood ratio of observing `observed` when `expected` was due; 0 when not above. */
export function poissonExcessLlr(observed: number, expected: number): number {
  if (observed <= expected || expected <= 0) return 0;
  return observed * Math.log(observed / expected) - (observed - expected);
}

/** The most unusual window of consecutive days, or null when none clears every threshold. */
export function findExcessWindow(
  days: readonly DailyCount[],
  options: ExcessWindowOptions,
): ExcessWindow | null {
  const {
    priorRate,
    priorExposure,
    minDays = 2,
    maxDays = Math.floor(days.length / 2),
    minObserved = 5,
    minRatio = 2,
    minLogLikelihoodRatio = 10,
  } = options;
  let best: ExcessWindow | null = null;
  for (const { start, end, observed, exposure, totalObserved, totalExposure } of consecutiveWindows(
    days,
    minDays,
    maxDays,
  )) {
    if (observed < minObserved || exposure <= 0) continue;
    const baselineRate =
      (totalObserved - observed + priorRate * priorExposure) / (totalExposure - exposure + priorExposure);
    const expected = exposure * baselineRate;
    if (expected <= 0 || observed < minRatio * expected) continue;
    const llr = poissonExcessLlr(observed, expected);
    if (llr >= minLogLikelihoodRatio && (!best || llr > best.logLikelihoodRatio)) {
      best = { start, end, observed, exposure, baselineRate, expected, logLikelihoodRatio: llr };
    }
  }
  return best;
}
