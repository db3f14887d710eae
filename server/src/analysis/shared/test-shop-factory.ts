// Small hand-made shops for analysis tests: multi-row inserts through json_to_recordset, and the
// rollups refreshed like every real writer does. Test-only.
import type pg from 'pg';
import { withTransaction } from '../../db/client.js';
import { refreshAfterSalesRollups } from '../../services/rollups/refresh-after-sales-rollups.js';
import { fullOrderWindow, refreshRollups } from '../../services/rollups/refresh-rollups.js';
import { createQueryFn } from '../query.js';
import type { AnalysisContext } from '../types.js';

type Row = Record<string, unknown>;

async function insertRows(pool: pg.Pool, table: string, columns: Record<string, string>, rows: Row[]) {
  if (rows.length === 0) return [] as { id: number }[];
  const names = Object.keys(columns);
  const spec = names.map((n) => `${n} ${columns[n]}`).join(', ');
  const { rows: ids } = await pool.query<{ id: number }>(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS x(${spec})
     RETURNING ${table === 'creative_daily' ? 'creative_id' : 'id'}::int AS id`,
    [JSON.stringify(rows)],
  );
  return ids;
}

export async function createShop(pool: pg.Pool, slug: string, timeZone = 'Asia/Shanghai'): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, time_zone) VALUES ($1, $1, $2) RETURNING id`,
    [slug, timeZone],
  );
  return rows[0]!.id;
}

export function analysisContext(
  pool: pg.Pool,
  shopId: number,
  at: Date,
  timeZone = 'Asia/Shanghai',
): AnalysisContext {
  return { shopId, at, timeZone, currency: 'CNY', query: createQueryFn(pool) };
}

export async function addProduct(
  pool: pg.Pool,
  shopId: number,
  p: { title: string; category: string; attributes?: Row },
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO products (shop_id, external_id, title, category, attributes)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [shopId, `p-${p.title}-${Math.random()}`, p.title, p.category, JSON.stringify(p.attributes ?? {})],
  );
  return rows[0]!.id;
}

export async function addSku(
  pool: pg.Pool,
  shopId: number,
  productId: number,
  s: { name?: string; priceCents: number; costCents?: number | null },
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO skus (shop_id, product_id, external_id, name, price_cents, cost_cents)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      shopId,
      productId,
      `s-${productId}-${Math.random()}`,
      s.name ?? 'default',
      s.priceCents,
      s.costCents ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function addWarehouse(
  pool: pg.Pool,
  shopId: number,
  code: string,
  name = code,
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO warehouses (shop_id, code, name, region) VALUES ($1, $2, $3, 'east') RETURNING id`,
    [shopId, code, name],
  );
  return rows[0]!.id;
}

export async function addCustomers(pool: pg.Pool, shopId: number, count: number, firstSeenAt: Date) {
  const rows = Array.from({ length: count }, (_, i) => ({
    shop_id: shopId,
    external_id: `c-${i}-${Math.random()}`,
    first_seen_at: firstSeenAt.toISOString(),
  }));
  const ids = await insertRows(
    pool,
    'customers',
    { shop_id: 'int', external_id: 'text', first_seen_at: 'timestamptz' },
    rows,
  );
  return ids.map((r) => r.id);
}

export interface OrderSpec {
  placedAt: Date;
  skuId: number;
  quantity?: number;
  unitPriceCents: number;
  customerId?: number | null;
  status?: string;
  warehouseId?: number | null;
}

/** One line per order; returns the order ids in input order, rollups refreshed. */
export async function addOrders(pool: pg.Pool, shopId: number, orders: OrderSpec[]): Promise<number[]> {
  if (orders.length === 0) return [];
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: number; ord: number }>(
      `WITH x AS (
         SELECT * FROM json_to_recordset($2::json)
           AS x(ord int, placed_at timestamptz, customer_id int, status text, total int, warehouse_id int)
       )
       INSERT INTO orders (shop_id, external_id, customer_id, status, placed_at, paid_at, total_cents, warehouse_id)
       SELECT $1, 'o-' || ord || '-' || $3, customer_id, status::"OrderStatus", placed_at, placed_at, total, warehouse_id
       FROM x ORDER BY ord
       RETURNING id::int, split_part(external_id, '-', 2)::int AS ord`,
      [
        shopId,
        JSON.stringify(
          orders.map((o, ord) => ({
            ord,
            placed_at: o.placedAt.toISOString(),
            customer_id: o.customerId ?? null,
            status: o.status ?? 'delivered',
            total: (o.quantity ?? 1) * o.unitPriceCents,
            warehouse_id: o.warehouseId ?? null,
          })),
        ),
        Math.random().toString(36).slice(2),
      ],
    );
    const ids: number[] = [];
    for (const r of rows) ids[r.ord] = r.id;
    await client.query(
      `INSERT INTO order_lines (shop_id, order_id, line_no, sku_id, quantity, unit_price_cents, total_cents)
       SELECT $1, order_id, 1, sku_id, quantity, unit_price, quantity * unit_price
       FROM json_to_recordset($2::json) AS x(order_id bigint, sku_id int, quantity int, unit_price int)`,
      [
        shopId,
        JSON.stringify(
          orders.map((o, i) => ({
            order_id: ids[i],
            sku_id: o.skuId,
            quantity: o.quantity ?? 1,
            unit_price: o.unitPriceCents,
          })),
        ),
      ],
    );
    const window = await fullOrderWindow(client, shopId);
    if (window) await refreshRollups(client, shopId, window);
    return ids;
  });
}

export async function addRefunds(
  pool: pg.Pool,
  shopId: number,
  refunds: { orderId: number; skuId: number; requestedAt: Date; reason: string; amountCents: number }[],
) {
  await insertRows(
    pool,
    'refunds',
    {
      shop_id: 'int',
      external_id: 'text',
      order_id: 'bigint',
      sku_id: 'int',
      kind: '"RefundKind"',
      status: '"RefundStatus"',
      amount_cents: 'int',
      reason: 'text',
      requested_at: 'timestamptz',
    },
    refunds.map((r, i) => ({
      shop_id: shopId,
      external_id: `r-${i}-${Math.random()}`,
      order_id: r.orderId,
      sku_id: r.skuId,
      kind: 'return_and_refund',
      status: 'completed',
      amount_cents: r.amountCents,
      reason: r.reason,
      requested_at: r.requestedAt.toISOString(),
    })),
  );
}

export async function addShipments(
  pool: pg.Pool,
  shopId: number,
  shipments: { orderId: number; warehouseId: number; promisedAt: Date; shippedAt: Date | null }[],
) {
  await insertRows(
    pool,
    'shipments',
    {
      shop_id: 'int',
      order_id: 'bigint',
      warehouse_id: 'int',
      carrier: 'text',
      promised_at: 'timestamptz',
      shipped_at: 'timestamptz',
    },
    shipments.map((s) => ({
      shop_id: shopId,
      order_id: s.orderId,
      warehouse_id: s.warehouseId,
      carrier: 'SF',
      promised_at: s.promisedAt.toISOString(),
      shipped_at: s.shippedAt?.toISOString() ?? null,
    })),
  );
  await refreshShopAfterSales(pool, shopId);
}

/** Like every writer of shipments and reviews, keeps the shop's daily after-sales rollups in step. */
async function refreshShopAfterSales(pool: pg.Pool, shopId: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ time_zone: string }>('SELECT time_zone FROM shops WHERE id = $1', [
      shopId,
    ]);
    await refreshAfterSalesRollups(client, shopId, rows[0]!.time_zone);
  });
}

export async function addReviews(
  pool: pg.Pool,
  shopId: number,
  reviews: {
    skuId: number;
    rating: number;
    text: string;
    language: string;
    createdAt: Date;
    orderId?: number;
  }[],
) {
  await insertRows(
    pool,
    'reviews',
    {
      shop_id: 'int',
      external_id: 'text',
      sku_id: 'int',
      order_id: 'bigint',
      rating: 'int',
      text: 'text',
      language: 'text',
      created_at: 'timestamptz',
    },
    reviews.map((r, i) => ({
      shop_id: shopId,
      external_id: `v-${i}-${Math.random()}`,
      sku_id: r.skuId,
      order_id: r.orderId ?? null,
      rating: r.rating,
      text: r.text,
      language: r.language,
      created_at: r.createdAt.toISOString(),
    })),
  );
  await refreshShopAfterSales(pool, shopId);
}

export async function addCreative(
  pool: pg.Pool,
  shopId: number,
  c: {
    name: string;
    headline: string;
    launchedOn: string;
    skuId?: number | null;
    campaignId?: number | null;
  },
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO creatives (shop_id, external_id, campaign_id, sku_id, name, format, headline, launched_on)
     VALUES ($1, $2, $3, $4, $5, 'image', $6, $7) RETURNING id`,
    [
      shopId,
      `cr-${c.name}-${Math.random()}`,
      c.campaignId ?? null,
      c.skuId ?? null,
      c.name,
      c.headline,
      c.launchedOn,
    ],
  );
  return rows[0]!.id;
}

export async function addCreativeDays(
  pool: pg.Pool,
  shopId: number,
  creativeId: number,
  days: { day: string; impressions: number; clicks: number }[],
) {
  await insertRows(
    pool,
    'creative_daily',
    { shop_id: 'int', creative_id: 'int', day: 'date', impressions: 'int', clicks: 'int' },
    days.map((d) => ({ shop_id: shopId, creative_id: creativeId, ...d })),
  );
}

/** Midnight of a local date in Asia/Shanghai plus hours. */
export function shanghai(date: string, hour = 12): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + hour * 3_600_000);
}

/** YYYY-MM-DD of `start` + n days (calendar arithmetic in UTC). */
export function plusDays(start: string, n: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
