// Column lists and SQL shared by the two ways orders are written (direct COPY and staged merge),
// and by the benchmark's raw COPY of the same rows.
import type { OrderRecord } from '../../imports/records.js';

/** What an import sets on an order, besides its shop, id and external id. */
export const ORDER_VALUE_COLUMNS = [
  'customer_id',
  'status',
  'placed_at',
  'paid_at',
  'shipped_at',
  'delivered_at',
  'cancelled_at',
  'total_cents',
  'discount_cents',
  'shipping_cents',
  'traffic_source',
  'coupon_code',
] as const;

export const ORDER_COPY_COLUMNS = ['shop_id', 'id', 'external_id', ...ORDER_VALUE_COLUMNS] as const;

/** An order's values for ORDER_VALUE_COLUMNS after customer_id, in their order. */
export function orderValues(o: OrderRecord) {
  return [
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
  ];
}

export const LINE_COPY_COLUMNS = [
  'shop_id',
  'order_id',
  'line_no',
  'sku_id',
  'quantity',
  'unit_price_cents',
  'discount_cents',
  'total_cents',
] as const;

/**
 * How an incoming customer (alias "excluded") meets the stored one (alias c): a later file fills in what
 * an earlier one lacked and moves first_seen earlier; an identical customer is not rewritten.
 */
export const CUSTOMER_CONFLICT_SQL = `ON CONFLICT (shop_id, external_id) DO UPDATE SET
       first_seen_at = least(c.first_seen_at, excluded.first_seen_at),
       name = coalesce(excluded.name, c.name),
       email = coalesce(excluded.email, c.email),
       city = coalesce(excluded.city, c.city)
     WHERE (c.first_seen_at, c.name, c.email, c.city) IS DISTINCT FROM
           (least(c.first_seen_at, excluded.first_seen_at), coalesce(excluded.name, c.name),
            coalesce(excluded.email, c.email), coalesce(excluded.city, c.city))`;
