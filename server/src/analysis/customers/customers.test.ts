import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addCustomers,
  addOrders,
  addProduct,
  addSku,
  analysisContext,
  createShop,
  type OrderSpec,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { scanBuyers } from './buyer-scan.js';
import { customerMixByPhase, mixStretches } from './customer-mix.js';
import { analyzeCustomers } from './index.js';

const START = '2026-09-01';
const AT = shanghai(plusDays(START, 60), 0);
let db: TestDb;
let shopId: number;
let churners: number[];

beforeAll(async () => {
  db = await createTestDb();
  shopId = await createShop(db.pool, 'customers');
  const product = await addProduct(db.pool, shopId, { title: '面霜', category: '面霜' });
  const sku = await addSku(db.pool, shopId, product, { priceCents: 10_000 });
  const ids = await addCustomers(db.pool, shopId, 60, shanghai(START));
  const active = ids.slice(0, 25);
  churners = ids.slice(25, 30);
  const oneTimers = ids.slice(30, 60);
  const orders: OrderSpec[] = [];
  for (let d = 0; d < 60; d += 3) {
    for (const c of active)
      orders.push({
        placedAt: shanghai(plusDays(START, d), 10),
        skuId: sku,
        unitPriceCents: 10_000,
        customerId: c,
      });
    // Big spenders who stopped after day 18: silent 42 days against a 3-day rhythm.
    if (d <= 18)
      for (const c of churners)
        orders.push({
          placedAt: shanghai(plusDays(START, d), 11),
          skuId: sku,
          unitPriceCents: 60_000,
          customerId: c,
        });
  }
  // 30 one-order buyers in the first week, and nothing since.
  oneTimers.forEach((c, i) => {
    orders.push({
      placedAt: shanghai(plusDays(START, i % 7), 9),
      skuId: sku,
      unitPriceCents: 8_000,
      customerId: c,
    });
  });
  // 4 first-time buyers in the peak (day 52); two of them come back on day 55.
  const peakBuyers = await addCustomers(db.pool, shopId, 4, shanghai(plusDays(START, 52)));
  peakBuyers.forEach((c, i) => {
    for (const d of i < 2 ? [52, 55] : [52])
      orders.push({
        placedAt: shanghai(plusDays(START, d), 15),
        skuId: sku,
        unitPriceCents: 9_000,
        customerId: c,
      });
  });
  await addOrders(db.pool, shopId, orders);
  const { rows } = await db.pool.query(
    `INSERT INTO promotions (shop_id, name, starts_at, ends_at, gmv_target_cents) VALUES ($1, '双11', $2, $3, 1) RETURNING id`,
    [shopId, shanghai(plusDays(START, 40), 0), shanghai(plusDays(START, 60), 0)],
  );
  await db.pool.query(
    `INSERT INTO promotion_phases (shop_id, promotion_id, phase, starts_at, ends_at, gmv_target_cents)
     VALUES ($1, $2, 'preheat', $3, $4, 1), ($1, $2, 'peak', $4, $5, 1)`,
    [
      shopId,
      rows[0].id,
      shanghai(plusDays(START, 40), 0),
      shanghai(plusDays(START, 50), 0),
      shanghai(plusDays(START, 60), 0),
    ],
  );
});

describe('analyzeCustomers', () => {
  it('names the valuable customers who went quiet against their own rhythm', async () => {
    const { findings } = await analyzeCustomers(analysisContext(db.pool, shopId, AT));
    const churn = findings.find((f) => f.type === 'churn-risk')!;
    expect(
      churn.entities
        .filter((e) => e.kind === 'customer')
        .map((e) => Number(e.id))
        .sort((a, b) => a - b),
    ).toEqual(churners);
    const figure = (key: string) => churn.evidence.figures.find((f) => f.key === key)!;
    // The 25 equal spenders share percent rank 0, so exactly the 5 big spenders are "valuable".
    expect(figure('churnRiskCustomers')).toMatchObject({ value: 5, baseline: 5 });
    // Last order on day 18 at 11:00, diagnosis at day 60 00:00: 42 days − 11 h.
    expect(figure('medianSilentDays').value).toBe(41.54);
    expect(churn.strategies[0]!.params.customerIds).toHaveLength(5);
  });

  it('reports the segment spend that a direct SQL sum over raw orders reproduces', async () => {
    const { findings } = await analyzeCustomers(analysisContext(db.pool, shopId, AT));
    const churn = findings.find((f) => f.type === 'churn-risk')!;
    const { rows } = await db.pool.query(
      'SELECT sum(total_cents)::int AS spend FROM orders WHERE shop_id = $1 AND customer_id = ANY($2::int[])',
      [shopId, churners],
    );
    expect(churn.evidence.figures.find((f) => f.key === 'churnRiskSpendCents')!.value).toBe(rows[0].spend);
  });

  it('sizes the win-back send as segment × assumed rate × (AOV − coupon)', async () => {
    const { findings } = await analyzeCustomers(analysisContext(db.pool, shopId, AT));
    const winBack = findings.find((f) => f.type === 'win-back-opportunity')!;
    // 30 one-timers (¥80) and 5 churners (¥600) are silent ≥ 30 days: mean AOV (30·80 + 5·600) / 35 = ¥154.29.
    const figure = (key: string) => winBack.evidence.figures.find((f) => f.key === key)!.value;
    expect(figure('lapsedCustomers')).toBe(35);
    expect(figure('lapsedAverageOrderCents')).toBe(15_429);
    // Coupon 15% of ¥154.29 → ¥25; 35 × 5% × (15,428.57 − 2,500) = 22,625.
    expect(figure('winBackNetCents')).toBe(22_625);
  });

  async function mixAt(at: Date) {
    const context = analysisContext(db.pool, shopId, at);
    const stretches = await mixStretches(context);
    return customerMixByPhase(stretches, await scanBuyers(context, stretches.bounds));
  }

  it('counts as new exactly the orders that are their customer’s first paid order, as raw SQL does', async () => {
    const mix = await mixAt(AT);
    expect(mix.length).toBeGreaterThan(0);
    for (const phase of mix) {
      const { rows } = await db.pool.query<{ new_orders: number; returning_orders: number }>(
        `WITH f AS (
           SELECT customer_id, min(placed_at) AS first_at FROM orders
           WHERE shop_id = $1 AND placed_at < $4 AND customer_id IS NOT NULL AND status IN ('paid','shipped','delivered','refunded')
           GROUP BY customer_id
         )
         SELECT count(*) FILTER (WHERE o.placed_at = f.first_at)::int AS new_orders,
                count(*) FILTER (WHERE o.placed_at > f.first_at)::int AS returning_orders
         FROM orders o JOIN f USING (customer_id)
         WHERE o.shop_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3 AND o.status IN ('paid','shipped','delivered','refunded')`,
        [shopId, phase.from, phase.to, AT],
      );
      expect({
        phase: phase.phase,
        newOrders: phase.newOrders,
        returningOrders: phase.returningOrders,
      }).toEqual({
        phase: phase.phase,
        newOrders: rows[0]!.new_orders,
        returningOrders: rows[0]!.returning_orders,
      });
    }
    expect(mix.find((m) => m.phase === 'peak')).toMatchObject({ newOrders: 4, returningOrders: 25 * 3 + 2 });
  });

  it('splits orders into new and returning buyers by phase', async () => {
    const mix = await mixAt(AT);
    expect(mix.map((m) => m.phase)).toEqual(['before', 'preheat', 'peak']);
    // Days 10–39 ("before"): only the 25 active customers order, every 3rd day: all returning.
    expect(mix[0]).toMatchObject({ newOrders: 0, returningShare: 1 });
    // Preheat is days 40–49: the active customers order on days 42, 45 and 48.
    expect(mix[1]!.returningOrders).toBe(25 * 3);
  });

  it('gives data gaps, not findings, for a shop with no orders', async () => {
    const empty = await createShop(db.pool, 'no-customers');
    const result = await analyzeCustomers(analysisContext(db.pool, empty, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps.map((g) => g.check)).toEqual(['churn-risk', 'win-back-opportunity']);
  });

  it('does not judge churn when every customer ordered once', async () => {
    const single = await createShop(db.pool, 'one-order-each');
    const product = await addProduct(db.pool, single, { title: '水杯', category: '保温杯' });
    const sku = await addSku(db.pool, single, product, { priceCents: 5_000 });
    const ids = await addCustomers(db.pool, single, 3, shanghai(START));
    await addOrders(
      db.pool,
      single,
      ids.map((c) => ({ placedAt: shanghai(START), skuId: sku, unitPriceCents: 5_000, customerId: c })),
    );
    const result = await analyzeCustomers(analysisContext(db.pool, single, AT));
    expect(result.findings.filter((f) => f.type === 'churn-risk')).toEqual([]);
    expect(result.gaps[0]!.check).toBe('churn-risk');
  });
});
