import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { applyOrderWebhook } from './shopify-webhook.js';

let db: TestDb;
let shopId: number;

const T1 = '2026-11-11T00:10:00+08:00';
const T2 = '2026-11-11T00:20:00+08:00';

/** The order as Shopify sends it; v2 is the merchant's edit of v1: one scarf instead of two. */
function orderVersion(name: string, version: 1 | 2, updatedAt = version === 1 ? T1 : T2) {
  const quantity = version === 1 ? 2 : 1;
  return {
    id: 1001,
    name,
    email: 'jon@example.com',
    created_at: '2026-11-11T00:05:00+08:00',
    updated_at: updatedAt,
    processed_at: '2026-11-11T00:06:00+08:00',
    financial_status: 'paid',
    currency: 'CNY',
    total_price: `${quantity * 99}.00`,
    line_items: [{ sku: 'WOOL-SCARF', name: '羊毛围巾', quantity, price: '99.00' }],
  };
}

function deliver(webhookId: string, body: unknown) {
  return applyOrderWebhook(db.pool, { shopId, webhookId, topic: 'orders/updated', body });
}

async function orderState(name: string) {
  const { rows } = await db.pool.query(
    `SELECT o.total_cents, (SELECT sum(quantity)::int FROM order_lines l WHERE l.shop_id = o.shop_id AND l.order_id = o.id) AS units,
            (SELECT count(*)::int FROM orders x WHERE x.shop_id = o.shop_id AND x.external_id = o.external_id) AS copies
     FROM orders o WHERE o.shop_id = $1 AND o.external_id = $2`,
    [shopId, name],
  );
  return rows[0] ?? null;
}

async function rollupTotals() {
  const { rows } = await db.pool.query(
    `SELECT coalesce(sum(gmv_cents), 0)::int AS gmv, coalesce(sum(units), 0)::int AS units
     FROM shop_hourly_rollup WHERE shop_id = $1`,
    [shopId],
  );
  return rows[0];
}

async function outcomes(name: string) {
  const { rows } = await db.pool.query<{ webhook_id: string; outcome: string }>(
    `SELECT webhook_id, outcome FROM webhook_events WHERE shop_id = $1 AND order_name = $2 ORDER BY webhook_id`,
    [shopId, name],
  );
  return rows.map((r) => `${r.webhook_id}:${r.outcome}`);
}

beforeAll(async () => {
  db = await createTestDb();
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone)
     VALUES ('hooks', 'Hooks', 'shopify', 'CNY', 'Asia/Shanghai') RETURNING id`,
  );
  shopId = rows[0]!.id;
});

describe('applyOrderWebhook with deliveries out of order', () => {
  it('keeps the newer order and rollups when an older delivery arrives after it, and records it as stale', async () => {
    expect(await deliver('a-2', orderVersion('#A', 2))).toEqual({ status: 'applied', inserted: true });
    expect(await deliver('a-1', orderVersion('#A', 1))).toEqual({
      status: 'stale',
      appliedUpdatedAt: '2026-11-10T16:20:00.000Z',
    });
    expect(await orderState('#A')).toEqual({ total_cents: 9900, units: 1, copies: 1 });
    expect(await rollupTotals()).toEqual({ gmv: 9900, units: 1 });
    expect(await outcomes('#A')).toEqual(['a-1:stale', 'a-2:applied']);
  });

  it('answers duplicate, not stale, to a replay of a stale delivery', async () => {
    expect(await deliver('a-1', orderVersion('#A', 1))).toEqual({ status: 'duplicate' });
    expect(await outcomes('#A')).toEqual(['a-1:stale', 'a-2:applied']);
  });

  it('applies both deliveries when the older one arrives first', async () => {
    expect(await deliver('b-1', orderVersion('#B', 1))).toEqual({ status: 'applied', inserted: true });
    expect(await orderState('#B')).toEqual({ total_cents: 19800, units: 2, copies: 1 });
    expect(await deliver('b-2', orderVersion('#B', 2))).toEqual({ status: 'applied', inserted: false });
    expect(await orderState('#B')).toEqual({ total_cents: 9900, units: 1, copies: 1 });
    expect(await rollupTotals()).toEqual({ gmv: 19800, units: 2 });
  });

  it('applies a new delivery with the same updated_at again without changing anything', async () => {
    const before = await rollupTotals();
    expect(await deliver('b-2-again', orderVersion('#B', 2))).toEqual({ status: 'applied', inserted: false });
    expect(await orderState('#B')).toEqual({ total_cents: 9900, units: 1, copies: 1 });
    expect(await rollupTotals()).toEqual(before);
    expect(await outcomes('#B')).toEqual(['b-1:applied', 'b-2:applied', 'b-2-again:applied']);
  });

  it('ends with the newer order when an older and a newer delivery arrive at the same moment', async () => {
    const results = await Promise.all([
      deliver('c-1', orderVersion('#C', 1)),
      deliver('c-2', orderVersion('#C', 2)),
    ]);
    expect(results.map((r) => r.status).sort()).not.toContain('duplicate');
    expect(await orderState('#C')).toEqual({ total_cents: 9900, units: 1, copies: 1 });
    expect(await rollupTotals()).toEqual({ gmv: 29700, units: 3 });
  });

  it('rejects an order without updated_at, since its place in the sequence is unknown', async () => {
    const { updated_at: _dropped, ...withoutVersion } = orderVersion('#D', 1);
    await expect(deliver('d-1', withoutVersion)).rejects.toThrow(
      'Not a Shopify order: updated_at is missing',
    );
    expect(await outcomes('#D')).toEqual([]);
  });
});
