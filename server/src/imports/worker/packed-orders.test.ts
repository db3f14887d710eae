import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../records.js';
import { sampleOrders } from '../writers/sample-orders.js';
import { packOrders, unpackOrders } from './packed-orders.js';

const bare: OrderRecord = {
  line: 7,
  rows: 1,
  externalId: 'tab\there',
  customer: null,
  status: 'cancelled',
  placedAt: new Date('2026-11-11T00:00:00Z'),
  paidAt: null,
  shippedAt: null,
  deliveredAt: null,
  cancelledAt: new Date('2026-11-11T01:00:00Z'),
  totalCents: 0,
  discountCents: 0,
  shippingCents: 0,
  trafficSource: null,
  couponCode: null,
  refundedCents: 0,
  lines: [],
};

describe('packing orders for the trip from the reading worker', () => {
  it('gives back the same orders: customers or none, no lines or several, nulls and Dates', () => {
    const orders = [
      ...sampleOrders({ count: 300, startAt: new Date('2026-11-10T16:00:00Z') }),
      bare,
      { ...bare, customer: { externalId: 'c-1', name: null, email: 'a@b.c', city: null }, lines: [] },
    ];
    expect(orders.some((o) => o.customer !== null && o.lines.length > 1)).toBe(true);
    const packed = packOrders(orders);
    // As the worker posts them: the numbers handed over, the texts copied.
    const back = unpackOrders(structuredClone(packed, { transfer: [packed.numbers.buffer] }));
    expect(packed.numbers.length).toBe(0);
    expect(back).toEqual(orders);
    expect(back.map((o) => Object.keys(o))).toEqual(orders.map((o) => Object.keys(o)));
    expect(back[0]!.placedAt).toBeInstanceOf(Date);
  });

  it('packs no orders into nothing', () => {
    expect(unpackOrders(packOrders([]))).toEqual([]);
  });
});
