// The inventory specialist on small hand-made shops with known answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import {
  addOrders,
  addProduct,
  addSku,
  addWarehouse,
  analysisContext,
  createShop,
  type OrderSpec,
  plusDays,
  shanghai,
} from '../shared/test-shop-factory.js';
import { addStock, addStockDays } from '../shared/test-shop-operations.js';
import { analyzeInventory } from './index.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

const AT = shanghai('2026-11-15', 0);
const last28 = Array.from({ length: 28 }, (_, i) => plusDays('2026-10-18', i));

async function skuIn(shopId: number, title: string, costCents: number | null = 4000) {
  const productId = await addProduct(db.pool, shopId, { title, category: 'scarf' });
  return addSku(db.pool, shopId, productId, { priceCents: 10_000, costCents });
}

describe('inventory on bad input', () => {
  it('says there is no stock data instead of failing', async () => {
    const shopId = await createShop(db.pool, 'no-stock');
    const result = await analyzeInventory(analysisContext(db.pool, shopId, AT));
    expect(result).toEqual({ findings: [], gaps: [expect.objectContaining({ check: 'stock' })] });
  });
});

describe('stock-out that happened', () => {
  it('dates the outage from the last sale to the first sale after the restock and prices the missed units', async () => {
    const shopId = await createShop(db.pool, 'stock-out');
    const warehouse = await addWarehouse(db.pool, shopId, 'east');
    const hot = await skuIn(shopId, '爆款围巾');
    const steady = await skuIn(shopId, '普通围巾');
    const days = Array.from({ length: 14 }, (_, i) => plusDays('2026-11-01', i));
    const orders: OrderSpec[] = [];
    for (const day of days) {
      for (const hour of [10, 14, 18, 21]) {
        orders.push({ placedAt: shanghai(day, hour), skuId: steady, unitPriceCents: 10_000 });
        const isOut =
          (day === '2026-11-10' && hour > 14) || day === '2026-11-11' || (day === '2026-11-12' && hour < 18);
        if (!isOut) orders.push({ placedAt: shanghai(day, hour), skuId: hot, unitPriceCents: 10_000 });
      }
    }
    await addOrders(db.pool, shopId, orders);
    const hotStock = (day: string) =>
      day === '2026-11-10' || day === '2026-11-11' ? 0 : day < '2026-11-10' ? 100 : 50;
    await addStockDays(
      db.pool,
      shopId,
      days.flatMap((day) => [
        { day, skuId: hot, warehouseId: warehouse, onHandEnd: hotStock(day), unitsSold: 4 },
        { day, skuId: steady, warehouseId: warehouse, onHandEnd: 500, unitsSold: 4 },
      ]),
    );
    const result = await analyzeInventory(analysisContext(db.pool, shopId, AT));
    const outages = result.findings.filter((f) => f.type === 'stock-out');
    expect(outages.map((f) => f.entities[0]!.id)).toEqual([String(hot)]);
    expect(outages[0]!.window).toEqual({
      from: shanghai('2026-11-10', 15).toISOString(),
      to: shanghai('2026-11-12', 18).toISOString(),
    });
    // Half the shop's units in the 7 days before; the shop sold 8 units of the other SKU meanwhile.
    const lost = outages[0]!.evidence.figures.find((f) => f.key === 'lostGmvCents')!;
    expect(lost.value).toBe(4 * 10_000);
    expect(outages[0]!.strategies[0]).toMatchObject({ kind: 'restock-sku', params: { skuId: String(hot) } });
  });
});

describe('stock-out ahead', () => {
  it('walks 15 units against 10 a day to the hour they run out and reorders for lead time and review', async () => {
    const shopId = await createShop(db.pool, 'risk');
    const warehouse = await addWarehouse(db.pool, shopId, 'east');
    const sku = await skuIn(shopId, '羊毛围巾');
    await addStock(db.pool, shopId, [{ skuId: sku, warehouseId: warehouse, onHand: 15, leadTimeDays: 10 }]);
    await addStockDays(
      db.pool,
      shopId,
      last28.map((day, i) => ({
        day,
        skuId: sku,
        warehouseId: warehouse,
        onHandEnd: 15 + (27 - i) * 10,
        unitsSold: 10,
      })),
    );
    const result = await analyzeInventory(analysisContext(db.pool, shopId, AT));
    // No sales history in the rollups: the forecast has no promotion uplift, and says so.
    expect(result.gaps).toEqual([expect.objectContaining({ check: 'demand-forecast' })]);
    const [risk] = result.findings.filter((f) => f.type === 'stock-out-risk');
    // Flat hours: 10/24 units an hour; the 37th hour (index 36) is the first the stock cannot serve.
    expect(risk!.window.from).toBe(new Date(AT.getTime() + 36 * 3_600_000).toISOString());
    expect(risk!.strategies.find((s) => s.kind === 'restock-sku')!.params).toMatchObject({
      units: 10 * 17 - 15,
    });
  });

  it('proposes moving stock from a slow warehouse to one about to run out', async () => {
    const shopId = await createShop(db.pool, 'imbalance');
    const east = await addWarehouse(db.pool, shopId, 'east');
    const west = await addWarehouse(db.pool, shopId, 'west');
    const sku = await skuIn(shopId, '手套');
    await addStockDays(
      db.pool,
      shopId,
      last28.flatMap((day, i) => [
        { day, skuId: sku, warehouseId: east, onHandEnd: 2 + (27 - i) * 2, unitsSold: 2 },
        { day, skuId: sku, warehouseId: west, onHandEnd: 400, unitsSold: i % 2 },
      ]),
    );
    await addStock(db.pool, shopId, [
      { skuId: sku, warehouseId: east, onHand: 2, leadTimeDays: 7 },
      { skuId: sku, warehouseId: west, onHand: 400, leadTimeDays: 7 },
    ]);
    const result = await analyzeInventory(analysisContext(db.pool, shopId, AT));
    const [imbalance] = result.findings.filter((f) => f.type === 'stock-imbalance');
    // East needs 14 days × 2 − 2 = 26 units; west keeps 28 days × 0.5 = 14 of its 400.
    expect(imbalance!.strategies).toEqual([
      expect.objectContaining({
        kind: 'transfer-stock',
        params: { skuId: String(sku), fromWarehouseId: String(west), toWarehouseId: String(east), units: 26 },
      }),
    ]);
  });
});

describe('overstock', () => {
  it('flags the one slow SKU holding far more than the other slow SKUs, with profit unknown when cost is', async () => {
    const shopId = await createShop(db.pool, 'overstock');
    const warehouse = await addWarehouse(db.pool, shopId, 'east');
    const slow: number[] = [];
    for (let i = 0; i < 10; i++) slow.push(await skuIn(shopId, `长尾 ${i}`));
    const heavy = await skuIn(shopId, '积压围巾', null);
    const stockOf = (sku: number) => (sku === heavy ? 500 : 3 + (sku % 5));
    await addStockDays(
      db.pool,
      shopId,
      last28.flatMap((day, i) =>
        [...slow, heavy].map((sku) => ({
          day,
          skuId: sku,
          warehouseId: warehouse,
          onHandEnd: stockOf(sku),
          unitsSold: i === 5 ? 1 : 0,
        })),
      ),
    );
    const result = await analyzeInventory(analysisContext(db.pool, shopId, AT));
    const overstock = result.findings.filter((f) => f.type === 'overstock');
    expect(overstock.map((f) => f.entities[0]!.id)).toEqual([String(heavy)]);
    const excess = overstock[0]!.evidence.figures.find((f) => f.key === 'excessUnits')!;
    expect(excess.value).toBe(Math.round(500 - (1 / 28) * 60));
    expect(overstock[0]!.strategies[0]!.kind).toBe('markdown-sku');
    expect(overstock[0]!.strategies[0]!.expectedImpact.profitCents).toBeNull();
  });
});
