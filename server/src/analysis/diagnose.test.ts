import { DiagnosisSchema } from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { simulateShop } from '../simulator/simulate-shop.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { diagnoseShop, latestDataMoment } from './diagnose.js';
import { createQueryFn } from './query.js';
import { addOrders, addProduct, addSku, createShop, shanghai } from './shared/test-shop-factory.js';
import { addTrafficHours } from './shared/test-shop-operations.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

describe('diagnoseShop', () => {
  it('names the unknown shop and the known ones', async () => {
    await createShop(db.pool, 'known');
    const error = await diagnoseShop(createQueryFn(db.pool), { shop: 'unknown' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^No shop with slug "unknown"\. Known shops: .*known/),
    });
  });

  it('diagnoses as of the end of the latest hour of data, and explains every check it could not make', async () => {
    const shopId = await createShop(db.pool, 'sparse');
    await addTrafficHours(db.pool, shopId, [
      { hour: shanghai('2026-11-05', 9), source: 'search', visitors: 3 },
    ]);
    const query = createQueryFn(db.pool);
    expect((await latestDataMoment(query, shopId))?.toISOString()).toBe(
      shanghai('2026-11-05', 10).toISOString(),
    );
    const diagnosis = await diagnoseShop(query, { shop: 'sparse' });
    expect(DiagnosisSchema.parse(diagnosis).at).toBe(shanghai('2026-11-05', 10).toISOString());
    expect(diagnosis.findings).toEqual([]);
    expect(new Set(diagnosis.gaps.map((g) => g.specialist))).toEqual(
      new Set(['analytics', 'ads', 'inventory', 'creatives', 'customers', 'after-sales']),
    );
  });

  it('does not judge a last hour whose orders stop early (a file exported mid-hour) until it is whole', async () => {
    const shopId = await createShop(db.pool, 'cut-off');
    const productId = await addProduct(db.pool, shopId, { title: 'Tea', category: 'tea' });
    const skuId = await addSku(db.pool, shopId, productId, { priceCents: 1000 });
    const minutes = (hour: number, minute: number) =>
      new Date(shanghai('2026-11-05', hour).getTime() + minute * 60_000);
    const query = createQueryFn(db.pool);
    await addOrders(db.pool, shopId, [
      { placedAt: minutes(9, 10), skuId, unitPriceCents: 1000 },
      { placedAt: minutes(10, 20), skuId, unitPriceCents: 1000 },
    ]);
    expect((await latestDataMoment(query, shopId))?.toISOString()).toBe(
      shanghai('2026-11-05', 10).toISOString(),
    );
    await addOrders(db.pool, shopId, [{ placedAt: minutes(10, 58), skuId, unitPriceCents: 1000 }]);
    expect((await latestDataMoment(query, shopId))?.toISOString()).toBe(
      shanghai('2026-11-05', 11).toISOString(),
    );
  });

  it('ranks findings by the expected GMV of their best strategy', async () => {
    await simulateShop(db.pool, { slug: 'ranked', scale: 'tiny', seed: 3, preset: 'default' });
    const diagnosis = await diagnoseShop(createQueryFn(db.pool), { shop: 'ranked' });
    const best = diagnosis.findings.map((f) =>
      Math.max(0, ...f.strategies.map((s) => s.expectedImpact.gmvCents.expected)),
    );
    expect(diagnosis.findings.length).toBeGreaterThanOrEqual(10);
    expect(best).toEqual([...best].sort((a, b) => b - a));
    expect(best[0]).toBeGreaterThan(0);
  });
});
