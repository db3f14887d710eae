// The stretch of days where a count (conversions, orders) fell far below what its exposure (clicks,
// visits) predicts at the rate outside that stretch: a Poisson scan for a deficit, so a collapse that
// started and ended inside the look-back is found where it happened, not assumed to be "the last 7 days".
import { consecutiveWindows } from './window-sums.js';

export interface ExposedCount {
  observed: number;
  exposure: number;
}

export interface DeficitWindow {
  /** Index of the first day. */
  start: number;
  /** Index after the last day. */
  end: number;
  observed: number;
  expected: number;
  /** Rate outside the window. */
  baselineRate: number;
  logLikelihoodRatio: number;
}

/** Poisson log-likelihood ratio of `observed` when `expected` was due; 0 unless observed is below. */
export function poissonDeficitLlr(observed: number, expected: number): number {
  if (observed >= expected || expected <= 0) return 0;
  const term = observed > 0 ? observed * Math.log(observed / expected) : 0;
  return term - (observed - expected);
}

export interface DeficitOptions {
  minDays?: number;
  /** Longest window; half the series by default, so the outside stays the main baseline. */
  maxDays?: number;
  /** The expected count in the window must reach this, or a deficit cannot be told from chance. */
  minExpected?: number;
  /** observed / expected must be at or below this. */
  maxRatio?: number;
  minLogLikelihoodRatio?: number;
}

export function findDeficitWindow(
  days: readonly ExposedCount[],
  options: DeficitOptions = {},
): DeficitWindow | null {
  const {
    minDays = 2,
    maxDays = Math.floor(days.length / 2),
    minExpected = 10,
    maxRatio = 0.5,
    minLogLikelihoodRatio = 10,
  } = options;
  let best: DeficitWindow | null = null;
  for (const { start, end, observed, exposure, totalObserved, totalExposure } of consecutiveWindows(
    days,
    minDays,
    maxDays,
  )) {
    const outsideExposure = totalExposure - exposure;
    if (exposure <= 0 || outsideExposure <= 0) continue;
    const baselineRate = (totalObserved - observed) / outsideExposure;
    const expected = exposure * baselineRate;
    if (expected < minExpected || observed > maxRatio * expected) continue;
    const llr = poissonDeficitLlr(observed, expected);
    if (llr >= minLogLikelihoodRatio && (!best || llr > best.logLikelihoodRatio)) {
      best = { start, end, observed, expected, baselineRate, logLikelihoodRatio: llr };
    }
  }
  return best;
}
