// Shopify order webhooks (orders/create, orders/updated): the signature is checked on the raw body,
// each X-Shopify-Webhook-Id is applied once, a delivery older than one already handled for the same
// order is recorded as stale and not applied (Shopify does not deliver in order), and the order goes
// through the same staging and merge as an imported CSV, so a webhook and a later export agree.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { reasonText } from '@zhanggui/shared';
import type pg from 'pg';
import { z } from 'zod';
import { withTransaction } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { OrderRecord } from '../../imports/records.js';
import {
  lineItemSkuId,
  SHOPIFY_FINANCIAL_STATUSES,
  shopifyOrderStatus,
} from '../../imports/shopify-orders.js';
import { parseMoneyCents } from '../../imports/values.js';
import { mergeOrders } from './merge-orders.js';
import { ORDER_STAGE, openStage } from './staging.js';

export const ORDER_WEBHOOK_TOPICS = ['orders/create', 'orders/updated'] as const;

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body; compared in constant time. */
export function isValidShopifyHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const money = z.string().transform((raw, ctx) => {
  const parsed = parseMoneyCents(raw);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: reasonText(parsed.reason) });
  return z.NEVER;
});
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalInstant = instant.nullish().transform((d) => d ?? null);

export const ShopifyOrderWebhookSchema = z.object({
  /** Shopify's numeric ids exceed 2^53 and lose precision in JSON.parse; orders are keyed by name. */
  id: z.union([z.number(), z.string()]),
  name: z.string().min(1),
  email: z.string().nullish(),
  created_at: instant,
  /** Shopify's version of the order: a delivery older than one already handled is stale. */
  updated_at: instant,
  cancelled_at: optionalInstant,
  financial_status: z.enum(SHOPIFY_FINANCIAL_STATUSES).nullish(),
  fulfillment_status: z.string().nullish(),
  currency: z.string().length(3),
  total_price: money,
  total_discounts: money.optional(),
  total_shipping_price_set: z.object({ shop_money: z.object({ amount: money }) }).optional(),
  discount_codes: z.array(z.object({ code: z.string() })).optional(),
  customer: z
    .object({
      email: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
      default_address: z.object({ city: z.string().nullish() }).nullish(),
    })
    .nullish(),
  shipping_address: z.object({ city: z.string().nullish() }).nullish(),
  line_items: z
    .array(
      z.object({
        sku: z.string().nullish(),
        name: z.string().min(1),
        quantity: z.number().int().min(0),
        price: money,
        total_discount: money.optional(),
      }),
    )
    .min(1, 'An order needs at least one line item.'),
  refunds: z
    .array(
      z.object({ transactions: z.array(z.object({ amount: money, kind: z.string(), status: z.string() })) }),
    )
    .optional(),
  processed_at: optionalInstant,
  closed_at: optionalInstant,
});
export type ShopifyOrderWebhook = z.infer<typeof ShopifyOrderWebhookSchema>;

export function webhookToOrder(order: ShopifyOrderWebhook, shopCurrency: string): OrderRecord {
  if (order.currency.toUpperCase() !== shopCurrency) {
    throw new AppError('INVALID_INPUT', {
      message: `Order ${order.name} is in ${order.currency} but the shop keeps ${shopCurrency}.`,
    });
  }
  const financialStatus = order.financial_status ?? 'pending';
  const status = shopifyOrderStatus({
    financialStatus,
    fulfillmentStatus: order.fulfillment_status ?? null,
    cancelledAt: order.cancelled_at,
  });
  const email = (order.email ?? order.customer?.email)?.toLowerCase() ?? null;
  const name = [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(' ') || null;
  const refunded = (order.refunds ?? [])
    .flatMap((r) => r.transactions)
    .filter((t) => t.kind === 'refund' && t.status === 'success')
    .reduce((sum, t) => sum + t.amount, 0);
  const isPaid = !['pending', 'authorized', 'voided', 'expired'].includes(financialStatus);
  return {
    line: 0,
    rows: order.line_items.length,
    externalId: order.name,
    customer: email
      ? {
          externalId: email,
          email,
          name,
          city: order.shipping_address?.city ?? order.customer?.default_address?.city ?? null,
        }
      : null,
    status,
    placedAt: order.created_at,
    paidAt: isPaid ? (order.processed_at ?? order.created_at) : null,
    shippedAt: status === 'shipped' ? (order.closed_at ?? null) : null,
    deliveredAt: null,
    cancelledAt: order.cancelled_at,
    totalCents: order.total_price,
    discountCents: order.total_discounts ?? 0,
    shippingCents: order.total_shipping_price_set?.shop_money.amount ?? 0,
    trafficSource: null,
    couponCode: order.discount_codes?.[0]?.code ?? null,
    refundedCents: refunded,
    lines: order.line_items.map((item, i) => {
      const discount = item.total_discount ?? 0;
      return {
        lineNo: i + 1,
        skuExternalId: lineItemSkuId(item.sku || null, item.name),
        skuName: item.name,
        quantity: item.quantity,
        unitPriceCents: item.price,
        discountCents: discount,
        totalCents: item.quantity * item.price - discount,
      };
    }),
  };
}

export type WebhookResult =
  | { status: 'applied'; inserted: boolean }
  | { status: 'duplicate' }
  /** Not applied: the shop already has the order as of `appliedUpdatedAt`, later than this delivery. */
  | { status: 'stale'; appliedUpdatedAt: string };

/** pg_advisory_xact_lock namespace: deliveries of one order are handled one after another. */
const ORDER_WEBHOOK_LOCK_NAMESPACE = 72_617_302;

/** Applies one delivery in one transaction; a webhook id seen before changes nothing. */
export async function applyOrderWebhook(
  pool: pg.Pool,
  input: { shopId: number; webhookId: string; topic: string; body: unknown },
): Promise<WebhookResult> {
  const parsed = ShopifyOrderWebhookSchema.safeParse(input.body, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    const isMissing = issue.code === 'invalid_type' && issue.input === undefined;
    throw new AppError('INVALID_INPUT', {
      message: `Not a Shopify order: ${field} ${isMissing ? 'is missing' : issue.message}`,
    });
  }
  const { rows: shops } = await pool.query<{ currency: string }>('SELECT currency FROM shops WHERE id = $1', [
    input.shopId,
  ]);
  const order = webhookToOrder(parsed.data, shops[0]!.currency.toUpperCase());
  const updatedAt = parsed.data.updated_at;
  return withTransaction(pool, async (client) => {
    // Two deliveries of one order at once would both see the same latest version and both apply.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      ORDER_WEBHOOK_LOCK_NAMESPACE,
      `${input.shopId}:${order.externalId}`,
    ]);
    const latest = await latestHandledVersion(client, input.shopId, order.externalId);
    const isStale = latest !== null && updatedAt < latest;
    const { rowCount } = await client.query(
      `INSERT INTO webhook_events (shop_id, webhook_id, topic, order_name, order_updated_at, outcome)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        input.shopId,
        input.webhookId,
        input.topic,
        order.externalId,
        updatedAt,
        isStale ? 'stale' : 'applied',
      ],
    );
    if (rowCount === 0) return { status: 'duplicate' } as const;
    if (isStale) return { status: 'stale', appliedUpdatedAt: latest.toISOString() } as const;
    const stage = await openStage(client, ORDER_STAGE);
    stage.add(order);
    await stage.writer.finish();
    const counts = await mergeOrders(client, input.shopId);
    return { status: 'applied', inserted: counts.inserted === 1 } as const;
  });
}

/** Shopify's updated_at of the newest delivery handled for this order (stale ones are older by definition). */
async function latestHandledVersion(client: pg.PoolClient, shopId: number, orderName: string) {
  const { rows } = await client.query<{ latest: Date | null }>(
    `SELECT max(order_updated_at) AS latest FROM webhook_events WHERE shop_id = $1 AND order_name = $2`,
    [shopId, orderName],
  );
  return rows[0]?.latest ?? null;
}
