// Simulates a shop through a promotion season and loads it into PostgreSQL. The big tables are
// COPYed in parallel under a reserved shop id before the shop row exists, so nobody sees them; one
// final transaction then creates the shop (replacing an old one) with its catalogue, promotion and
// manifest. Any failure deletes every row written under the reserved id: nothing partial remains.
import {
  type Manifest,
  type ResolvedSimulateOptions,
  type SimulateOptions,
  SimulateOptionsSchema,
} from '@zhanggui/shared';
import type pg from 'pg';
import { withTransaction } from '../db/client.js';
import { countOrphanLines, maySkipForeignKeyChecks } from '../db/foreign-key-checks.js';
import { AppError } from '../errors.js';
import { refreshAfterSalesRollups } from '../services/rollups/refresh-after-sales-rollups.js';
import type { HourWindow } from '../services/rollups/refresh-rollups.js';
import { refreshTrafficSourceRollup, skuTrafficDays } from '../services/rollups/refresh-traffic-rollup.js';
import { HOUR, SHOP_TIME_ZONE, toDate } from './calendar.js';
import type { TableRows } from './copy-text.js';
import { deleteShop } from './delete-shop.js';
import { type GeneratedShop, generateShop } from './generate-shop.js';
import {
  copyJob,
  copyTable,
  followedBy,
  type LoadJob,
  moveSequencePast,
  rollupJob,
  runLoadJobs,
  uncheckedCopyJob,
} from './load-tables.js';
import type { PromotionPlan } from './promotion.js';

export interface SimulationResult {
  shopId: number;
  slug: string;
  manifest: Manifest;
  /** Rows written per table. */
  counts: Record<string, number>;
  seconds: number;
}

export type SimulationProgress =
  | { step: 'generated'; seconds: number }
  | { step: 'table'; table: string; rows: number; seconds: number }
  | { step: 'loaded'; seconds: number }
  | { step: 'committed'; seconds: number };

/** Tables with a foreign key to shops (or to each other): written with the shop row, at the end. */
const CATALOGUE_TABLES = new Set(['warehouses', 'products', 'skus', 'customers', 'ad_campaigns']);
/**
 * Loading work for two connections, ordered so both stay busy: orders beside shipments and the
 * small tables (refunds among them), then the two halves of order_lines (they reference orders,
 * which must have committed), then the rollups (which read orders, lines and refunds) beside the
 * SKU traffic and daily stock.
 */
function loadJobs(
  tables: TableRows[],
  rollupWindow: HourWindow | null,
  shopId: number,
  onTable: (table: string, rows: number) => void,
  skipLineChecks: boolean,
): LoadJob[] {
  const named = (...names: string[]) => tables.filter((t) => names.includes(t.table));
  const late = ['sku_traffic_daily', 'inventory_daily'];
  const orders = copyJob(named('orders'), onTable);
  // Shipments and reviews are among the early tables: their daily rollups are summed as they load.
  const early = followedBy(
    copyJob(
      tables.filter(
        (t) =>
          !CATALOGUE_TABLES.has(t.table) &&
          !late.includes(t.table) &&
          !['orders', 'order_lines'].includes(t.table),
      ),
      onTable,
    ),
    (client) => refreshAfterSalesRollups(client, shopId, SHOP_TIME_ZONE),
  );
  const linesJob = skipLineChecks ? uncheckedCopyJob : copyJob;
  const lines = named('order_lines').map((part) => linesJob([part], onTable, [orders]));
  const checkLines = async (client: pg.ClientBase) => {
    const orphans = skipLineChecks ? await countOrphanLines(client, shopId) : 0;
    if (orphans > 0)
      throw new Error(`${orphans} generated order lines reference no order; nothing was kept.`);
  };
  return [
    orders,
    early,
    ...lines,
    ...(rollupWindow ? [rollupJob(shopId, rollupWindow, [orders, early, ...lines], checkLines)] : []),
    followedBy(copyJob(named(...late), onTable), async (client) => {
      const days = await skuTrafficDays(client, shopId);
      if (days) await refreshTrafficSourceRollup(client, shopId, days);
    }),
  ];
}

/** Tables whose `id` the generator assigns (1..n per shop); their sequences must move past n. */
const GENERATED_IDS = [
  'warehouses',
  'products',
  'skus',
  'sku_price_changes',
  'customers',
  'orders',
  'shipments',
  'refunds',
  'reviews',
  'tickets',
  'ad_campaigns',
  'creatives',
];

// Any fixed key: two loads of the same slug serialize their final step instead of colliding.
const SIMULATE_LOCK_NAMESPACE = 41_611_011;

function parseOptions(input: SimulateOptions): ResolvedSimulateOptions {
  const parsed = SimulateOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
  throw new AppError('INVALID_INPUT', { message: `Invalid simulation options: ${problems.join('; ')}` });
}

export async function simulateShop(
  pool: pg.Pool,
  input: SimulateOptions,
  onProgress: (progress: SimulationProgress) => void = () => {},
): Promise<SimulationResult> {
  const options = parseOptions(input);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  await existingShopId(pool, options);

  const shop = generateShop(options);
  onProgress({ step: 'generated', seconds: elapsed() });
  const { rows } = await pool.query<{ id: number }>(
    "SELECT nextval(pg_get_serial_sequence('shops', 'id'))::int AS id",
  );
  const shopId = rows[0]!.id;
  const counts: Record<string, number> = {};
  const onTable = (table: string, rowCount: number) => {
    counts[table] = (counts[table] ?? 0) + rowCount;
    onProgress({ step: 'table', table, rows: rowCount, seconds: elapsed() });
  };
  const tables = shop.tables(shopId);
  try {
    const skipLineChecks = await maySkipForeignKeyChecks(pool);
    await runLoadJobs(pool, loadJobs(tables, orderHours(shop), shopId, onTable, skipLineChecks), 2);
    onProgress({ step: 'loaded', seconds: elapsed() });
    await withTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        SIMULATE_LOCK_NAMESPACE,
        options.slug,
      ]);
      const existing = await existingShopId(client, options);
      if (existing !== null) await deleteShop(client, existing);
      await client.query(
        `INSERT INTO shops (id, slug, name, platform, currency, time_zone) VALUES ($1, $2, $3, 'simulated', 'CNY', $4)`,
        [shopId, options.slug, options.name ?? `模拟店铺 ${options.slug}`, SHOP_TIME_ZONE],
      );
      for (const table of tables.filter((t) => CATALOGUE_TABLES.has(t.table))) {
        onTable(table.table, await copyTable(client, table));
      }
      for (const table of GENERATED_IDS) await moveSequencePast(client, table, counts[table] ?? 0);
      counts.promotion_phases = await insertPromotion(client, shopId, shop.promotion);
      await client.query(
        'INSERT INTO simulation_runs (shop_id, seed, scale, preset, manifest) VALUES ($1, $2, $3, $4, $5)',
        [shopId, options.seed, options.scale, options.preset, JSON.stringify(shop.manifest)],
      );
    });
  } catch (error) {
    await removePartialShop(pool, shopId, error);
    throw error;
  }
  onProgress({ step: 'committed', seconds: elapsed() });
  return { shopId, slug: options.slug, manifest: shop.manifest, counts, seconds: elapsed() };
}

/** Deletes what a failed load wrote; if even that fails, says so without hiding the first error. */
async function removePartialShop(pool: pg.Pool, shopId: number, cause: unknown): Promise<void> {
  try {
    await withTransaction(pool, (client) => deleteShop(client, shopId));
  } catch (cleanupError) {
    const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
    throw new Error(
      `${message(cause)} Removing the rows already written under shop id ${shopId} failed too (${message(cleanupError)}); they belong to no shop and are never shown, and deleting that shop id removes them.`,
      { cause },
    );
  }
}

/** The id of the shop with this slug when it may be replaced, null when there is none; refuses otherwise. */
async function existingShopId(
  db: pg.Pool | pg.ClientBase,
  options: ResolvedSimulateOptions,
): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM shops WHERE slug = $1', [options.slug]);
  const id = rows[0]?.id ?? null;
  if (id !== null && !options.replace) {
    throw new AppError('CONFLICT', {
      message: `A shop with slug "${options.slug}" already exists. Choose another slug, or replace it (CLI: --replace; API: replace: true), which deletes the old shop and all its data.`,
    });
  }
  return id;
}

/** The hours from the first order to the last: the rollup window. */
function orderHours(shop: GeneratedShop): HourWindow | null {
  const { orders } = shop.world.sales;
  if (orders.length === 0) return null;
  const { season } = shop.world;
  const hourOf = (sec: number) => Math.floor(sec / HOUR) * HOUR;
  return {
    from: toDate(season, hourOf(orders.cols.placed[0]!)),
    to: toDate(season, hourOf(orders.cols.placed[orders.length - 1]!) + HOUR),
  };
}

async function insertPromotion(
  client: pg.ClientBase,
  shopId: number,
  promotion: PromotionPlan,
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'INSERT INTO promotions (shop_id, name, starts_at, ends_at, gmv_target_cents) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [shopId, promotion.name, promotion.startsAt, promotion.endsAt, promotion.gmvTargetCents],
  );
  const promotionId = rows[0]!.id;
  for (const phase of promotion.phases) {
    await client.query(
      `INSERT INTO promotion_phases (shop_id, promotion_id, phase, starts_at, ends_at, gmv_target_cents)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [shopId, promotionId, phase.phase, phase.startsAt, phase.endsAt, phase.gmvTargetCents],
    );
  }
  return promotion.phases.length;
}
