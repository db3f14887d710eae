// The refund rate a SKU is judged against before its own history speaks: the rest of its category
// (without the SKU, so a SKU's own spike never raises its bar), itself smoothed toward the rest of the
// shop — for all refunds and for each reason, since a spike of one reason is the sharper signal.
import type { GroupReturns, SkuReturns } from './return-spike-data.js';
import { priorUnitsFor, shrunkRate, unitsDueForRefund } from './return-spike-model.js';

export interface RefundPriors {
  /** Refund requests per unit due, any reason. */
  all: number;
  byReason: Map<string, number>;
}

/** Half a refund: a reason nobody else gave is rare, not impossible. */
const UNSEEN_REFUNDS = 0.5;

/** Several groups' units and refunds added up, e.g. every category into the shop. */
export function sumReturns(groups: Iterable<GroupReturns>): GroupReturns {
  const units: number[] = [];
  const refundsByReason = new Map<string, number>();
  for (const group of groups) {
    group.units.forEach((n, i) => {
      units[i] = (units[i] ?? 0) + n;
    });
    for (const [reason, n] of group.refundsByReason) {
      refundsByReason.set(reason, (refundsByReason.get(reason) ?? 0) + n);
    }
  }
  return { units, refundsByReason };
}

/** Null when the rest of the shop has no sale whose refunds fell due in the lookback. */
export function refundPriorsForSku(
  sku: SkuReturns,
  category: GroupReturns,
  shop: GroupReturns,
  delayShares: readonly number[],
): RefundPriors | null {
  const due = (units: readonly number[]) => unitsDueForRefund(units, delayShares).reduce((a, b) => a + b, 0);
  const skuDue = due(sku.units);
  const shopRestDue = due(shop.units) - skuDue;
  if (shopRestDue <= 0) return null;
  const categoryRestDue = Math.max(0, due(category.units) - skuDue);
  const skuRefunds = new Map(
    [...sku.refundsByReason].map(([r, days]) => [r, days.reduce((a, b) => a + b, 0)]),
  );
  const rateOf = (shopRefunds: number, categoryRefunds: number, own: number) => {
    const shopRate = (Math.max(0, shopRefunds - own) + UNSEEN_REFUNDS) / shopRestDue;
    return shrunkRate(Math.max(0, categoryRefunds - own), categoryRestDue, shopRate, priorUnitsFor(shopRate));
  };
  const byReason = new Map<string, number>();
  const reasons = new Set([...shop.refundsByReason.keys(), ...skuRefunds.keys()]);
  for (const reason of reasons) {
    byReason.set(
      reason,
      rateOf(
        shop.refundsByReason.get(reason) ?? 0,
        category.refundsByReason.get(reason) ?? 0,
        skuRefunds.get(reason) ?? 0,
      ),
    );
  }
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    all: rateOf(total(shop.refundsByReason), total(category.refundsByReason), total(skuRefunds)),
    byReason,
  };
}
