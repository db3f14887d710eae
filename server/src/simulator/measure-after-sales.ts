// Manifest entries of the after-sales problems: return spike, late shipments, negative-review surge.
import { REFUND_REASONS } from './after-sales.js';
import { type Draft, pct, skuLabel, warehouseName } from './labels.js';
import { ratio } from './measure.js';
import type { World } from './world.js';

export function afterSalesMeasures(world: World): Draft[] {
  return [...returnSpike(world), ...lateShipments(world), ...reviewSurge(world)];
}

function returnSpike(world: World): Draft[] {
  const spike = world.plan.returnSpike;
  if (!spike) return [];
  const { sales, afterSales } = world;
  const oc = sales.orders.cols;
  const lc = sales.lines.cols;
  const rc = afterSales.refunds.cols;
  // Share of the order lines delivered inside [from, to), or (outside) in the rest of the season,
  // that came back.
  const rate = (from: number, to: number, outside: boolean) => {
    const within = (sec: number) => sec >= 0 && (sec >= from && sec < to) !== outside;
    let refunds = 0;
    let delivered = 0;
    for (let r = 0; r < afterSales.refunds.length; r++) {
      if (lc.sku[rc.line[r]!] === spike.skuId && within(oc.delivered[rc.order[r]!]!)) refunds++;
    }
    for (let l = 0; l < sales.lines.length; l++) {
      if (lc.sku[l] === spike.skuId && within(oc.delivered[lc.order[l]!]!)) delivered++;
    }
    return { refunds, rate: ratio(refunds, delivered) };
  };
  let withReason = 0;
  for (let r = 0; r < afterSales.refunds.length; r++) {
    const delivered = oc.delivered[rc.order[r]!]!;
    const inWindow =
      lc.sku[rc.line[r]!] === spike.skuId && delivered >= spike.fromSec && delivered < spike.toSec;
    if (inWindow && REFUND_REASONS[rc.reason[r]!] === spike.reason) withReason++;
  }
  const before = rate(spike.fromSec, spike.toSec, true);
  const during = rate(spike.fromSec, spike.toSec, false);
  return [
    {
      type: 'return-spike',
      entities: [{ kind: 'sku', id: String(spike.skuId), label: skuLabel(world, spike.skuId) }],
      fromSec: spike.fromSec,
      toSec: spike.toSec,
      magnitude: { metric: 'refund_rate', baseline: before.rate, actual: during.rate },
      description: `Of the order lines delivered in the window, ${pct(during.rate)} came back (rest of the season: ${pct(before.rate)}); ${pct(ratio(withReason, during.refunds))} of those ${during.refunds} refunds give the reason "${spike.reason}".`,
    },
  ];
}

function lateShipments(world: World): Draft[] {
  const late = world.plan.lateShipments;
  if (!late) return [];
  const { sales, season } = world;
  const oc = sales.orders.cols;
  const counts = { own: [0, 0], others: [0, 0] };
  for (let o = 0; o < sales.orders.length; o++) {
    const promised = oc.promised[o]!;
    if (promised < late.fromSec || promised >= late.toSec) continue;
    const shipped = oc.shipped[o]!;
    const isLate = shipped === -1 ? promised < season.nowSec : shipped > promised;
    const bucket = oc.warehouse[o] === late.warehouseId ? counts.own : counts.others;
    bucket[0]! += isLate ? 1 : 0;
    bucket[1]! += 1;
  }
  const actual = ratio(counts.own[0]!, counts.own[1]!);
  const baseline = ratio(counts.others[0]!, counts.others[1]!);
  const name = warehouseName(late.warehouseId);
  return [
    {
      type: 'late-shipments',
      entities: [{ kind: 'warehouse', id: String(late.warehouseId), label: name }],
      fromSec: late.fromSec,
      toSec: late.toSec,
      magnitude: { metric: 'late_share', baseline, actual },
      description: `${pct(actual)} of ${name}'s shipments due in the window (promised_at = ship-by time, 48 h after payment) shipped late, against ${pct(baseline)} for the other warehouses.`,
    },
  ];
}

function reviewSurge(world: World): Draft[] {
  const surge = world.plan.reviewSurge;
  if (!surge) return [];
  const { afterSales, sales } = world;
  const vc = afterSales.reviews.cols;
  const lc = sales.lines.cols;
  const tally = { before: [0, 0], during: [0, 0], english: 0 };
  for (let v = 0; v < afterSales.reviews.length; v++) {
    if (lc.sku[vc.line[v]!] !== surge.skuId) continue;
    const created = vc.created[v]!;
    if (created >= surge.toSec) continue;
    const bucket = created >= surge.fromSec ? tally.during : tally.before;
    const isLow = vc.rating[v]! <= 2;
    bucket[0]! += isLow ? 1 : 0;
    bucket[1]! += 1;
    if (bucket === tally.during && isLow && vc.english[v] === 1) tally.english++;
  }
  const actual = ratio(tally.during[0]!, tally.during[1]!);
  const baseline = ratio(tally.before[0]!, tally.before[1]!);
  return [
    {
      type: 'negative-review-surge',
      entities: [{ kind: 'sku', id: String(surge.skuId), label: skuLabel(world, surge.skuId) }],
      fromSec: surge.fromSec,
      toSec: surge.toSec,
      magnitude: { metric: 'low_rating_share', baseline, actual },
      description: `${tally.during[0]} of ${tally.during[1]} reviews in the window rate 1–2 stars (${tally.english} of them in English, the rest in Chinese), against ${pct(baseline)} before.`,
    },
  ];
}
