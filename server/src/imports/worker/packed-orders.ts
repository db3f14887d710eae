// Orders cross from the reading worker to the import as two flat arrays instead of objects: their
// numbers and instants in one Float64Array (handed over, not copied) and their texts in one array.
// Structured clone writes and reads every property name of every object, and the nested customer and
// lines of 200k orders made passing them cost as much as parsing them; the import rebuilds each order
// with the same shape every time.
import type { OrderLineRecord, OrderRecord, OrderStatus, TrafficSource } from '../records.js';

export interface PackedOrders {
  /** Per order ORDER_NUMBERS values, each followed by LINE_NUMBERS per line; a missing instant is NaN. */
  numbers: Float64Array<ArrayBuffer>;
  /** Per order ORDER_TEXTS values, each followed by LINE_TEXTS per line. */
  texts: Array<string | null>;
}

const ORDER_NUMBERS = 13;
const LINE_NUMBERS = 5;
const ORDER_TEXTS = 8;
const LINE_TEXTS = 2;

const instant = (at: Date | null) => (at === null ? Number.NaN : at.getTime());
const date = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));

export function packOrders(orders: readonly OrderRecord[]): PackedOrders {
  let size = 0;
  for (const o of orders) size += ORDER_NUMBERS + o.lines.length * LINE_NUMBERS;
  const n = new Float64Array(size);
  const texts: Array<string | null> = [];
  let k = 0;
  for (const o of orders) {
    const c = o.customer;
    n[k] = o.line;
    n[k + 1] = o.rows;
    n[k + 2] = c === null ? 0 : 1;
    n[k + 3] = o.placedAt.getTime();
    n[k + 4] = instant(o.paidAt);
    n[k + 5] = instant(o.shippedAt);
    n[k + 6] = instant(o.deliveredAt);
    n[k + 7] = instant(o.cancelledAt);
    n[k + 8] = o.totalCents;
    n[k + 9] = o.discountCents;
    n[k + 10] = o.shippingCents;
    n[k + 11] = o.refundedCents;
    n[k + 12] = o.lines.length;
    k += ORDER_NUMBERS;
    texts.push(
      o.externalId,
      o.status,
      o.trafficSource,
      o.couponCode,
      c?.externalId ?? null,
      c?.name ?? null,
      c?.email ?? null,
      c?.city ?? null,
    );
    for (const l of o.lines) {
      n[k] = l.lineNo;
      n[k + 1] = l.quantity;
      n[k + 2] = l.unitPriceCents;
      n[k + 3] = l.discountCents;
      n[k + 4] = l.totalCents;
      k += LINE_NUMBERS;
      texts.push(l.skuExternalId, l.skuName);
    }
  }
  return { numbers: n, texts };
}

export function unpackOrders(packed: PackedOrders): OrderRecord[] {
  const { numbers: n, texts: t } = packed;
  const orders: OrderRecord[] = [];
  let k = 0;
  let s = 0;
  while (k < n.length) {
    const lineCount = n[k + 12]!;
    const lines: OrderLineRecord[] = new Array(lineCount);
    for (let j = 0, lk = k + ORDER_NUMBERS, ls = s + ORDER_TEXTS; j < lineCount; j++) {
      lines[j] = {
        lineNo: n[lk]!,
        skuExternalId: t[ls]!,
        skuName: t[ls + 1]!,
        quantity: n[lk + 1]!,
        unitPriceCents: n[lk + 2]!,
        discountCents: n[lk + 3]!,
        totalCents: n[lk + 4]!,
      };
      lk += LINE_NUMBERS;
      ls += LINE_TEXTS;
    }
    orders.push({
      line: n[k]!,
      rows: n[k + 1]!,
      externalId: t[s]!,
      customer: n[k + 2]
        ? { externalId: t[s + 4]!, name: t[s + 5]!, email: t[s + 6]!, city: t[s + 7]! }
        : null,
      status: t[s + 1] as OrderStatus,
      placedAt: new Date(n[k + 3]!),
      paidAt: date(n[k + 4]!),
      shippedAt: date(n[k + 5]!),
      deliveredAt: date(n[k + 6]!),
      cancelledAt: date(n[k + 7]!),
      totalCents: n[k + 8]!,
      discountCents: n[k + 9]!,
      shippingCents: n[k + 10]!,
      trafficSource: t[s + 2] as TrafficSource | null,
      couponCode: t[s + 3]!,
      refundedCents: n[k + 11]!,
      lines,
    });
    k += ORDER_NUMBERS + lineCount * LINE_NUMBERS;
    s += ORDER_TEXTS + lineCount * LINE_TEXTS;
  }
  return orders;
}
