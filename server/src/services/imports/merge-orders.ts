// Merges staged orders into the shop: customers and SKUs matched or created by external id, orders
// upserted by (shop_id, external_id), an order's lines replaced only when they differ, refunds kept
// in step, and the rollups refreshed for every hour an order was or is placed in. A row that is
// already identical is left untouched, so importing a file twice changes nothing.
import { rowError } from '@zhanggui/shared';
import type pg from 'pg';
import { type HourWindow, refreshRollups } from '../rollups/refresh-rollups.js';
import type { MergeCounts, StageRejections } from './merge-result.js';
import { CUSTOMER_CONFLICT_SQL, ORDER_VALUE_COLUMNS } from './order-columns.js';

/**
 * The same order twice in one file: its first copy is kept, later copies are rejected (as the direct
 * load does). A copy's rows are told apart by the line of its first row: line - line_no + 1.
 */
export async function rejectDuplicateOrders(client: pg.PoolClient): Promise<StageRejections> {
  const { rows } = await client.query<{ order_ext: string; copy_line: number; row_count: number }>(
    `WITH copies AS (
       SELECT order_ext, line - line_no + 1 AS copy_line, count(*)::int AS row_count
       FROM stage_order_lines GROUP BY order_ext, line - line_no + 1
     ),
     ranked AS (
       SELECT *, row_number() OVER (PARTITION BY order_ext ORDER BY copy_line) AS n FROM copies
     )
     SELECT order_ext, copy_line, row_count FROM ranked WHERE n > 1 ORDER BY copy_line`,
  );
  if (rows.length === 0) return { errors: [], rows: 0 };
  await client.query(
    `DELETE FROM stage_order_lines s USING unnest($1::text[], $2::int[]) AS d(order_ext, copy_line)
     WHERE s.order_ext = d.order_ext AND s.line - s.line_no + 1 = d.copy_line`,
    [rows.map((r) => r.order_ext), rows.map((r) => r.copy_line)],
  );
  return {
    rows: rows.reduce((n, r) => n + r.row_count, 0),
    errors: rows.map((r) =>
      rowError(r.copy_line, null, r.order_ext, { code: 'duplicateOrder', params: { order: r.order_ext } }),
    ),
  };
}

/** A span of placement times whose hours need their rollups refreshed. */
export interface PlacedWindow {
  first: Date;
  last: Date;
}

export function widenWindow(
  window: PlacedWindow | null,
  times: Array<Date | null | undefined>,
): PlacedWindow | null {
  const known = times.filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
  if (window) known.push(window.first.getTime(), window.last.getTime());
  if (known.length === 0) return null;
  return { first: new Date(Math.min(...known)), last: new Date(Math.max(...known)) };
}

/** Orders written at once from which the rollups are refreshed on the way (see OrderLoader). */
export const BULK_LOAD_ORDERS = 10_000;
/** Below this, even a plan made for a shop the statistics do not know costs little. */
const STATISTICS_CHECK_ORDERS = 1000;

/**
 * Whether the planner must learn of a shop's orders before its rollups are refreshed: after writing
 * `written` of them, when its statistics reckon with fewer than half as many (`planned`). A shop they
 * do not know (new, beside a large one) is planned as one row, and the refresh then reads all of the
 * shop's lines for each order: seconds for a few thousand orders, quadratic beyond.
 */
export function statisticsAreStale(written: number, planned: number): boolean {
  return written >= STATISTICS_CHECK_ORDERS && planned < written / 2;
}

/** The tables whose statistics describe a shop's orders. */
export const ORDER_STATISTICS = ['orders', 'order_lines', 'refunds'] as const;

/**
 * What the rollup refresh is planned by while an import writes: the orders and refunds it reads, each
 * with several indexes that start with the shop, of which only the shop's size tells the planner the
 * right one. The lines it looks up by their one key, whatever their statistics say, so they can wait
 * for the end of the import (see analyzeStatement for how much of each table is analyzed).
 */
export const REFRESH_STATISTICS = ['orders', 'refunds'] as const;

/**
 * The ANALYZE for the tables. One that has statistics for every column needs only its shop's
 * refreshed (shop_id): the planner then knows the shop's size, the other columns' distributions
 * barely move with one shop's import, and autovacuum re-analyzes a table whole once a tenth of it
 * changed. Beside a 1M-order shop that costs about half. A table some of whose columns were never
 * analyzed is analyzed whole: with only the shop's column known, a foreign-key check picked an index
 * by the shop alone and scanned all of the shop's orders for each line.
 */
export function analyzeStatement(tables: readonly string[], analyzedBefore: ReadonlySet<string>): string {
  return `ANALYZE ${tables.map((t) => (analyzedBefore.has(t) ? `${t} (shop_id)` : t)).join(', ')}`;
}

/** Which of the tables have statistics for every one of their columns. */
async function analyzedTables(client: pg.ClientBase, tables: readonly string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS table
     FROM pg_class c
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = c.relname AND s.attname = a.attname
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
     GROUP BY c.relname
     HAVING count(s.attname) = count(*)`,
    [tables],
  );
  return new Set(rows.map((r) => r.table));
}

/** How many of the shop's orders the planner reckons with (its row estimate, by EXPLAIN). */
export async function plannedShopOrders(client: pg.ClientBase | pg.Pool, shopId: number): Promise<number> {
  const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    'EXPLAIN (FORMAT JSON) SELECT 1 FROM orders WHERE shop_id = $1',
    [shopId],
  );
  return rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
}

/**
 * Refreshes the statistics of the tables if they are stale for the shop (statisticsAreStale, by the
 * planner's estimate of its orders); says whether it did.
 */
export async function analyzeIfStale(
  client: pg.ClientBase,
  shopId: number,
  written: number,
  tables: readonly string[] = ORDER_STATISTICS,
): Promise<boolean> {
  if (written < STATISTICS_CHECK_ORDERS) return false;
  if (!statisticsAreStale(written, await plannedShopOrders(client, shopId))) return false;
  await client.query(analyzeStatement(tables, await analyzedTables(client, tables)));
  return true;
}

/** The whole hours a window of placement times falls in. */
export function placedHours(window: PlacedWindow): HourWindow {
  return { from: window.first, to: new Date(window.last.getTime() + 3_600_000) };
}

/**
 * Refreshes the rollups of every hour in the windows, with fresh statistics after a large load; says
 * whether it refreshed the statistics.
 */
export async function refreshOrderRollups(
  client: pg.PoolClient,
  shopId: number,
  windows: HourWindow[],
  changedOrders: number,
): Promise<boolean> {
  if (windows.length === 0) return false;
  const analyzed = await analyzeIfStale(client, shopId, changedOrders);
  for (const window of windows) await refreshRollups(client, shopId, window);
  return analyzed;
}

/** Merges the staged orders and refreshes the rollups of the hours they touched. */
export async function mergeOrders(client: pg.PoolClient, shopId: number): Promise<MergeCounts> {
  const { counts, window } = await mergeStagedOrders(client, shopId);
  await refreshOrderRollups(
    client,
    shopId,
    window ? [placedHours(window)] : [],
    counts.inserted + counts.updated,
  );
  return counts;
}

/** Merges the staged orders; the caller refreshes the rollups for the returned window. */
export async function mergeStagedOrders(
  client: pg.PoolClient,
  shopId: number,
): Promise<{ counts: MergeCounts; window: PlacedWindow | null }> {
  await client.query('ANALYZE stage_order_lines');
  await createMissingSkus(client, shopId);
  await upsertCustomers(client, shopId);
  const { rows: before } = await client.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(o.placed_at) AS first, max(o.placed_at) AS last
     FROM stage_order_lines s JOIN orders o ON o.shop_id = $1 AND o.external_id = s.order_ext
     WHERE s.line_no = 1`,
    [shopId],
  );
  await upsertOrders(client, shopId);
  await replaceLines(client, shopId);
  await syncRefunds(client, shopId);
  const { rows: after } = await client.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(placed_at) AS first, max(placed_at) AS last FROM stage_order_lines WHERE line_no = 1`,
  );
  const window = widenWindow(null, [before[0]?.first, before[0]?.last, after[0]?.first, after[0]?.last]);
  const { rows } = await client.query<{ state: string; n: number }>(
    'SELECT state, count(*)::int AS n FROM order_ids GROUP BY state',
  );
  const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return {
    counts: { inserted: count('inserted'), updated: count('updated'), unchanged: count('same') },
    window,
  };
}

/** A line's SKU not yet in the shop is created under a product of its own, named like the line. */
async function createMissingSkus(client: pg.PoolClient, shopId: number): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE new_skus ON COMMIT DROP AS
     SELECT s.sku_ext, min(s.sku_name) AS sku_name, min(s.unit_price_cents) AS price_cents
     FROM stage_order_lines s
     WHERE s.sku_ext IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM skus k WHERE k.shop_id = $1 AND k.external_id = s.sku_ext)
     GROUP BY s.sku_ext`,
    [shopId],
  );
  await client.query(
    `INSERT INTO products (shop_id, external_id, title, category)
     SELECT $1, 'sku:' || sku_ext, coalesce(sku_name, sku_ext), 'uncategorized' FROM new_skus
     ON CONFLICT (shop_id, external_id) DO NOTHING`,
    [shopId],
  );
  await client.query(
    `INSERT INTO skus (shop_id, product_id, external_id, name, price_cents)
     SELECT $1, p.id, n.sku_ext, coalesce(n.sku_name, n.sku_ext), n.price_cents
     FROM new_skus n JOIN products p ON p.shop_id = $1 AND p.external_id = 'sku:' || n.sku_ext
     ON CONFLICT (shop_id, external_id) DO NOTHING`,
    [shopId],
  );
}

/** Customers by external id; a later file fills in what an earlier one lacked and moves first_seen earlier. */
async function upsertCustomers(client: pg.PoolClient, shopId: number): Promise<void> {
  await client.query(
    `INSERT INTO customers AS c (shop_id, external_id, name, email, city, first_seen_at)
     SELECT DISTINCT ON (customer_ext) $1, customer_ext, customer_name, customer_email, customer_city, placed_at
     FROM stage_order_lines WHERE line_no = 1 AND customer_ext IS NOT NULL
     ORDER BY customer_ext, placed_at
     ${CUSTOMER_CONFLICT_SQL}`,
    [shopId],
  );
}

/** Upserts orders and records each staged order's id and state: inserted, updated or same. */
async function upsertOrders(client: pg.PoolClient, shopId: number): Promise<void> {
  await client.query(
    'CREATE TEMP TABLE order_ids (order_ext text PRIMARY KEY, order_id bigint NOT NULL, state text NOT NULL) ON COMMIT DROP',
  );
  const target = ORDER_VALUE_COLUMNS.map((f) => `o.${f}`).join(', ');
  const incoming = ORDER_VALUE_COLUMNS.map((f) => `excluded.${f}`).join(', ');
  await client.query(
    `WITH up AS (
       INSERT INTO orders AS o (shop_id, external_id, ${ORDER_VALUE_COLUMNS.join(', ')}, updated_at)
       SELECT $1, s.order_ext, c.id, s.status::"OrderStatus", s.placed_at, s.paid_at, s.shipped_at, s.delivered_at,
              s.cancelled_at, s.total_cents, s.discount_cents, s.shipping_cents,
              s.traffic_source::"TrafficSource", s.coupon_code, now()
       FROM stage_order_lines s
       LEFT JOIN customers c ON c.shop_id = $1 AND c.external_id = s.customer_ext
       WHERE s.line_no = 1
       ON CONFLICT (shop_id, external_id) DO UPDATE SET
         ${ORDER_VALUE_COLUMNS.map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = now()
       WHERE (${target}) IS DISTINCT FROM (${incoming})
       RETURNING o.id, o.external_id, (xmax = 0) AS inserted
     )
     INSERT INTO order_ids SELECT external_id, id, CASE WHEN inserted THEN 'inserted' ELSE 'updated' END FROM up`,
    [shopId],
  );
  await client.query(
    `INSERT INTO order_ids
     SELECT s.order_ext, o.id, 'same'
     FROM stage_order_lines s JOIN orders o ON o.shop_id = $1 AND o.external_id = s.order_ext
     WHERE s.line_no = 1 AND NOT EXISTS (SELECT 1 FROM order_ids x WHERE x.order_ext = s.order_ext)`,
    [shopId],
  );
  await client.query('ANALYZE order_ids');
}

const LINE_VALUES = `s.line_no, k.id, s.quantity, s.unit_price_cents, s.line_discount_cents, s.line_total_cents`;
const LINE_COLUMNS = 'line_no, sku_id, quantity, unit_price_cents, discount_cents, total_cents';

/** New orders get their lines; an existing order's lines are replaced only when they differ. */
async function replaceLines(client: pg.PoolClient, shopId: number): Promise<void> {
  await client.query(
    `INSERT INTO order_lines (shop_id, order_id, ${LINE_COLUMNS})
     SELECT $1, i.order_id, ${LINE_VALUES}
     FROM stage_order_lines s JOIN order_ids i ON i.order_ext = s.order_ext AND i.state = 'inserted'
     LEFT JOIN skus k ON k.shop_id = $1 AND k.external_id = s.sku_ext`,
    [shopId],
  );
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_ids WHERE state <> 'inserted'`,
  );
  if (rows[0]!.n === 0) return;
  await client.query(
    `CREATE TEMP TABLE staged_lines ON COMMIT DROP AS
     SELECT i.order_id, ${LINE_VALUES.replace('k.id', 'k.id AS sku_id')}
     FROM stage_order_lines s JOIN order_ids i ON i.order_ext = s.order_ext AND i.state <> 'inserted'
     LEFT JOIN skus k ON k.shop_id = $1 AND k.external_id = s.sku_ext`,
    [shopId],
  );
  await client.query(
    `CREATE TEMP TABLE changed_lines ON COMMIT DROP AS
     WITH cur AS (
       SELECT l.order_id, l.line_no, l.sku_id, l.quantity, l.unit_price_cents, l.discount_cents, l.total_cents
       FROM order_lines l JOIN order_ids i ON i.order_id = l.order_id AND i.state <> 'inserted'
       WHERE l.shop_id = $1
     ),
     new AS (SELECT * FROM staged_lines)
     SELECT order_id FROM (SELECT * FROM new EXCEPT SELECT * FROM cur) a
     UNION
     SELECT order_id FROM (SELECT * FROM cur EXCEPT SELECT * FROM new) b`,
    [shopId],
  );
  await client.query(
    'DELETE FROM order_lines l USING changed_lines c WHERE l.shop_id = $1 AND l.order_id = c.order_id',
    [shopId],
  );
  await client.query(
    `INSERT INTO order_lines (shop_id, order_id, ${LINE_COLUMNS})
     SELECT $1, n.order_id, n.line_no, n.sku_id, n.quantity, n.unit_price_cents, n.line_discount_cents, n.line_total_cents
     FROM staged_lines n JOIN changed_lines c USING (order_id)`,
    [shopId],
  );
  await client.query(
    `UPDATE order_ids i SET state = 'updated' FROM changed_lines c WHERE c.order_id = i.order_id AND i.state = 'same'`,
  );
}

/** The refunded amount of an imported order is one completed refund, kept equal to the file's figure. */
async function syncRefunds(client: pg.PoolClient, shopId: number): Promise<void> {
  await client.query(
    `WITH up AS (
       INSERT INTO refunds AS r (shop_id, external_id, order_id, kind, status, amount_cents, reason, requested_at, resolved_at)
       SELECT $1, s.order_ext || ':refund', i.order_id, 'refund_only', 'completed', s.refunded_cents,
              'Refunded amount in the imported order', coalesce(s.cancelled_at, s.paid_at, s.placed_at),
              coalesce(s.cancelled_at, s.paid_at, s.placed_at)
       FROM stage_order_lines s JOIN order_ids i ON i.order_ext = s.order_ext
       WHERE s.line_no = 1 AND s.refunded_cents > 0
       ON CONFLICT (shop_id, external_id) DO UPDATE SET
         order_id = excluded.order_id, amount_cents = excluded.amount_cents,
         requested_at = excluded.requested_at, resolved_at = excluded.resolved_at
       WHERE (r.order_id, r.amount_cents, r.requested_at) IS DISTINCT FROM
             (excluded.order_id, excluded.amount_cents, excluded.requested_at)
       RETURNING r.order_id
     )
     UPDATE order_ids i SET state = 'updated' FROM up WHERE up.order_id = i.order_id AND i.state = 'same'`,
    [shopId],
  );
  await client.query(
    `WITH gone AS (
       DELETE FROM refunds r USING stage_order_lines s
       WHERE r.shop_id = $1 AND s.line_no = 1 AND s.refunded_cents = 0 AND r.external_id = s.order_ext || ':refund'
       RETURNING r.order_id
     )
     UPDATE order_ids i SET state = 'updated' FROM gone WHERE gone.order_id = i.order_id AND i.state = 'same'`,
    [shopId],
  );
}
