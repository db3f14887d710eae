// Budget pacing: when, within a local day, a campaign's daily budget ran out, against the hour the
// shop sells most. Money spent out before the peak is reach the campaign could not buy at the peak.

export interface HourValue {
  hour: Date;
  value: number;
}

/**
 * The moment the budget ran out: the end of the first hour whose cumulative spend reached
 * `share` of the budget; null when it never did or there is no budget.
 */
export function budgetExhaustedAt(
  hourlySpend: readonly HourValue[],
  budgetCents: number,
  share = 0.98,
): Date | null {
  if (budgetCents <= 0) return null;
  let cumulative = 0;
  for (const { hour, value } of [...hourlySpend].sort((a, b) => a.hour.getTime() - b.hour.getTime())) {
    cumulative += value;
    if (cumulative >= budgetCents * share) return new Date(hour.getTime() + 3_600_000);
  }
  return null;
}

/** The hour with the highest value (the earliest on a tie); null for an empty or all-zero series. */
export function peakHour(series: readonly HourValue[]): HourValue | null {
  let best: HourValue | null = null;
  for (const point of series) {
    if (point.value > 0 && (!best || point.value > best.value)) best = point;
  }
  return best;
}

/** Share of the day's value that came at or after the instant (what an exhausted budget missed). */
export function shareAfter(series: readonly HourValue[], instant: Date): number | null {
  const total = series.reduce((s, p) => s + p.value, 0);
  if (total <= 0) return null;
  return series.filter((p) => p.hour >= instant).reduce((s, p) => s + p.value, 0) / total;
}
