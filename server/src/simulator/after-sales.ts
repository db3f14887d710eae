// After the sale: refunds with reasons, reviews (Chinese and English) and customer-service tickets,
// drawn from the simulated orders. Planted return spikes and review surges bend their probabilities.
import { DAY, HOUR, PEAK_DAY, type Season } from './calendar.js';
import { type Catalog, categoryHasSizes } from './catalog.js';
import { CATEGORIES, RETURN_REASONS } from './categories.js';
import { IntTable } from './int-table.js';
import { CANCELLED, DELIVERED, REFUNDED } from './order-status.js';
import type { Sales } from './orders.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';
import { LATE_SHIPMENT_SUBJECTS, REVIEWS_EN, REVIEWS_ZH, TICKET_TOPICS } from './texts.js';

export const REFUND_KINDS = ['refund_only', 'return_and_refund'] as const;
export const REFUND_STATUSES = ['requested', 'approved', 'rejected', 'completed'] as const;
const [REQUESTED, APPROVED, REJECTED, COMPLETED] = [0, 1, 2, 3];
export const TICKET_STATUSES = ['open', 'pending', 'resolved'] as const;

/** Every refund reason the simulator writes; refunds store an index into it. */
export const REFUND_REASONS: string[] = [
  ...new Set([...RETURN_REASONS.map((r) => r.reason), ...CATEGORIES.map((c) => c.spikeReason)]),
];
const reasonIndex = (reason: string) => REFUND_REASONS.indexOf(reason);
const PRE_SHIP_REASONS = [reasonIndex('拍错/多拍'), reasonIndex('不喜欢/不想要了')];

/** Ticket subjects flattened; the first entries are the late-shipment complaints. */
export const TICKET_SUBJECTS: { category: string; subject: string }[] = [
  ...LATE_SHIPMENT_SUBJECTS.map((subject) => ({ category: '物流', subject })),
  ...TICKET_TOPICS.flatMap((t) => t.subjects.map((subject) => ({ category: t.category, subject }))),
];
const TOPIC_WEIGHTS = TICKET_TOPICS.map((t) => t.weight);

export interface AfterSales {
  refunds: IntTable<
    'order' | 'line' | 'kind' | 'status' | 'qty' | 'amount' | 'reason' | 'requested' | 'resolved'
  >;
  reviews: IntTable<'order' | 'line' | 'rating' | 'english' | 'template' | 'created'>;
  tickets: IntTable<'order' | 'subject' | 'channel' | 'status' | 'opened' | 'firstResponse' | 'resolved'>;
}

export function simulateAfterSales(
  rng: Rng,
  season: Season,
  catalog: Catalog,
  plan: Plan,
  sales: Sales,
): AfterSales {
  const orders = sales.orders.length;
  const result: AfterSales = {
    refunds: new IntTable(
      ['order', 'line', 'kind', 'status', 'qty', 'amount', 'reason', 'requested', 'resolved'],
      orders / 15,
    ),
    reviews: new IntTable(['order', 'line', 'rating', 'english', 'template', 'created'], orders / 6),
    tickets: new IntTable(
      ['order', 'subject', 'channel', 'status', 'opened', 'firstResponse', 'resolved'],
      orders / 25,
    ),
  };
  const oc = sales.orders.cols;
  const surgeComplaints = { count: 0 };
  for (let o = 0; o < orders; o++) {
    const status = oc.status[o]!;
    if (status === REFUNDED) refundBeforeShipping(rng, season, sales, result, o);
    if (status === DELIVERED) {
      refundDelivered(rng, season, catalog, plan, sales, result, o);
      reviewDelivered(rng, season, plan, sales, result, o, surgeComplaints);
    }
    if (status !== CANCELLED) openTicket(rng, season, sales, result, o);
  }
  return result;
}

function addRefund(
  rng: Rng,
  season: Season,
  sales: Sales,
  table: AfterSales['refunds'],
  line: number,
  requested: number,
  reason: number,
  kind: number,
) {
  const now = season.nowSec;
  const lc = sales.lines.cols;
  const r = table.add();
  const rc = table.cols;
  rc.order[r] = lc.order[line]!;
  rc.line[r] = line;
  rc.kind[r] = kind;
  rc.qty[r] = lc.qty[line]!;
  rc.amount[r] = lc.total[line]!;
  rc.reason[r] = reason;
  rc.requested[r] = requested;
  const resolved = requested + Math.floor(rng.between(kind === 0 ? 0.2 : 6, kind === 0 ? 4 : 72) * HOUR);
  if (now - requested < DAY && kind === 1) {
    rc.status[r] = REQUESTED;
    rc.resolved[r] = -1;
  } else if (resolved > now) {
    rc.status[r] = APPROVED;
    rc.resolved[r] = -1;
  } else {
    rc.status[r] = kind === 1 && rng.chance(0.06) ? REJECTED : COMPLETED;
    rc.resolved[r] = resolved;
  }
  return r;
}

function refundBeforeShipping(rng: Rng, season: Season, sales: Sales, result: AfterSales, o: number) {
  const oc = sales.orders.cols;
  const requested = Math.min(season.nowSec - 60, oc.paid[o]! + Math.floor(rng.between(300, 6 * HOUR)));
  const reason = rng.pick(PRE_SHIP_REASONS);
  const first = oc.firstLine[o]!;
  for (let l = first; l < first + oc.lineCount[o]!; l++)
    addRefund(rng, season, sales, result.refunds, l, requested, reason, 0);
}

function refundDelivered(
  rng: Rng,
  season: Season,
  catalog: Catalog,
  plan: Plan,
  sales: Sales,
  result: AfterSales,
  o: number,
) {
  const oc = sales.orders.cols;
  const lc = sales.lines.cols;
  const spike = plan.returnSpike;
  const first = oc.firstLine[o]!;
  let refundedLines = 0;
  for (let l = first; l < first + oc.lineCount[o]!; l++) {
    const delivered = oc.delivered[o]!;
    const requested = delivered + Math.floor(rng.between(0.5, 3) * DAY);
    const sized = categoryHasSizes(CATEGORIES[catalog.skus[lc.sku[l]! - 1]!.categoryIndex]!);
    const inSpike =
      spike && lc.sku[l] === spike.skuId && delivered >= spike.fromSec && delivered < spike.toSec;
    const rate = inSpike ? spike.rate : sized ? 0.07 : 0.035;
    if (requested > season.nowSec || !rng.chance(rate)) continue;
    const reason =
      inSpike && rng.chance(0.85)
        ? reasonIndex(spike.reason)
        : reasonIndex(rng.pick(sized ? SIZED_REASON_POOL : UNSIZED_REASON_POOL));
    const r = addRefund(rng, season, sales, result.refunds, l, requested, reason, rng.chance(0.8) ? 1 : 0);
    const st = result.refunds.cols.status[r]!;
    if (st === APPROVED || st === COMPLETED) refundedLines++;
  }
  if (refundedLines === oc.lineCount[o]) oc.status[o] = REFUNDED;
}

function reasonPool(sized: boolean): string[] {
  return RETURN_REASONS.filter((r) => sized || !r.sizedOnly).flatMap((r) => Array(r.weight).fill(r.reason));
}
const SIZED_REASON_POOL = reasonPool(true);
const UNSIZED_REASON_POOL = reasonPool(false);

const NORMAL_RATINGS = [0.02, 0.02, 0.06, 0.2, 0.7];
const SURGE_RATINGS = [0.55, 0.3, 0.07, 0.04, 0.04];

function reviewDelivered(
  rng: Rng,
  season: Season,
  plan: Plan,
  sales: Sales,
  result: AfterSales,
  o: number,
  complaints: { count: number },
) {
  const oc = sales.orders.cols;
  const lc = sales.lines.cols;
  const surge = plan.reviewSurge;
  const first = oc.firstLine[o]!;
  for (let l = first; l < first + oc.lineCount[o]!; l++) {
    const created = oc.delivered[o]! + Math.floor(rng.between(1, 6) * DAY);
    const inSurge = surge && lc.sku[l] === surge.skuId && created >= surge.fromSec && created < surge.toSec;
    if (created > season.nowSec || !rng.chance(inSurge ? 0.6 : 0.2)) continue;
    const v = result.reviews.add();
    const vc = result.reviews.cols;
    const rating = 1 + rng.weighted(inSurge ? SURGE_RATINGS : NORMAL_RATINGS);
    // In a surge every third complaint is in English, so both languages are always there.
    const english = inSurge && rating <= 2 ? complaints.count++ % 3 === 2 : rng.chance(0.12);
    const templates = (english ? REVIEWS_EN : REVIEWS_ZH)[
      rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad'
    ];
    vc.order[v] = o;
    vc.line[v] = l;
    vc.rating[v] = rating;
    vc.english[v] = english ? 1 : 0;
    vc.template[v] = rng.int(templates.length);
    vc.created[v] = created;
  }
}

function openTicket(rng: Rng, season: Season, sales: Sales, result: AfterSales, o: number) {
  const oc = sales.orders.cols;
  const promised = oc.promised[o]!;
  const shippedOrNow = oc.shipped[o] === -1 ? season.nowSec : oc.shipped[o]!;
  const isLate = promised !== -1 && shippedOrNow > promised;
  let subject: number;
  let opened: number;
  if (isLate && rng.chance(0.3)) {
    subject = rng.int(LATE_SHIPMENT_SUBJECTS.length);
    opened = promised + Math.floor(rng.between(1, 20) * HOUR);
  } else if (rng.chance(0.025)) {
    const topic = rng.weighted(TOPIC_WEIGHTS);
    const offset =
      LATE_SHIPMENT_SUBJECTS.length +
      TICKET_TOPICS.slice(0, topic).reduce((n, t) => n + t.subjects.length, 0);
    subject = offset + rng.int(TICKET_TOPICS[topic]!.subjects.length);
    opened = oc.placed[o]! + Math.floor(rng.between(0.1, 96) * HOUR);
  } else return;
  if (opened > season.nowSec) return;
  const busy = Math.floor(opened / DAY) === PEAK_DAY;
  const firstResponse = opened + Math.floor(rng.between(60, busy ? 3 * HOUR : 1800));
  const resolved = firstResponse + Math.floor(rng.between(0.5, 36) * HOUR);
  const t = result.tickets.add();
  const tc = result.tickets.cols;
  tc.order[t] = o;
  tc.subject[t] = subject;
  tc.channel[t] = rng.int(5);
  tc.opened[t] = opened;
  tc.firstResponse[t] = firstResponse <= season.nowSec ? firstResponse : -1;
  tc.resolved[t] = resolved <= season.nowSec ? resolved : -1;
  tc.status[t] = resolved <= season.nowSec ? 2 : firstResponse <= season.nowSec ? 1 : 0;
}
