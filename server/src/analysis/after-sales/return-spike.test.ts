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

  it('says why it cannot judge a shop that sold nothing', async () => {
    const empty = await createShop(db.pool, 'empty-returns');
    const result = await detectReturnSpikes(analysisContext(db.pool, empty, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps).toEqual([expect.objectContaining({ check: 'return-spike' })]);
  });
});
