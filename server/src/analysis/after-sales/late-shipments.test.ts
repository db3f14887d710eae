import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addOrders,
  addProduct,
  addShipments,
  addSku,
  addWarehouse,
  analysisContext,
  createShop,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { detectLateShipments } from './late-shipments.js';

const START = '2026-10-10';
const AT = shanghai(plusDays(START, 42), 0);
let db: TestDb;
let shopId: number;
let slow: number;

beforeAll(async () => {
  db = await createTestDb();
  shopId = await createShop(db.pool, 'late');
  const warehouses = [
    await addWarehouse(db.pool, shopId, 'WH-HZ', '华东仓'),
    await addWarehouse(db.pool, shopId, 'WH-GZ', '华南仓'),
  ];
  slow = warehouses[0]!;
  const product = await addProduct(db.pool, shopId, { title: '保温杯', category: '保温杯' });
  const sku = await addSku(db.pool, shopId, product, { priceCents: 10_000 });
  const orders = [];
  for (let d = 0; d < 42; d++)
    for (let i = 0; i < 40; i++)
      orders.push({
        placedAt: shanghai(plusDays(START, d), 9),
        skuId: sku,
        unitPriceCents: 10_000,
        warehouseId: warehouses[i % 2]!,
      });
  const ids = await addOrders(db.pool, shopId, orders);
  await addShipments(
    db.pool,
    shopId,
    orders.map((o, n) => {
      const d = Math.floor(n / 40);
      const i = n % 40;
      const promisedAt = new Date(o.placedAt.getTime() + 48 * 3_600_000);
      const inTrouble = o.warehouseId === slow && d >= 30 && d < 34;
      // Normally 1 in 20 is late by 5 h; in the trouble days 12 in 20 are late by 30 h.
      const late = inTrouble ? i < 24 : i === 0;
      const hours = inTrouble && late ? 30 : late ? 5 : -10;
      return {
        orderId: ids[n]!,
        warehouseId: o.warehouseId,
        promisedAt,
        shippedAt: new Date(promisedAt.getTime() + hours * 3_600_000),
      };
    }),
  );
});

describe('detectLateShipments', () => {
  it('flags the warehouse that fell behind, over the days it fell behind', async () => {
    const { findings } = await detectLateShipments(analysisContext(db.pool, shopId, AT));
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding.entities).toEqual([{ kind: 'warehouse', id: String(slow), label: '华东仓' }]);
    // Promises are 48 h after placement, so the trouble days' parcels were due two days later.
    expect(finding.window).toEqual({
      from: shanghai(plusDays(START, 32), 0).toISOString(),
      to: shanghai(plusDays(START, 36), 0).toISOString(),
    });
    const figure = (key: string) => finding.evidence.figures.find((f) => f.key === key)!;
    expect(figure('lateShipments').value).toBe(48);
    expect(figure('lateShare').value).toBe(0.6);
    expect(figure('averageHoursLate').value).toBe(30);
    expect(finding.strategies.map((s) => s.kind)).toEqual(['escalate-warehouse', 'send-coupon']);
  });

  it('reports figures that a direct SQL count over raw shipments reproduces', async () => {
    const finding = (await detectLateShipments(analysisContext(db.pool, shopId, AT))).findings[0]!;
    const { rows } = await db.pool.query(
      `SELECT count(*) FILTER (WHERE warehouse_id = $2 AND shipped_at > promised_at)::int AS late,
              (count(*) FILTER (WHERE warehouse_id <> $2 AND shipped_at > promised_at))::float8
                / count(*) FILTER (WHERE warehouse_id <> $2) AS others
       FROM shipments WHERE shop_id = $1 AND promised_at >= $3 AND promised_at < $4`,
      [shopId, slow, finding.window.from, finding.window.to],
    );
    const figure = (key: string) => finding.evidence.figures.find((f) => f.key === key)!.value;
    expect(figure('lateShipments')).toBe(rows[0].late);
    expect(figure('otherWarehousesLateShare')).toBeCloseTo(rows[0].others, 6);
  });

  it('returns a data gap, not a finding, when nothing was due', async () => {
    const empty = await createShop(db.pool, 'no-shipments');
    const result = await detectLateShipments(analysisContext(db.pool, empty, AT));
    expect(result.findings).toEqual([]);
    expect(result.gaps[0]!.check).toBe('late-shipments');
  });
});
