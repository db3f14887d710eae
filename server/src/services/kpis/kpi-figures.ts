// Pure KPI arithmetic: totals of a period in, figures with previous-period change out.
import { type KpiFigure, type KpiKey, safeRatio } from '@zhanggui/shared';

export interface PeriodTotals {
  gmvCents: number;
  paidOrders: number;
  refundCents: number;
  visitors: number;
}

export function kpiValues(totals: PeriodTotals): Record<KpiKey, number | null> {
  return {
    gmvCents: totals.gmvCents,
    orders: totals.paidOrders,
    visitors: totals.visitors,
    conversionRate: safeRatio(totals.paidOrders, totals.visitors),
    aovCents: safeRatio(totals.gmvCents, totals.paidOrders),
    refundRate: safeRatio(totals.refundCents, totals.gmvCents),
  };
}

export function compareKpis(current: PeriodTotals, previous: PeriodTotals): Record<KpiKey, KpiFigure> {
  const now = kpiValues(current);
  const before = kpiValues(previous);
  const keys = Object.keys(now) as KpiKey[];
  return Object.fromEntries(
    keys.map((key) => {
      const value = now[key];
      const prev = before[key];
      const change = value === null || prev === null ? null : safeRatio(value - prev, prev);
      return [key, { value, previous: prev, change }];
    }),
  ) as Record<KpiKey, KpiFigure>;
}

/** The length in days of an inclusive range, and the range of the same length just before it. */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const day = 86_400_000;
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`);
  const length = (to - from) / day + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(from - length * day), to: iso(from - day) };
}
