// Shopify Admin "Export orders" CSV: one row per line item; only an order's first row carries the
// order-level fields, continuation rows repeat Name. Columns are found by name (70- and 79-column
// generations), so missing trailing columns read as empty.
import { type ImportRowError, rowError } from '@zhanggui/shared';
import { z } from 'zod';
import { locateColumns } from './headers.js';
import type {
  CsvRow,
  FormatReader,
  OrderLineRecord,
  OrderRecord,
  OrderStatus,
  ReaderContext,
} from './records.js';
import { bindRow, cell, rowProblemError, validateRow } from './row-schema.js';

const ORDER_COLUMNS = {
  name: { names: ['Name'], required: true },
  email: { names: ['Email'], required: false },
  financialStatus: { names: ['Financial Status'], required: true },
  paidAt: { names: ['Paid at'], required: false },
  fulfillmentStatus: { names: ['Fulfillment Status'], required: false },
  fulfilledAt: { names: ['Fulfilled at'], required: false },
  currency: { names: ['Currency'], required: false },
  total: { names: ['Total'], required: true },
  shipping: { names: ['Shipping'], required: false },
  discountCode: { names: ['Discount Code'], required: false },
  discountAmount: { names: ['Discount Amount'], required: false },
  createdAt: { names: ['Created at'], required: true },
  cancelledAt: { names: ['Cancelled at'], required: false },
  refundedAmount: { names: ['Refunded Amount'], required: false },
  billingName: { names: ['Billing Name'], required: false },
  shippingName: { names: ['Shipping Name'], required: false },
  shippingCity: { names: ['Shipping City'], required: false },
  billingCity: { names: ['Billing City'], required: false },
} as const;

const LINE_COLUMNS = {
  quantity: { names: ['Lineitem quantity'], required: true },
  itemName: { names: ['Lineitem name'], required: true },
  price: { names: ['Lineitem price'], required: true },
  sku: { names: ['Lineitem sku'], required: false },
  discount: { names: ['Lineitem discount'], required: false },
} as const;

export const SHOPIFY_FINANCIAL_STATUSES = [
  'pending',
  'authorized',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
] as const;
export type ShopifyFinancialStatus = (typeof SHOPIFY_FINANCIAL_STATUSES)[number];

const financialStatus = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z.enum(SHOPIFY_FINANCIAL_STATUSES, {
      error: `is not one of Shopify's financial statuses (${SHOPIFY_FINANCIAL_STATUSES.join(', ')})`,
    }),
  );

function orderShape(timeZone: string) {
  const instant = cell.instant(timeZone);
  return {
    name: cell.text(64),
    email: cell.optionalText(254),
    financialStatus,
    paidAt: cell.optional(instant),
    fulfillmentStatus: cell.optionalText(32),
    fulfilledAt: cell.optional(instant),
    currency: cell.optionalText(3),
    total: cell.money(),
    shipping: cell.optional(cell.money()),
    discountCode: cell.optionalText(100),
    discountAmount: cell.optional(cell.money()),
    createdAt: instant,
    cancelledAt: cell.optional(instant),
    refundedAmount: cell.optional(cell.money()),
    billingName: cell.optionalText(200),
    shippingName: cell.optionalText(200),
    shippingCity: cell.optionalText(100),
    billingCity: cell.optionalText(100),
  };
}

const lineShape = {
  quantity: cell.count(),
  itemName: cell.text(300),
  price: cell.money(),
  sku: cell.optionalText(100),
  discount: cell.optional(cell.money()),
};

/** Shopify's financial and fulfillment statuses -> ours. */
export function shopifyOrderStatus(input: {
  financialStatus: ShopifyFinancialStatus;
  fulfillmentStatus: string | null;
  cancelledAt: Date | null;
}): OrderStatus {
  if (input.cancelledAt) return 'cancelled';
  if (input.financialStatus === 'refunded') return 'refunded';
  if (input.financialStatus === 'voided' || input.financialStatus === 'expired') return 'cancelled';
  const isPaid = ['paid', 'partially_paid', 'partially_refunded'].includes(input.financialStatus);
  if (!isPaid) return 'pending';
  return input.fulfillmentStatus?.toLowerCase() === 'fulfilled' ? 'shipped' : 'paid';
}

/** The errors of a rejected order, plus one for each of its rows that had none: it is left out with them. */
function withRowsLeftOut(errors: ImportRowError[], rows: CsvRow[], orderName: string): ImportRowError[] {
  if (errors.length === 0) return errors;
  const listed = new Set(errors.map((e) => e.line));
  const firstRejected = Math.min(...listed);
  const leftOut = rows
    .filter((row) => !listed.has(row.line))
    .map((row) =>
      rowError(row.line, null, null, {
        code: 'leftOutWithOrder',
        params: { order: orderName, rejectedLine: firstRejected },
      }),
    );
  return [...errors, ...leftOut].sort((a, b) => a.line - b.line);
}

/** A line item's SKU: its SKU code, else its name (dev-store and custom items often have no SKU). */
export function lineItemSkuId(sku: string | null, itemName: string): string {
  return sku ?? `name:${itemName}`;
}

export const shopifyOrdersReader: FormatReader<OrderRecord> = {
  kind: 'orders',
  open(header, context, sink) {
    const orderCols = locateColumns(header, ORDER_COLUMNS, 'Shopify orders');
    const lineCols = locateColumns(header, LINE_COLUMNS, 'Shopify orders');
    const orderRow = bindRow(orderShape(context.timeZone), orderCols.index, orderCols.name);
    const lineRow = bindRow(lineShape, lineCols.index, lineCols.name);
    const nameIndex = orderCols.index.name;
    let group: CsvRow[] = [];
    const isContinuationRow = (fields: string[]) =>
      !fields[orderCols.index.financialStatus]?.trim() && !fields[orderCols.index.total]?.trim();

    const flush = () => {
      if (group.length === 0) return;
      const result = buildOrder(group, context);
      if (result.ok) sink.accept(result.order);
      else
        sink.reject(
          withRowsLeftOut(result.errors, group, group[0]!.fields[nameIndex]?.trim() ?? ''),
          group.length,
        );
      group = [];
    };

    function buildOrder(
      rows: CsvRow[],
      ctx: ReaderContext,
    ): { ok: true; order: OrderRecord } | { ok: false; errors: ImportRowError[] } {
      const first = rows[0]!;
      const errors: ImportRowError[] = [];
      if (!first.problem && isContinuationRow(first.fields)) {
        const name = first.fields[nameIndex]?.trim() ?? '';
        return {
          ok: false,
          errors: [
            rowError(first.line, orderCols.name.financialStatus, '', {
              code: 'orderContinuesAway',
              params: { order: name },
            }),
          ],
        };
      }
      const orderResult = first.problem
        ? ({ ok: false, errors: [] } as const)
        : validateRow(orderRow, first.fields, first.line);
      if (!orderResult.ok) errors.push(...orderResult.errors);
      const lines: OrderLineRecord[] = [];
      rows.forEach((row, i) => {
        if (row.problem) {
          errors.push(rowProblemError(row));
          return;
        }
        const result = validateRow(lineRow, row.fields, row.line);
        if (!result.ok) {
          errors.push(...result.errors);
          return;
        }
        const { quantity, itemName, price, sku, discount } = result.value;
        const totalCents = quantity * price - (discount ?? 0);
        if (totalCents < 0) {
          const shown = String((discount ?? 0) / 100);
          errors.push(
            rowError(row.line, lineCols.name.discount, shown, {
              code: 'discountTooLarge',
              params: { discount: shown },
            }),
          );
          return;
        }
        lines.push({
          lineNo: i + 1,
          skuExternalId: lineItemSkuId(sku, itemName),
          skuName: itemName,
          quantity,
          unitPriceCents: price,
          discountCents: discount ?? 0,
          totalCents,
        });
      });
      if (!orderResult.ok || errors.length > 0) return { ok: false, errors };
      const o = orderResult.value;
      if (o.currency && o.currency.toUpperCase() !== ctx.currency) {
        const reason = {
          code: 'currencyMismatch',
          params: { file: o.currency, shop: ctx.currency },
        } as const;
        return { ok: false, errors: [rowError(first.line, orderCols.name.currency, o.currency, reason)] };
      }
      const email = o.email?.toLowerCase() ?? null;
      const order: OrderRecord = {
        line: first.line,
        rows: rows.length,
        externalId: o.name,
        customer: email
          ? {
              externalId: email,
              email,
              name: o.billingName ?? o.shippingName,
              city: o.shippingCity ?? o.billingCity,
            }
          : null,
        status: shopifyOrderStatus(o),
        placedAt: o.createdAt,
        paidAt: o.paidAt,
        shippedAt: o.fulfilledAt,
        deliveredAt: null,
        cancelledAt: o.cancelledAt,
        totalCents: o.total,
        discountCents: o.discountAmount ?? 0,
        shippingCents: o.shipping ?? 0,
        trafficSource: null,
        couponCode: o.discountCode,
        refundedCents: o.refundedAmount ?? 0,
        lines,
      };
      return { ok: true, order };
    }

    return {
      row(row) {
        const name = row.fields[nameIndex]?.trim() ?? '';
        if (group.length > 0 && name === group[0]!.fields[nameIndex]?.trim()) {
          group.push(row);
          return;
        }
        flush();
        group = [row];
      },
      end: flush,
    };
  },
};
