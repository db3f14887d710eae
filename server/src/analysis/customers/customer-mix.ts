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
  // Orders are counted per stretch between consecutive phase boundaries (hashed, a handful of groups),
  // and each phase adds up the stretches it spans: no join of every order to every phase.
  const bounds = [...new Set(windows.flatMap((w) => [w.from.getTime(), w.to.getTime()]))].sort(
    (a, b) => a - b,
  );
  const rows = await context.query<{ stretch: number; new_orders: number; returning_orders: number }>(
    `WITH f AS (
       SELECT customer_id, min(placed_at) AS first_at
       FROM orders WHERE shop_id = $1 AND placed_at < $2 AND customer_id IS NOT NULL AND status = ANY($4::"OrderStatus"[])
       GROUP BY customer_id
     )
     SELECT width_bucket(o.placed_at, $3::timestamptz[]) AS stretch,
            count(*) FILTER (WHERE o.placed_at = f.first_at)::int AS new_orders,
            count(*) FILTER (WHERE o.placed_at > f.first_at)::int AS returning_orders
     FROM orders o JOIN f USING (customer_id)
     WHERE o.shop_id = $1 AND o.placed_at >= $5 AND o.placed_at < $6 AND o.status = ANY($4::"OrderStatus"[])
     GROUP BY 1`,
    [
      context.shopId,
      context.at,
      bounds.map((t) => new Date(t)),
      PAID_STATUSES,
      new Date(bounds[0]!),
      new Date(bounds.at(-1)!),
    ],
  );
  // Windows of the same phase (two promotions' peaks) are counted together, as one phase.
  const byPhase = new Map<string, { new_orders: number; returning_orders: number }>();
  for (const w of windows) {
    const phase = byPhase.get(w.phase) ?? { new_orders: 0, returning_orders: 0 };
    // Stretch i runs from bounds[i - 1] to bounds[i].
    for (const r of rows) {
      if (bounds[r.stretch - 1]! < w.from.getTime() || bounds[r.stretch]! > w.to.getTime()) continue;
      phase.new_orders += r.new_orders;
      phase.returning_orders += r.returning_orders;
    }
    byPhase.set(w.phase, phase);
  }
  return windows.map((w) => {
    const row = byPhase.get(w.phase);
    const newOrders = row?.new_orders ?? 0;
    const returningOrders = row?.returning_orders ?? 0;
    const total = newOrders + returningOrders;
    return { ...w, newOrders, returningOrders, returningShare: total > 0 ? returningOrders / total : null };
  });
}
