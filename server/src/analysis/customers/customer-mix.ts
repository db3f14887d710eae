// New vs returning buyers by promotion phase: an order is "new" when it is the customer's first paid order.
import { loadPromotions, type PromotionWindow } from '../shared/promotion.js';
import type { AnalysisContext } from '../types.js';
import { PAID_STATUSES, RFM_LOOKBACK_DAYS } from './rfm.js';

export interface PhaseMix {
  /** 'preheat', 'launch', 'peak', 'tail', or 'before' for the 30 days before the first phase. */
  phase: string;
  from: Date;
  to: Date;
  newOrders: number;
  returningOrders: number;
  /** Returning ÷ all orders with a known customer; null without orders. */
  returningShare: number | null;
}

const BEFORE_DAYS = 30;

export function phaseWindows(promotions: readonly PromotionWindow[], at: Date) {
  const phases = promotions.flatMap((p) => p.phases).filter((ph) => ph.from < at);
  if (phases.length === 0) return [];
  const first = phases.reduce((a, b) => (a.from < b.from ? a : b));
  const before = {
    phase: 'before',
    from: new Date(first.from.getTime() - BEFORE_DAYS * 86_400_000),
    to: first.from,
  };
  return [
    before,
    ...phases.map((ph) => ({ phase: ph.kind as string, from: ph.from, to: ph.to < at ? ph.to : at })),
  ];
}

export async function customerMixByPhase(context: AnalysisContext): Promise<PhaseMix[]> {
  const lookbackStart = new Date(context.at.getTime() - RFM_LOOKBACK_DAYS * 86_400_000);
  const windows = phaseWindows(
    await loadPromotions(context, { from: lookbackStart, to: context.at }),
    context.at,
  );
  if (windows.length === 0) return [];
  const rows = await context.query<{ phase: string; new_orders: number; returning_orders: number }>(
    `WITH w AS (SELECT * FROM json_to_recordset($3::json) AS x(phase text, "from" timestamptz, "to" timestamptz)),
     o AS (
       SELECT customer_id, placed_at,
              placed_at = min(placed_at) OVER (PARTITION BY customer_id) AS is_first
       FROM orders WHERE shop_id = $1 AND placed_at < $2 AND customer_id IS NOT NULL AND status::text = ANY($4)
     )
     SELECT w.phase, count(*) FILTER (WHERE o.is_first)::int AS new_orders,
            count(*) FILTER (WHERE NOT o.is_first)::int AS returning_orders
     FROM w JOIN o ON o.placed_at >= w."from" AND o.placed_at < w."to"
     GROUP BY w.phase`,
    [context.shopId, context.at, JSON.stringify(windows), PAID_STATUSES],
  );
  const byPhase = new Map(rows.map((r) => [r.phase, r]));
  return windows.map((w) => {
    const row = byPhase.get(w.phase);
    const newOrders = row?.new_orders ?? 0;
    const returningOrders = row?.returning_orders ?? 0;
    const total = newOrders + returningOrders;
    return { ...w, newOrders, returningOrders, returningShare: total > 0 ? returningOrders / total : null };
  });
}
