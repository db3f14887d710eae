// Orders cross from the reading worker to the import as flat arrays of values instead of objects.
// Structured clone writes and reads every property name of every object, and the nested customer and
// lines of 200k orders made passing them cost as much as parsing them; flat values pass at about half
// the cost, and the import rebuilds each order with the same shape every time.
import type { OrderLineRecord, OrderRecord } from '../records.js';

/** An order's values in packOrders' order, each followed by its lines' values: see ORDER_WIDTH and LINE_WIDTH. */
export type PackedOrders = unknown[];

/** Values per order before its lines (the last of which is its line count). */
const ORDER_WIDTH = 21;
const LINE_WIDTH = 7;

export function packOrders(orders: readonly OrderRecord[]): PackedOrders {
  const packed: unknown[] = [];
  for (const o of orders) {
    const c = o.customer;
    packed.push(
      o.line,
      o.rows,
      o.externalId,
      c !== null,
      c?.externalId ?? null,
      c?.name ?? null,
      c?.email ?? null,
      c?.city ?? null,
      o.status,
      o.placedAt,
      o.paidAt,
      o.shippedAt,
      o.deliveredAt,
      o.cancelledAt,
      o.totalCents,
      o.discountCents,
      o.shippingCents,
      o.trafficSource,
      o.couponCode,
      o.refundedCents,
      o.lines.length,
    );
    for (const l of o.lines) {
      packed.push(
        l.lineNo,
        l.skuExternalId,
        l.skuName,
        l.quantity,
        l.unitPriceCents,
        l.discountCents,
        l.totalCents,
      );
    }
  }
  return packed;
}

export function unpackOrders(packed: PackedOrders): OrderRecord[] {
  // biome-ignore lint/suspicious/noExplicitAny: the values are read back in the order packOrders wrote them.
  const v = packed as any[];
  const orders: OrderRecord[] = [];
  let i = 0;
  while (i < v.length) {
    const lineCount = v[i + ORDER_WIDTH - 1] as number;
    const lines: OrderLineRecord[] = new Array(lineCount);
    for (let j = 0, k = i + ORDER_WIDTH; j < lineCount; j++, k += LINE_WIDTH) {
      lines[j] = {
        lineNo: v[k],
        skuExternalId: v[k + 1],
        skuName: v[k + 2],
        quantity: v[k + 3],
        unitPriceCents: v[k + 4],
        discountCents: v[k + 5],
        totalCents: v[k + 6],
      };
    }
    orders.push({
      line: v[i],
      rows: v[i + 1],
      externalId: v[i + 2],
      customer: v[i + 3] ? { externalId: v[i + 4], name: v[i + 5], email: v[i + 6], city: v[i + 7] } : null,
      status: v[i + 8],
      placedAt: v[i + 9],
      paidAt: v[i + 10],
      shippedAt: v[i + 11],
      deliveredAt: v[i + 12],
      cancelledAt: v[i + 13],
      totalCents: v[i + 14],
      discountCents: v[i + 15],
      shippingCents: v[i + 16],
      trafficSource: v[i + 17],
      couponCode: v[i + 18],
      refundedCents: v[i + 19],
      lines,
    });
    i += ORDER_WIDTH + lineCount * LINE_WIDTH;
  }
  return orders;
}
