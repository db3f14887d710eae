// Imported data feeds the rollups, the dashboard and the diagnoses like simulated data: a simulated
// shop's orders, written out as the Shopify export a merchant would download and imported into a new
// shop, give that shop the same hourly and daily rollups, the same key figures and the same
// order-side findings.
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnoseShop } from '../../analysis/diagnose.js';
import { createQueryFn } from '../../analysis/query.js';
import type { OrderRecord } from '../../imports/records.js';
import { tempFile } from '../../imports/test-files.js';
import { shopifyOrdersCsv } from '../../imports/writers/shopify-orders-writer.js';
import { simulateShop } from '../../simulator/simulate-shop.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { getShopKpis } from '../kpis/shop-kpis.js';
import { runImport } from './run-import.js';

let db: TestDb;
let simulatedId: number;
let importedId: number;
let importedRows: number;

interface OrderRow {
  external_id: string;
  status: OrderRecord['status'];
  placed_at: Date;
  paid_at: Date | null;
  shipped_at: Date | null;
  cancelled_at: Date | null;
  total_cents: number;
  discount_cents: number;
  shipping_cents: number;
  coupon_code: string | null;
  email: string | null;
  name: string | null;
  city: string | null;
  lines: Array<{
    sku: string;
    name: string;
    quantity: number;
    price: number;
    discount: number;
    total: number;
  }>;
}

/** The simulated shop's orders as the records a Shopify export of them holds. */
async function ordersOf(pool: pg.Pool, shopId: number): Promise<OrderRecord[]> {
  const { rows } = await pool.query<OrderRow>(
    `SELECT o.external_id, o.status, o.placed_at, o.paid_at, o.shipped_at, o.cancelled_at, o.total_cents,
            o.discount_cents, o.shipping_cents, o.coupon_code, c.name, c.city,
            -- A Shopify export knows a customer by e-mail; simulated marketplace buyers may have none.
            coalesce(c.email, c.external_id || '@buyers.example') AS email,
            json_agg(json_build_object('sku', s.external_id, 'name', s.name, 'quantity', l.quantity,
                     'price', l.unit_price_cents, 'discount', l.discount_cents, 'total', l.total_cents)
                     ORDER BY l.line_no) AS lines
     FROM orders o
     JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
     JOIN skus s ON s.shop_id = l.shop_id AND s.id = l.sku_id
     LEFT JOIN customers c ON c.shop_id = o.shop_id AND c.id = o.customer_id
     WHERE o.shop_id = $1
     GROUP BY o.shop_id, o.id, c.shop_id, c.id ORDER BY o.placed_at, o.id`,
    [shopId],
  );
  return rows.map((o) => ({
    line: 0,
    rows: o.lines.length,
    externalId: o.external_id,
    customer: o.email ? { externalId: o.email, email: o.email, name: o.name, city: o.city } : null,
    status: o.status,
    placedAt: o.placed_at,
    paidAt: o.paid_at,
    shippedAt: o.shipped_at,
    deliveredAt: null,
    cancelledAt: o.cancelled_at,
    totalCents: o.total_cents,
    discountCents: o.discount_cents,
    shippingCents: o.shipping_cents,
    trafficSource: null,
    couponCode: o.coupon_code,
    refundedCents: 0,
    lines: o.lines.map((l, i) => ({
      lineNo: i + 1,
      skuExternalId: l.sku,
      skuName: l.name,
      quantity: l.quantity,
      unitPriceCents: l.price,
      discountCents: l.discount,
      totalCents: l.total,
    })),
  }));
}

beforeAll(async () => {
  db = await createTestDb();
  const simulated = await simulateShop(db.pool, {
    slug: 'simulated',
    scale: 'tiny',
    seed: 11,
    preset: 'default',
  });
  simulatedId = simulated.shopId;
  const orders = await ordersOf(db.pool, simulatedId);
  importedRows = orders.reduce((n, o) => n + o.lines.length, 0);
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, currency, time_zone)
     SELECT 'imported', 'Imported', currency, time_zone FROM shops WHERE id = $1 RETURNING id`,
    [simulatedId],
  );
  importedId = rows[0]!.id;
  // The promotion calendar is the merchant's own setting, not part of an orders export.
  await db.pool.query(
    `WITH p AS (
       INSERT INTO promotions (shop_id, id, name, starts_at, ends_at, gmv_target_cents)
       SELECT $2, id, name, starts_at, ends_at, gmv_target_cents FROM promotions WHERE shop_id = $1 RETURNING id
     )
     INSERT INTO promotion_phases (shop_id, promotion_id, phase, starts_at, ends_at, gmv_target_cents)
     SELECT $2, promotion_id, phase, starts_at, ends_at, gmv_target_cents FROM promotion_phases
     WHERE shop_id = $1 AND promotion_id IN (SELECT id FROM p)`,
    [simulatedId, importedId],
  );
  const file = await tempFile('orders_export.csv', shopifyOrdersCsv(orders, 'CNY', 8 * 60));
  const outcome = await runImport(db.pool, {
    shopId: importedId,
    filePath: file,
    phase: 'import',
    importValidRows: false,
  });
  expect(outcome).toMatchObject({ status: 'succeeded', rowsRead: importedRows, rowsRejected: 0 });
  expect(outcome.recordsInserted).toBe(orders.length);
}, 120_000);

describe('a simulated shop exported to Shopify CSV and imported into a new shop', () => {
  it('has the same hourly sales and daily SKU sales', async () => {
    const hourly = (shopId: number) =>
      db.pool
        .query(
          `SELECT hour, gmv_cents, paid_orders, units FROM shop_hourly_rollup
           WHERE shop_id = $1 AND (gmv_cents <> 0 OR paid_orders <> 0 OR units <> 0) ORDER BY hour`,
          [shopId],
        )
        .then((r) => r.rows);
    const skuDaily = (shopId: number) =>
      db.pool
        .query(
          `SELECT s.external_id, r.day::text, r.gmv_cents, r.paid_orders, r.units
           FROM sku_daily_rollup r JOIN skus s ON s.shop_id = r.shop_id AND s.id = r.sku_id
           WHERE r.shop_id = $1 AND (r.gmv_cents <> 0 OR r.units <> 0) ORDER BY 1, 2`,
          [shopId],
        )
        .then((r) => r.rows);
    const [simulatedHours, importedHours] = await Promise.all([hourly(simulatedId), hourly(importedId)]);
    expect(simulatedHours.length).toBeGreaterThan(100);
    expect(importedHours).toEqual(simulatedHours);
    expect(await skuDaily(importedId)).toEqual(await skuDaily(simulatedId));
  });

  it('shows the same GMV, paid orders and average order value on the dashboard', async () => {
    const range = { from: '2026-10-24', to: '2026-11-15' };
    const [simulated, imported] = await Promise.all([
      getShopKpis(db, { shop: 'simulated', range }),
      getShopKpis(db, { shop: 'imported', range }),
    ]);
    expect(simulated.kpis.gmvCents.value).toBeGreaterThan(0);
    for (const key of ['gmvCents', 'orders', 'aovCents'] as const) {
      expect(imported.kpis[key].value).not.toBeNull();
      expect(imported.kpis[key]).toEqual(simulated.kpis[key]);
    }
  });

  it('gets the same findings from the checks that read orders alone', async () => {
    const query = createQueryFn(db.pool);
    const simulated = await diagnoseShop(query, { shop: 'simulated', specialists: ['customers'] });
    const at = new Date(simulated.at);
    const imported = await diagnoseShop(query, { shop: 'imported', at, specialists: ['customers'] });
    const shape = (findings: typeof simulated.findings) =>
      findings.map((f) => ({ type: f.type, severity: f.severity, title: f.title, evidence: f.evidence }));
    expect(simulated.findings.length).toBeGreaterThan(0);
    expect(shape(imported.findings)).toEqual(shape(simulated.findings));
  });
});
