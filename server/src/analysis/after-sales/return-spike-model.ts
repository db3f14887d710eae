// The refunds a SKU is due on each day if nothing is wrong with it: its units sold on earlier days,
// spread over the days after the sale by the shop's own refund delay (a buyer asks for a refund from
// the same day to about a week after the purchase), times its usual refund rate. A peak day's wave of
// refunds is then expected, not a spike.
import { type DailyCount, type ExcessWindow, poissonExcessLlr } from '../shared/excess-window.js';

/** Refund requests counted by whole local days between the order and the request. */
export interface DelayCount {
  lagDays: number;
  refunds: number;
}

/**
 * Share of refunds requested 0, 1, …, maxLag days after the order (sums to 1), from observed delays.
 * Requests later than maxLag are left out (the long tail says little about a given day); a negative
 * lag (clock skew) counts as the same day. Null when no refund has a known delay.
 */
export function refundDelayShares(counts: readonly DelayCount[], maxLag: number): number[] | null {
  const shares = Array<number>(maxLag + 1).fill(0);
  for (const { lagDays, refunds } of counts) {
    if (lagDays > maxLag || refunds <= 0) continue;
    shares[Math.max(0, lagDays)]! += refunds;
  }
  const total = shares.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  return shares.map((n) => n / total);
}

/**
 * Units whose refunds fall due on each day: units sold on day t − k weighted by the share of refunds
 * that arrive k days later. `unitsByDay` starts `delayShares.length − 1` days before the first day of
 * the result, so every day of the result sees its whole history; the result has that many fewer days.
 */
export function unitsDueForRefund(unitsByDay: readonly number[], delayShares: readonly number[]): number[] {
  const history = delayShares.length - 1;
  const due: number[] = [];
  for (let t = history; t < unitsByDay.length; t++) {
    let units = 0;
    for (let k = 0; k <= history; k++) units += (unitsByDay[t - k] ?? 0) * delayShares[k]!;
    due.push(units);
  }
  return due;
}

/**
 * A refund rate shrunk toward a prior: (refunds + prior × weight) ÷ (units due + weight), where the
 * weight is the prior's worth in units. Little data stays near the prior; much data speaks for itself.
 */
export function shrunkRate(refunds: number, unitsDue: number, priorRate: number, priorUnits: number): number {
  const denominator = unitsDue + priorUnits;
  return denominator > 0 ? (refunds + priorRate * priorUnits) / denominator : priorRate;
}

/** Prior worth, in refunds: a SKU's own history outweighs its category's after a few refunds. */
export const PRIOR_REFUNDS = 5;

/** Units a prior rate is worth when it should count as PRIOR_REFUNDS refunds. */
export function priorUnitsFor(rate: number): number {
  return rate > 0 ? PRIOR_REFUNDS / rate : 0;
}

/**
 * The figures of one chosen window, judged the way the scan judges it: observed against the window's
 * units due times the rate outside the window, that rate smoothed toward the prior.
 */
export function excessInWindow(
  days: readonly DailyCount[],
  start: number,
  end: number,
  prior: { rate: number; units: number },
): ExcessWindow {
  let observed = 0;
  let exposure = 0;
  let totalObserved = 0;
  let totalExposure = 0;
  days.forEach((d, i) => {
    totalObserved += d.observed;
    totalExposure += d.exposure;
    if (i >= start && i < end) {
      observed += d.observed;
      exposure += d.exposure;
    }
  });
  const baselineRate = shrunkRate(
    totalObserved - observed,
    totalExposure - exposure,
    prior.rate,
    prior.units,
  );
  const expected = exposure * baselineRate;
  const logLikelihoodRatio = poissonExcessLlr(observed, expected);
  return { start, end, observed, exposure, baselineRate, expected, logLikelihoodRatio };
}
