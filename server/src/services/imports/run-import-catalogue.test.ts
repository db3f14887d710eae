import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../../imports/test-files.js';
import { sampleFile } from '../../imports/testing.js';
import { sampleOrders } from '../../imports/writers/sample-orders.js';
import { shopifyOrdersCsv } from '../../imports/writers/shopify-orders-writer.js';
import { taobaoOrderReport } from '../../imports/writers/taobao-orders-writer.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { runImport } from './run-import.js';

let db: TestDb;

async function createShop(pool: pg.Pool, slug: string, currency = 'CNY', timeZone = 'Asia/Shanghai') {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, currency, time_zone) VALUES ($1, $1, $2, $3) RETURNING id`,
    [slug, currency, timeZone],
  );
  return rows[0]!.id;
}

const importFile = (shopId: number, filePath: string, extra: Partial<Parameters<typeof runImport>[1]> = {}) =>
  runImport(db.pool, { shopId, filePath, phase: 'import', importValidRows: false, ...extra });

beforeAll(async () => {
  db = await createTestDb();
});

describe('product catalogue import', () => {
  it('creates 3 products and 16 SKUs from the real 48-column template, then finds nothing to change', async () => {
    const shopId = await createShop(db.pool, 'catalogue', 'USD');
    const file = sampleFile('shopify', 'product_template_2023_48col.csv');
    expect(await importFile(shopId, file)).toMatchObject({ status: 'succeeded', recordsInserted: 16 });
    const { rows } = await db.pool.query(
      `SELECT p.external_id, count(k.id)::int AS skus, min(k.price_cents) AS price, bool_and(k.active) AS active
       FROM products p JOIN skus k ON k.shop_id = p.shop_id AND k.product_id = p.id
       WHERE p.shop_id = $1 GROUP BY p.external_id ORDER BY p.external_id`,
      [shopId],
    );
    expect(rows).toEqual([
      { external_id: 'example-hat', skus: 1, price: 1799, active: false },
      { external_id: 'example-pants', skus: 3, price: 9500, active: false },
      { external_id: 'example-shirt', skus: 12, price: 2500, active: true },
    ]);
    expect(await importFile(shopId, file)).toMatchObject({
      recordsInserted: 0,
      recordsUpdated: 0,
      recordsUnchanged: 16,
    });
  });

  it('moves a SKU that an order created under a placeholder onto its catalogue product, recording a price change', async () => {
    const shopId = await createShop(db.pool, 'placeholder', 'USD');
    const order = [...sampleOrders({ count: 1, startAt: new Date('2026-11-11T00:00:00Z') })][0]!;
    const withKnownSku = {
      ...order,
      lines: [{ ...order.lines[0]!, skuExternalId: 'SRT_COT_111', unitPriceCents: 2000 }],
    };
    await importFile(shopId, await tempFile('o.csv', shopifyOrdersCsv([withKnownSku], 'USD')));
    await importFile(shopId, sampleFile('shopify', 'product_template_2023_48col.csv'));
    const { rows } = await db.pool.query(
      `SELECT p.external_id AS product, k.price_cents,
              (SELECT count(*)::int FROM products WHERE shop_id = $1 AND external_id LIKE 'sku:%') AS placeholders,
              (SELECT count(*)::int FROM sku_price_changes WHERE shop_id = $1) AS price_changes,
              (SELECT count(*)::int FROM order_lines l WHERE l.shop_id = $1 AND l.sku_id = k.id) AS lines
       FROM skus k JOIN products p ON p.shop_id = k.shop_id AND p.id = k.product_id
       WHERE k.shop_id = $1 AND k.external_id = 'SRT_COT_111'`,
      [shopId],
    );
    expect(rows[0]).toEqual({
      product: 'example-shirt',
      price_cents: 2500,
      placeholders: 0,
      price_changes: 1,
      lines: 1,
    });
  });
});

describe('Taobao order report import', () => {
  it('imports a GBK report with local times, and a second import of it changes nothing', async () => {
    const shopId = await createShop(db.pool, 'tmall');
    const orders = [
      ...sampleOrders({
        count: 30,
        startAt: new Date('2026-11-10T16:00:00Z'),
        prefix: '',
        firstNumber: 4_100_000,
      }),
    ];
    const file = await tempFile(
      'ExportOrderList.csv',
      taobaoOrderReport(orders, { timeZone: 'Asia/Shanghai', encoding: 'gbk' }),
    );
    const first = await importFile(shopId, file);
    expect(first).toMatchObject({
      status: 'succeeded',
      format: 'taobao-orders',
      encoding: 'gb18030',
      recordsInserted: 30,
    });
    const { rows } = await db.pool.query(
      `SELECT min(placed_at) AS first, sum(total_cents) FILTER (WHERE status IN ('paid','shipped','delivered','refunded'))::int AS gmv
       FROM orders WHERE shop_id = $1`,
      [shopId],
    );
    expect(rows[0].first).toEqual(orders[0]!.placedAt);
    const paid = orders.filter((o) => ['paid', 'shipped', 'refunded'].includes(o.status));
    expect(rows[0].gmv).toBe(paid.reduce((n, o) => n + o.totalCents, 0));
    const { rows: rollup } = await db.pool.query(
      'SELECT sum(gmv_cents)::int AS gmv FROM shop_hourly_rollup WHERE shop_id = $1',
      [shopId],
    );
    expect(rollup[0].gmv).toBe(rows[0].gmv);
    expect(await importFile(shopId, file)).toMatchObject({
      recordsInserted: 0,
      recordsUpdated: 0,
      recordsUnchanged: 30,
    });
  });
});

describe('generic CSV import', () => {
  it('upserts ad campaign days: an overlapping report updates its days and adds the new ones', async () => {
    const shopId = await createShop(db.pool, 'ads');
    const mapping = {
      target: 'ads' as const,
      columns: {
        campaignId: 'Campaign',
        campaignName: 'Name',
        day: 'Day',
        spend: 'Spend',
        impressions: 'Impr',
        clicks: 'Clicks',
        revenue: 'Revenue',
      },
    };
    const header = 'Campaign,Name,Day,Spend,Impr,Clicks,Revenue';
    const week1 = [
      header,
      'C1,Scarves,2026-11-09,100.00,5000,50,300.00',
      'C1,Scarves,2026-11-10,120.00,5200,60,360.00',
    ].join('\n');
    const week2 = [
      header,
      'C1,Scarves,2026-11-10,130.00,5200,60,360.00',
      'C1,Scarves,2026-11-11,500.00,20000,400,2000.00',
    ].join('\n');
    expect(
      await importFile(shopId, await tempFile('w1.csv', week1), { format: 'generic', mapping }),
    ).toMatchObject({
      recordKind: 'campaign-days',
      recordsInserted: 2,
    });
    expect(
      await importFile(shopId, await tempFile('w2.csv', week2), { format: 'generic', mapping }),
    ).toMatchObject({
      recordsInserted: 1,
      recordsUpdated: 1,
      recordsUnchanged: 0,
    });
    const { rows } = await db.pool.query(
      `SELECT c.name, to_char(d.day, 'YYYY-MM-DD') AS day, d.spend_cents, d.revenue_cents
       FROM ad_campaign_daily d JOIN ad_campaigns c ON c.shop_id = d.shop_id AND c.id = d.campaign_id
       WHERE d.shop_id = $1 ORDER BY d.day`,
      [shopId],
    );
    expect(rows.map((r) => [r.name, r.day, r.spend_cents, r.revenue_cents])).toEqual([
      ['Scarves', '2026-11-09', 10000, 30000],
      ['Scarves', '2026-11-10', 13000, 36000],
      ['Scarves', '2026-11-11', 50000, 200000],
    ]);
  });

  it('rejects SKU traffic for SKUs the shop does not have, and repeated keys, by line', async () => {
    const shopId = await createShop(db.pool, 'sku-traffic', 'USD');
    await importFile(shopId, sampleFile('shopify', 'product_template_2023_48col.csv'));
    const mapping = {
      target: 'sku-traffic-daily' as const,
      columns: {
        day: 'day',
        sku: 'sku',
        source: 'source',
        impressions: 'impressions',
        visits: 'visits',
        addToCart: 'cart',
        orders: 'orders',
      },
    };
    const csv = [
      'day,sku,source,impressions,visits,cart,orders',
      '2026-11-11,SRT_COT_111,search,1000,80,10,4',
      '2026-11-11,NOPE-1,search,10,1,0,0',
      '2026-11-11,SRT_COT_111,search,999,79,9,3',
      '2026-11-11,SRT_COT_111,推荐,500,40,5,2',
    ].join('\n');
    const outcome = await importFile(shopId, await tempFile('t.csv', csv), {
      format: 'generic',
      mapping,
      importValidRows: true,
    });
    expect(outcome).toMatchObject({ status: 'succeeded', recordsInserted: 2, rowsRejected: 2 });
    expect(outcome.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, 'SKU NOPE-1 is not in this shop; import the products (or orders) that have it first.'],
      [4, 'Same day, SKU and source as line 2; keep one row for each.'],
    ]);
    const { rows } = await db.pool.query(
      'SELECT source, impressions FROM sku_traffic_daily WHERE shop_id = $1 ORDER BY source',
      [shopId],
    );
    expect(rows).toEqual([
      { source: 'search', impressions: 1000 },
      { source: 'recommendation', impressions: 500 },
    ]);
    const funnel = await db.pool.query(
      `SELECT day::text AS day, source, impressions::int, visits::int, add_to_cart::int AS cart, orders::int
       FROM traffic_source_daily WHERE shop_id = $1 ORDER BY source`,
      [shopId],
    );
    expect(funnel.rows).toEqual([
      { day: '2026-11-11', source: 'search', impressions: 1000, visits: 80, cart: 10, orders: 4 },
      { day: '2026-11-11', source: 'recommendation', impressions: 500, visits: 40, cart: 5, orders: 2 },
    ]);
  });
});
