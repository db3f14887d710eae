// A budget plan under a fixed total: each step of money goes where the next yuan earns most. With
// concave response curves this greedy order is optimal (the marginal return only falls).
import { predictRevenue, type ResponseCurve } from './response-curve.js';

export interface AllocatableCampaign {
  id: string;
  currentCents: number;
  curve: ResponseCurve;
  /** Spend the plan may not go below / above (e.g. above: what the auction delivered when not capped). */
  minCents: number;
  maxCents: number;
}

export interface BudgetShift {
  fromId: string;
  toId: string;
  amountCents: number;
}

export interface BudgetPlan {
  allocation: Map<string, number>;
  currentRevenueCents: number;
  plannedRevenueCents: number;
  shifts: BudgetShift[];
}

export function planBudgetReallocation(
  campaigns: readonly AllocatableCampaign[],
  options: { steps?: number; roundToCents?: number } = {},
): BudgetPlan {
  const { steps = 400, roundToCents = 100 } = options;
  const total = campaigns.reduce((s, c) => s + c.currentCents, 0);
  const allocation = new Map(campaigns.map((c) => [c.id, Math.min(c.minCents, c.maxCents)]));
  let remaining = total - [...allocation.values()].reduce((s, v) => s + v, 0);
  const step = Math.max(1, total / steps);
  while (remaining > 1e-6) {
    const amount = Math.min(step, remaining);
    let best: AllocatableCampaign | null = null;
    let bestGain = 0;
    for (const campaign of campaigns) {
      const spend = allocation.get(campaign.id)!;
      const room = Math.min(amount, campaign.maxCents - spend);
      if (room <= 1e-9) continue;
      const gain =
        (predictRevenue(campaign.curve, spend + room) - predictRevenue(campaign.curve, spend)) / room;
      if (gain > bestGain) {
        best = campaign;
        bestGain = gain;
      }
    }
    if (!best) break;
    const spend = allocation.get(best.id)!;
    const room = Math.min(amount, best.maxCents - spend);
    allocation.set(best.id, spend + room);
    remaining -= room;
  }
  for (const [id, cents] of allocation) allocation.set(id, Math.round(cents / roundToCents) * roundToCents);
  const revenueAt = (pick: (c: AllocatableCampaign) => number) =>
    campaigns.reduce((s, c) => s + predictRevenue(c.curve, pick(c)), 0);
  return {
    allocation,
    currentRevenueCents: Math.round(revenueAt((c) => c.currentCents)),
    plannedRevenueCents: Math.round(revenueAt((c) => allocation.get(c.id)!)),
    shifts: pairShifts(campaigns.map((c) => ({ id: c.id, delta: allocation.get(c.id)! - c.currentCents }))),
  };
}

/** Pairs budget cuts with budget raises, largest first, into "move ¥X from A to B" steps. */
export function pairShifts(deltas: readonly { id: string; delta: number }[]): BudgetShift[] {
  const givers = deltas.filter((d) => d.delta < 0).map((d) => ({ id: d.id, left: -d.delta }));
  const takers = deltas.filter((d) => d.delta > 0).map((d) => ({ id: d.id, left: d.delta }));
  givers.sort((a, b) => b.left - a.left || a.id.localeCompare(b.id));
  takers.sort((a, b) => b.left - a.left || a.id.localeCompare(b.id));
  const shifts: BudgetShift[] = [];
  let g = 0;
  let t = 0;
  while (g < givers.length && t < takers.length) {
    const amount = Math.min(givers[g]!.left, takers[t]!.left);
    if (amount > 0) shifts.push({ fromId: givers[g]!.id, toId: takers[t]!.id, amountCents: amount });
    givers[g]!.left -= amount;
    takers[t]!.left -= amount;
    if (givers[g]!.left <= 0) g++;
    if (takers[t]!.left <= 0) t++;
  }
  return shifts;
}
