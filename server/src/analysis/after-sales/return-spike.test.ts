import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addOrders,
  addProduct,
  addRefunds,
  addSku,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { detectReturnSpikes } from './return-spike.js';

const START = '2026-10-10';
const AT = shanghai(plusDays(START, 42), 0);
let db: TestDb;
let shopId: number;
let spiking: number;
let steady: number;

beforeAll(async () => {
  db = await createTestDb();
  shopId = await createShop(db.pool, 'returns');
  const product = await addProduct(db.pool, shopId, { title: '加厚羽绒服', category: '羽绒服' });
  spiking = await addSku(db.pool, shopId, product, { name: 'M', priceCents: 50_000, costCents: 20_000 });
  const other = await addProduct(db.pool, shopId, { title: '保温杯', category: '保温杯' });
  steady = await addSku(db.pool, shopId, other, { name: '500ml', priceCents: 9_900 });
  const orders = [];
  for (let d = 0; d < 42; d++) {
    for (let i = 0; i < 10; i++) {
      orders.push({
        placedAt: shanghai(plusDays(START, d), 10 + (i % 10)),
        skuId: spiking,
        unitPriceCents: 50_000,
      });
      orders.push({
        placedAt: shanghai(plusDays(START, d), 10 + (i % 10)),
        skuId: steady,
        unitPriceCents: 9_900,
      });
    }
  }
  const ids = await addOrders(db.pool, shopId, orders);
  const refunds = [];
  for (let d = 0; d < 42; d++) {
    const day = plusDays(START, d);
    const inSpike = d >= 30 && d < 34;
    const spikeCount = inSpike ? 5 : d % 2;
    for (let k = 0; k < spikeCount; k++) {
      refunds.push({
        orderId: ids[d * 20 + k * 2]!,
        skuId: spiking,
        requestedAt: shanghai(day, 15),
        reason: inSpike && k < 4 ? '尺码偏小' : '不喜欢',
        amountCents: 50_000,
      });
    }
    if (d % 2 === 0) {
      refunds.push({
        orderId: ids[d * 20 + 1]!,
        skuId: steady,
        requestedAt: shanghai(day, 16),
        reason: '不想要了',
        amountCents: 9_900,
      });
    }
  }
  await addRefunds(db.pool, shopId, refunds);
});

describe('detectReturnSpikes', () => {
  it('flags the SKU whose refunds jumped, over the days they jumped, with the dominant reason', async () => {
    const { findings } = await detectReturnSpikes(analysisContext(db.pool, shopId, AT));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.entities).toEqual([expect.objectContaining({ kind: 'sku', id: String(spiking) })]);
    expect(finding!.window).toEqual({
      from: shanghai(plusDays(START, 30), 0).toISOString(),
      to: shanghai(plusDays(START, 34), 0).toISOString(),
    });
    const figure = (key: string) => finding!.evidence.figures.find((f) => f.key === key)!;
    expect(figure('refundRequests').value).toBe(20);
    expect(figure('dominantReasonShare').value).toBe(0.8);
    expect(figure('dominantReasonShare').baseline).toBe(0);
    expect(finding!.strategies.map((s) => s.kind)).toEqual(['open-quality-case', 'investigate']);
    expect(finding!.strategies[0]!.expectedImpact.profitCents).not.toBeNull();
  });

  it('reports figures that a direct SQL count over raw refunds reproduces', async () => {
    const { findings } = await detectReturnSpikes(analysisContext(db.pool, shopId, AT));
    const finding = findings[0]!;
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n, sum(amount_cents)::int AS amount,
              (count(*) FILTER (WHERE reason = '尺码偏小'))::float8 / count(*) AS share
       FROM refunds WHERE shop_id = $1 AND sku_id = $2 AND requested_at >= $3 AND requested_at < $4`,
      [shopId, spiking, finding.window.from, finding.window.to],
    );
    const figure = (key: string) => finding.evidence.figures.find((f) => f.key === key)!.value;
    expect(figure('refundRequests')).toBe(rows[0].n);
    expect(figure('refundAmountCents')).toBe(rows[0].amount);
    expect(figure('dominantReasonShare')).toBeCloseTo(rows[0].share, 6);
  });

  it('says the refund delay is unknown when every refunded order is younger than two weeks', async () => {
    const young = await createShop(db.pool, 'young-returns');
    const product = await addProduct(db.pool, young, { title: '围巾', category: '围巾' });
    const sku = await addSku(db.pool, young, product, { name: '灰', priceCents: 5_000 });
    const placedAt = shanghai(plusDays(START, 38), 10);
    const ids = await addOrders(
      db.pool,
      young,
      Array.from({ length: 8 }, () => ({ placedAt, skuId: sku, unitPriceCents: 5_000 })),
    );
    await addRefunds(
      db.pool,
      young,
      ids.slice(0, 6).map((orderId) => ({
        orderId,
        skuId: sku,
        requestedAt: shanghai(plusDays(START, 40), 10),
        reason: '质量问题',
        amountCents: 5_000,
      })),
    );
    const result = await detectReturnSpikes(analysisContext(db.pool, young, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps).toEqual([
      expect.objectContaining({ check: 'return-spike', reason: expect.stringContaining('delay') }),
    ]);
  });

  it('says why it cannot judge a shop that sold nothing', async () => {
    const empty = await createShop(db.pool, 'empty-returns');
    const result = await detectReturnSpikes(analysisContext(db.pool, empty, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps).toEqual([expect.objectContaining({ check: 'return-spike' })]);
  });
});

describe('detectReturnSpikes after a peak day', () => {
  const REASONS = ['不喜欢/不想要了', '与描述不符', '质量问题', '尺码偏大'];
  let peakShop: number;

  beforeAll(async () => {
    // Three SKUs sell 10 a day and 200 on day 30; every 20th order comes back 3 days after it was
    // placed, for mixed reasons: the peak brings 10 refunds on day 33 against half a refund on a usual day.
    peakShop = await createShop(db.pool, 'peak-wave');
    const coats = await addProduct(db.pool, peakShop, { title: '羊毛大衣', category: '大衣' });
    const cups = await addProduct(db.pool, peakShop, { title: '保温杯', category: '保温杯' });
    const skus = [
      await addSku(db.pool, peakShop, coats, { name: 'M', priceCents: 80_000 }),
      await addSku(db.pool, peakShop, coats, { name: 'L', priceCents: 80_000 }),
      await addSku(db.pool, peakShop, cups, { name: '500ml', priceCents: 9_900 }),
    ];
    const orders = [];
    for (const skuId of skus) {
      for (let d = 0; d < 42; d++) {
        const count = d === 30 ? 200 : 10;
        for (let i = 0; i < count; i++) {
          orders.push({ placedAt: shanghai(plusDays(START, d), 9 + (i % 12)), skuId, unitPriceCents: 9_900 });
        }
      }
    }
    const ids = await addOrders(db.pool, peakShop, orders);
    const refunds = [];
    let n = 0;
    for (const [i, order] of orders.entries()) {
      const requestedAt = new Date(order.placedAt.getTime() + 3 * 86_400_000);
      if (i % 20 !== 7 || requestedAt >= AT) continue;
      refunds.push({
        orderId: ids[i]!,
        skuId: order.skuId,
        requestedAt,
        reason: REASONS[n++ % REASONS.length]!,
        amountCents: 9_900,
      });
    }
    await addRefunds(db.pool, peakShop, refunds);
  });

  it('expects the peak’s refunds three days later, where the shop’s delay puts them, and finds no spike', async () => {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM refunds
       WHERE shop_id = $1 AND requested_at >= $2 AND requested_at < $3`,
      [peakShop, shanghai(plusDays(START, 33), 0), shanghai(plusDays(START, 34), 0)],
    );
    expect(rows[0].n).toBe(30);
    const result = await detectReturnSpikes(analysisContext(db.pool, peakShop, AT));
    expect(result).toEqual({ findings: [], gaps: [] });
  });
});
