// Keeps the hourly rollups current. Every writer of orders, order lines or refunds calls this for
// the hours it touched (by order placement hour), inside its own transaction.
import type pg from 'pg';

const HOUR_MS = 3_600_000;

export interface HourWindow {
  /** Inclusive start; truncated to the hour. */
  from: Date;
  /** Exclusive end; rounded up to the hour. */
  to: Date;
}

/** Counted as sales: orders that were paid, whatever happened after. */
export const PAID_STATUSES_SQL = `('paid','shipped','delivered','refunded')`;

/**
 * Recomputes shop and SKU rollups of one shop for the hours in the window, from raw rows. The local
 * days of the daily rollup follow the shop's time zone; a writer whose shop row is not written yet
 * (the simulator inserts it last) passes the zone. The statements go in one round trip: an import
 * refreshes while it prepares its next batch, and a round trip per statement waited on that.
 */
export async function refreshRollups(
  client: pg.ClientBase,
  shopId: number,
  window: HourWindow,
  options: {
    timeZone?: string /** false: the caller re-sums the days later (refreshDailyRollup). */;
    daily?: boolean;
  } = {},
): Promise<void> {
  const timeZone = options.timeZone ?? (await shopTimeZone(client, shopId));
  const sql = refreshRollupsSql(client, shopId, window, timeZone);
  await client.query(options.daily === false ? sql.hourly : sql.hourly + sql.daily);
}

/** Re-sums the SKU daily rollup of every local day the window touches from the hourly rollup as it is. */
export async function refreshDailyRollup(
  client: pg.ClientBase,
  shopId: number,
  window: HourWindow,
  options: { timeZone?: string } = {},
): Promise<void> {
  const timeZone = options.timeZone ?? (await shopTimeZone(client, shopId));
  await client.query(refreshRollupsSql(client, shopId, window, timeZone).daily);
}

/** The refresh as scripts of statements, its values written in as literals (a script takes no parameters). */
function refreshRollupsSql(client: pg.ClientBase, shopId: number, window: HourWindow, timeZone: string) {
  if (!Number.isSafeInteger(shopId)) throw new Error(`Not a shop id: ${shopId}`);
  // Whole hours only: a row of an hour is deleted and summed again from all of that hour's orders.
  const from = `'${new Date(Math.floor(window.from.getTime() / HOUR_MS) * HOUR_MS).toISOString()}'::timestamptz`;
  const to = `'${new Date(Math.ceil(window.to.getTime() / HOUR_MS) * HOUR_MS).toISOString()}'::timestamptz`;
  const zone = client.escapeLiteral(timeZone);
  const shop = String(shopId);
  // Every local day the window touches, whole, so a day partly outside the window keeps its other hours.
  const firstDay = `(${from} AT TIME ZONE ${zone})::date`;
  const lastDay = `((${to} - interval '1 millisecond') AT TIME ZONE ${zone})::date`;
  const hourly = `
    DELETE FROM shop_hourly_rollup WHERE shop_id = ${shop} AND hour >= ${from} AND hour < ${to};
    DELETE FROM sku_hourly_rollup WHERE shop_id = ${shop} AND hour >= ${from} AND hour < ${to};
    WITH o AS MATERIALIZED (
      SELECT id, date_trunc('hour', placed_at) AS hour, total_cents
      FROM orders
      WHERE shop_id = ${shop} AND placed_at >= ${from} AND placed_at < ${to}
        AND status IN ${PAID_STATUSES_SQL}
    ),
    -- The window's lines, once for both rollups, looked up order by order by their key. OFFSET 0 keeps
    -- the lookup a subquery: as a join, statistics that do not know the shop yet (while its first
    -- import writes, beside a large shop) may turn it around, each line then scanning the orders.
    ol AS MATERIALIZED (
      SELECT o.hour, o.id, l.sku_id, l.quantity, l.total_cents
      FROM o CROSS JOIN LATERAL (
        SELECT sku_id, quantity, total_cents FROM order_lines
        WHERE shop_id = ${shop} AND order_id = o.id
        OFFSET 0
      ) l
    ),
    u AS (SELECT hour, sum(quantity) AS units FROM ol GROUP BY hour),
    -- Refunds looked up order by order: as a join, the planner would read every refund of the shop
    -- for each window, which a file's 30-odd refreshes of a day each paid for.
    r AS (
      SELECT o.hour, sum(x.amount) AS refund_cents, count(*) AS refunded_orders
      FROM o CROSS JOIN LATERAL (
        SELECT sum(r.amount_cents) AS amount FROM refunds r
        WHERE r.shop_id = ${shop} AND r.order_id = o.id AND r.status IN ('approved','completed')
      ) x
      WHERE x.amount IS NOT NULL
      GROUP BY o.hour
    ),
    shop_rows AS (
      INSERT INTO shop_hourly_rollup (shop_id, hour, gmv_cents, paid_orders, units, refund_cents, refunded_orders)
      SELECT ${shop}, g.hour, g.gmv, g.orders, coalesce(u.units, 0), coalesce(r.refund_cents, 0), coalesce(r.refunded_orders, 0)
      FROM (SELECT hour, sum(total_cents) AS gmv, count(*) AS orders FROM o GROUP BY hour) g
      LEFT JOIN u USING (hour)
      LEFT JOIN r USING (hour)
    )
    INSERT INTO sku_hourly_rollup (shop_id, sku_id, hour, gmv_cents, paid_orders, units)
    SELECT ${shop}, sku_id, hour, sum(total_cents), count(DISTINCT id), sum(quantity)
    FROM ol WHERE sku_id IS NOT NULL
    GROUP BY sku_id, hour;`;
  const daily = `
    DELETE FROM sku_daily_rollup WHERE shop_id = ${shop} AND day >= ${firstDay} AND day <= ${lastDay};
    INSERT INTO sku_daily_rollup (shop_id, day, sku_id, gmv_cents, paid_orders, units)
    SELECT ${shop}, (hour AT TIME ZONE ${zone})::date, sku_id, sum(gmv_cents), sum(paid_orders), sum(units)
    FROM sku_hourly_rollup
    WHERE shop_id = ${shop} AND hour >= (${firstDay}::timestamp AT TIME ZONE ${zone})
      AND hour < ((${lastDay} + 1)::timestamp AT TIME ZONE ${zone})
    GROUP BY 2, 3;`;
  return { hourly, daily };
}

async function shopTimeZone(client: pg.ClientBase, shopId: number): Promise<string> {
  const { rows } = await client.query<{ time_zone: string }>('SELECT time_zone FROM shops WHERE id = $1', [
    shopId,
  ]);
  if (!rows[0]) throw new Error(`Cannot refresh the rollups of shop ${shopId}: no such shop.`);
  return rows[0].time_zone;
}

/** The hour window that covers every order of the shop; null when it has none. */
export async function fullOrderWindow(client: pg.ClientBase, shopId: number): Promise<HourWindow | null> {
  const { rows } = await client.query<{ first: Date | null; last: Date | null }>(
    'SELECT min(placed_at) AS first, max(placed_at) AS last FROM orders WHERE shop_id = $1',
    [shopId],
  );
  const { first, last } = rows[0] ?? {};
  if (!first || !last) return null;
  return { from: first, to: new Date(last.getTime() + 3_600_000) };
}
