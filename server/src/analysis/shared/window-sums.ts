// Enumerates windows of consecutive days with their totals, for the Poisson excess and deficit scans.

export interface WindowSums {
  /** Index of the first day in the window. */
  start: number;
  /** Index one past the last day. */
  end: number;
  observed: number;
  exposure: number;
  totalObserved: number;
  totalExposure: number;
}

/** Every window of minDays..maxDays consecutive days, its sums taken from prefix sums. */
export function* consecutiveWindows(
  days: readonly { observed: number; exposure: number }[],
  minDays: number,
  maxDays: number,
): Generator<WindowSums> {
  const observedUpTo = [0];
  const exposureUpTo = [0];
  for (const d of days) {
    observedUpTo.push(observedUpTo.at(-1)! + d.observed);
    exposureUpTo.push(exposureUpTo.at(-1)! + d.exposure);
  }
  const totalObserved = observedUpTo.at(-1)!;
  const totalExposure = exposureUpTo.at(-1)!;
  for (let start = 0; start < days.length; start++) {
    for (let end = start + minDays; end <= Math.min(days.length, start + maxDays); end++) {
      yield {
        start,
        end,
        observed: observedUpTo[end]! - observedUpTo[start]!,
        exposure: exposureUpTo[end]! - exposureUpTo[start]!,
        totalObserved,
        totalExposure,
      };
    }
  }
}
