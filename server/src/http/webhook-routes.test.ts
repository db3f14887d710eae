import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { serve } from './test-server.js';
import { mountWebhookRoutes } from './webhook-routes.js';

const SECRET = 'test-webhook-secret';
let db: TestDb;
let base: string;
let unconfigured: string;

const order = {
  id: 820982911946154500,
  name: '#9001',
  email: 'Jon@Example.com',
  created_at: '2026-11-11T00:05:00+08:00',
  updated_at: '2026-11-11T00:06:00+08:00',
  processed_at: '2026-11-11T00:06:00+08:00',
  cancelled_at: null,
  financial_status: 'paid',
  fulfillment_status: null,
  currency: 'CNY',
  total_price: '207.00',
  total_discounts: '10.00',
  total_shipping_price_set: { shop_money: { amount: '8.00', currency_code: 'CNY' } },
  customer: {
    email: 'jon@example.com',
    first_name: 'Jon',
    last_name: 'Snow',
    default_address: { city: '杭州市' },
  },
  line_items: [
    { sku: 'WOOL-SCARF', name: '羊毛围巾', quantity: 2, price: '99.00', total_discount: '10.00' },
    { sku: null, name: 'Gift wrap', quantity: 1, price: '10.00', total_discount: '0.00' },
  ],
};

function sign(body: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

async function deliver(body: string, headers: Record<string, string>, url = base) {
  const res = await fetch(`${url}/webhooks/shopify/hook-shop/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Topic': 'orders/create', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function orderState() {
  const { rows } = await db.pool.query(
    `SELECT o.status, o.total_cents, (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines,
            (SELECT coalesce(sum(gmv_cents), 0) FROM shop_hourly_rollup r WHERE r.shop_id = o.shop_id) AS rollup_gmv
     FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = 'hook-shop' AND o.external_id = '#9001'`,
  );
  return rows[0] ?? null;
}

beforeAll(async () => {
  db = await createTestDb();
  await db.pool.query(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('hook-shop', 'Hook', 'shopify', 'CNY', 'Asia/Shanghai')`,
  );
  base = await serve((app) => mountWebhookRoutes(app, { db, secret: SECRET }));
  unconfigured = await serve((app) => mountWebhookRoutes(app, { db, secret: undefined }));
});

describe('Shopify order webhook', () => {
  it('rejects a body whose signature was made with another secret, or has none', async () => {
    const body = JSON.stringify(order);
    const forged = await deliver(body, {
      'X-Shopify-Hmac-Sha256': sign(body, 'guess'),
      'X-Shopify-Webhook-Id': 'w-0',
    });
    expect(forged.status).toBe(401);
    const unsigned = await deliver(body, { 'X-Shopify-Webhook-Id': 'w-0' });
    expect(unsigned.status).toBe(401);
    const tampered = await deliver(body.replace('207.00', '2.07'), {
      'X-Shopify-Hmac-Sha256': sign(body),
      'X-Shopify-Webhook-Id': 'w-0',
    });
    expect(tampered.status).toBe(401);
    expect(await orderState()).toBeNull();
  });

  it('applies a signed order with its lines and rollups, and ignores a replay of the same delivery', async () => {
    const body = JSON.stringify(order);
    const headers = { 'X-Shopify-Hmac-Sha256': sign(body), 'X-Shopify-Webhook-Id': 'w-1' };
    const first = await deliver(body, headers);
    expect(first).toEqual({ status: 200, body: { status: 'applied', inserted: true } });
    expect(await orderState()).toEqual({ status: 'paid', total_cents: 20700, lines: 2, rollup_gmv: 20700 });
    const replay = await deliver(body, headers);
    expect(replay).toEqual({ status: 200, body: { status: 'duplicate' } });
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM webhook_events');
    expect(rows[0].n).toBe(1);
  });

  it('updates the order on orders/updated and takes it out of GMV when cancelled', async () => {
    const body = JSON.stringify({
      ...order,
      updated_at: '2026-11-11T01:00:00+08:00',
      cancelled_at: '2026-11-11T01:00:00+08:00',
      financial_status: 'voided',
    });
    const res = await deliver(body, {
      'X-Shopify-Hmac-Sha256': sign(body),
      'X-Shopify-Webhook-Id': 'w-2',
      'X-Shopify-Topic': 'orders/updated',
    });
    expect(res).toEqual({ status: 200, body: { status: 'applied', inserted: false } });
    expect(await orderState()).toEqual({ status: 'cancelled', total_cents: 20700, lines: 2, rollup_gmv: 0 });
  });

  it('answers 200 with status stale to an older delivery that arrives late, and keeps the cancellation', async () => {
    const body = JSON.stringify({ ...order, financial_status: 'paid' });
    const res = await deliver(body, {
      'X-Shopify-Hmac-Sha256': sign(body),
      'X-Shopify-Webhook-Id': 'w-late',
      'X-Shopify-Topic': 'orders/updated',
    });
    expect(res).toEqual({
      status: 200,
      body: { status: 'stale', appliedUpdatedAt: '2026-11-10T17:00:00.000Z' },
    });
    expect(await orderState()).toEqual({ status: 'cancelled', total_cents: 20700, lines: 2, rollup_gmv: 0 });
  });

  it('answers 400 for a signed body that is not an order, and 503 when no secret is set', async () => {
    const body = JSON.stringify({ id: 1, name: '#1' });
    const bad = await deliver(body, { 'X-Shopify-Hmac-Sha256': sign(body), 'X-Shopify-Webhook-Id': 'w-3' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/^Not a Shopify order: created_at/);
    const off = await deliver(body, { 'X-Shopify-Webhook-Id': 'w-4' }, unconfigured);
    expect(off.status).toBe(503);
  });
});
