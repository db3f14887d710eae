// Why customers sent a SKU back: reason counts inside a window and the same reasons' share before it.
import { safeRatio } from '@zhanggui/shared';
import type { LocalDays } from '../shared/local-days.js';
import type { Window } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

export interface ReasonCount {
  reason: string;
  inWindow: number;
  outside: number;
  /** Refund amount requested in the window, minor units. */
  amountInWindow: number;
}

export interface DominantReason {
  reason: string;
  count: number;
  /** Share of the window's refund requests. */
  share: number;
  /** Share of the same reason among the SKU's other requests in the lookback; null when there were none. */
  baselineShare: number | null;
  windowTotal: number;
}

export async function loadRefundReasons(
  context: AnalysisContext,
  skuId: number,
  window: Window,
  lookback: LocalDays,
): Promise<ReasonCount[]> {
  return context.query<ReasonCount & Record<string, unknown>>(
    `SELECT reason,
            count(*) FILTER (WHERE requested_at >= $3 AND requested_at < $4)::int AS "inWindow",
            count(*) FILTER (WHERE requested_at < $3 OR requested_at >= $4)::int AS outside,
            coalesce(sum(amount_cents) FILTER (WHERE requested_at >= $3 AND requested_at < $4), 0)::float8 AS "amountInWindow"
     FROM refunds
     WHERE shop_id = $1 AND sku_id = $2 AND requested_at >= $5 AND requested_at < $6
     GROUP BY reason ORDER BY "inWindow" DESC, reason`,
    [context.shopId, skuId, window.from, window.to, lookback.from, lookback.to],
  );
}

/** The reason with most requests in the window (ties: alphabetical), with its share against before. */
export function dominantReason(reasons: readonly ReasonCount[]): DominantReason | null {
  const windowTotal = reasons.reduce((sum, r) => sum + r.inWindow, 0);
  const outsideTotal = reasons.reduce((sum, r) => sum + r.outside, 0);
  const top = [...reasons].sort((a, b) => b.inWindow - a.inWindow || a.reason.localeCompare(b.reason))[0];
  if (!top || top.inWindow === 0) return null;
  return {
    reason: top.reason,
    count: top.inWindow,
    share: top.inWindow / windowTotal,
    baselineShare: safeRatio(top.outside, outsideTotal),
    windowTotal,
  };
}
