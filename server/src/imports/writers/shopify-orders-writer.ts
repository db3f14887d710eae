// Writes orders as a Shopify Admin "Export orders" CSV with the 79 columns of a 2025 export:
// one row per line item, order-level fields on the first row only.
import type { OrderRecord } from '../records.js';
import { toCsvLine } from './csv-line.js';

export const SHOPIFY_ORDERS_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

const COLUMN = Object.fromEntries(SHOPIFY_ORDERS_HEADER.map((name, i) => [name, i])) as Record<
  (typeof SHOPIFY_ORDERS_HEADER)[number],
  number
>;

/** Amount as Shopify writes it: 1659.95. */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2025-05-11 09:55:16 -0400", in the given fixed offset (minutes east of UTC). */
export function formatShopifyTime(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${zone}`;
}

function financialStatus(order: OrderRecord): string {
  if (order.status === 'pending') return 'pending';
  if (order.status === 'refunded') return 'refunded';
  if (order.status === 'cancelled') return 'voided';
  return 'paid';
}

/** The CSV lines (without line breaks) of one order. */
export function shopifyOrderLines(order: OrderRecord, currency: string, offsetMinutes = -240): string[] {
  const time = (at: Date | null) => (at ? formatShopifyTime(at, offsetMinutes) : '');
  return order.lines.map((line, i) => {
    const row: Array<string | number> = new Array(SHOPIFY_ORDERS_HEADER.length).fill('');
    row[COLUMN.Name] = order.externalId;
    row[COLUMN.Email] = order.customer?.email ?? '';
    row[COLUMN['Created at']] = time(order.placedAt);
    row[COLUMN['Lineitem quantity']] = line.quantity;
    row[COLUMN['Lineitem name']] = line.skuName ?? '';
    row[COLUMN['Lineitem price']] = formatAmount(line.unitPriceCents);
    const sku = line.skuExternalId ?? '';
    row[COLUMN['Lineitem sku']] = sku.startsWith('name:') ? '' : sku;
    row[COLUMN['Lineitem discount']] = formatAmount(line.discountCents);
    if (i === 0) {
      row[COLUMN['Financial Status']] = financialStatus(order);
      row[COLUMN['Paid at']] = time(order.paidAt);
      row[COLUMN['Fulfillment Status']] = order.shippedAt ? 'fulfilled' : 'unfulfilled';
      row[COLUMN['Fulfilled at']] = time(order.shippedAt);
      row[COLUMN.Currency] = currency;
      row[COLUMN.Subtotal] = formatAmount(order.totalCents - order.shippingCents);
      row[COLUMN.Shipping] = formatAmount(order.shippingCents);
      row[COLUMN.Taxes] = '0.00';
      row[COLUMN.Total] = formatAmount(order.totalCents);
      row[COLUMN['Discount Code']] = order.couponCode ?? '';
      row[COLUMN['Discount Amount']] = formatAmount(order.discountCents);
      row[COLUMN['Cancelled at']] = time(order.cancelledAt);
      row[COLUMN['Refunded Amount']] = formatAmount(order.refundedCents);
      row[COLUMN['Billing Name']] = order.customer?.name ?? '';
      row[COLUMN['Shipping City']] = order.customer?.city ?? '';
      row[COLUMN.Source] = 'web';
    }
    return toCsvLine(row);
  });
}

export function shopifyOrdersCsv(
  orders: Iterable<OrderRecord>,
  currency: string,
  offsetMinutes?: number,
): string {
  const lines = [toCsvLine(SHOPIFY_ORDERS_HEADER)];
  for (const order of orders) lines.push(...shopifyOrderLines(order, currency, offsetMinutes));
  return `${lines.join('\n')}\n`;
}
