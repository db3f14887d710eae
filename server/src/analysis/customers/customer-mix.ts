// New vs returning buyers by promotion phase: an order is "new" when it is the customer's first paid order.
import { loadPromotions, type PromotionWindow } from '../shared/promotion.js';
import type { AnalysisContext } from '../types.js';
import type { BuyerScan } from './buyer-scan.js';
import { RFM_LOOKBACK_DAYS } from './rfm.js';

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

export interface MixStretches {
  windows: ReturnType<typeof phaseWindows>;
  /** Ascending boundaries of the stretches between consecutive phase edges; empty without phases. */
  bounds: Date[];
}

/** The phases to compare and the stretches their orders are counted in (a handful, hashed). */
export async function mixStretches(context: AnalysisContext): Promise<MixStretches> {
  const lookbackStart = new Date(context.at.getTime() - RFM_LOOKBACK_DAYS * 86_400_000);
  const windows = phaseWindows(
    await loadPromotions(context, { from: lookbackStart, to: context.at }),
    context.at,
  );
  const bounds = [...new Set(windows.flatMap((w) => [w.from.getTime(), w.to.getTime()]))]
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
  return { windows, bounds };
}

/**
 * A customer's first paid order is the one new order they ever place; every other is returning. So
 * the buyer scan's first orders and orders per stretch give the mix: no join of orders to orders.
 */
export function customerMixByPhase(
  { windows, bounds }: MixStretches,
  scan: Pick<BuyerScan, 'firstOrdersByStretch' | 'ordersByStretch'>,
): PhaseMix[] {
  if (windows.length === 0) return [];
  const rows = [...scan.ordersByStretch].map(([stretch, count]) => {
    const newOrders = scan.firstOrdersByStretch.get(stretch) ?? 0;
    return { stretch, new_orders: newOrders, returning_orders: count - newOrders };
  });
  const edges = bounds.map((b) => b.getTime());
  // Windows of the same phase (two promotions' peaks) are counted together, as one phase.
  const byPhase = new Map<string, { new_orders: number; returning_orders: number }>();
  for (const w of windows) {
    const phase = byPhase.get(w.phase) ?? { new_orders: 0, returning_orders: 0 };
    // Stretch i runs from bounds[i - 1] to bounds[i].
    for (const r of rows) {
      if (edges[r.stretch - 1]! < w.from.getTime() || edges[r.stretch]! > w.to.getTime()) continue;
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
