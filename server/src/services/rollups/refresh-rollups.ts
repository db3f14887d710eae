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
 * (the simulator inserts it last) passes the zone.
 */
export async function refreshRollups(
  client: pg.ClientBase,
  shopId: number,
  window: HourWindow,
  options: { timeZone?: string } = {},
): Promise<void> {
  // Whole hours only: a row of an hour is deleted and summed again from all of that hour's orders.
  const hours = {
    from: new Date(Math.floor(window.from.getTime() / HOUR_MS) * HOUR_MS),
    to: new Date(Math.ceil(window.to.getTime() / HOUR_MS) * HOUR_MS),
  };
  const params = [shopId, hours.from, hours.to];
  await client.query(
    `DELETE FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= date_trunc('hour', $2::timestamptz) AND hour < $3`,
    params,
  );
  await client.query(
    `DELETE FROM sku_hourly_rollup WHERE shop_id = $1 AND hour >= date_trunc('hour', $2::timestamptz) AND hour < $3`,
    params,
  );
  await client.query(
    `WITH o AS (
       SELECT id, date_trunc('hour', placed_at) AS hour, total_cents
       FROM orders
       WHERE shop_id = $1 AND placed_at >= date_trunc('hour', $2::timestamptz) AND placed_at < $3
         AND status IN ${PAID_STATUSES_SQL}
     ),
     u AS (
       SELECT o.hour, sum(l.quantity) AS units
       FROM o JOIN order_lines l ON l.shop_id = $1 AND l.order_id = o.id
       GROUP BY o.hour
     ),
     r AS (
       SELECT o.hour, sum(r.amount_cents) AS refund_cents, count(DISTINCT r.order_id) AS refunded_orders
       FROM o JOIN refunds r ON r.shop_id = $1 AND r.order_id = o.id
       WHERE r.status IN ('approved','completed')
       GROUP BY o.hour
     )
     INSERT INTO shop_hourly_rollup (shop_id, hour, gmv_cents, paid_orders, units, refund_cents, refunded_orders)
     SELECT $1, g.hour, g.gmv, g.orders, coalesce(u.units, 0), coalesce(r.refund_cents, 0), coalesce(r.refunded_orders, 0)
     FROM (SELECT hour, sum(total_cents) AS gmv, count(*) AS orders FROM o GROUP BY hour) g
     LEFT JOIN u USING (hour)
     LEFT JOIN r USING (hour)`,
    params,
  );
  await client.query(
    `INSERT INTO sku_hourly_rollup (shop_id, sku_id, hour, gmv_cents, paid_orders, units)
     SELECT $1, l.sku_id, date_trunc('hour', o.placed_at), sum(l.total_cents), count(DISTINCT o.id), sum(l.quantity)
     FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
     WHERE o.shop_id = $1 AND o.placed_at >= date_trunc('hour', $2::timestamptz) AND o.placed_at < $3
       AND o.status IN ${PAID_STATUSES_SQL} AND l.sku_id IS NOT NULL
     GROUP BY l.sku_id, date_trunc('hour', o.placed_at)`,
    params,
  );
  const timeZone = options.timeZone ?? (await shopTimeZone(client, shopId));
  await refreshSkuDailyRollup(client, shopId, hours, timeZone);
}

async function shopTimeZone(client: pg.ClientBase, shopId: number): Promise<string> {
  const { rows } = await client.query<{ time_zone: string }>('SELECT time_zone FROM shops WHERE id = $1', [
    shopId,
  ]);
  if (!rows[0]) throw new Error(`Cannot refresh the rollups of shop ${shopId}: no such shop.`);
  return rows[0].time_zone;
}

/**
 * Re-sums the SKU daily rollup for every local day the window touches, from the hourly rollup just
 * refreshed: the whole of each such day, so a day partly outside the window keeps its other hours.
 */
async function refreshSkuDailyRollup(
  client: pg.ClientBase,
  shopId: number,
  window: HourWindow,
  timeZone: string,
): Promise<void> {
  const { rows } = await client.query<{ first_day: string; last_day: string }>(
    `SELECT (date_trunc('hour', $1::timestamptz) AT TIME ZONE $3)::date::text AS first_day,
            (($2::timestamptz - interval '1 millisecond') AT TIME ZONE $3)::date::text AS last_day`,
    [window.from, window.to, timeZone],
  );
  const days = rows[0]!;
  if (days.last_day < days.first_day) return;
  const params = [shopId, days.first_day, days.last_day, timeZone];
  await client.query(
    'DELETE FROM sku_daily_rollup WHERE shop_id = $1 AND day >= $2::date AND day <= $3::date',
    params.slice(0, 3),
  );
  await client.query(
    `INSERT INTO sku_daily_rollup (shop_id, day, sku_id, gmv_cents, paid_orders, units)
     SELECT $1, (hour AT TIME ZONE $4)::date, sku_id, sum(gmv_cents), sum(paid_orders), sum(units)
     FROM sku_hourly_rollup
     WHERE shop_id = $1 AND hour >= ($2::date::timestamp AT TIME ZONE $4) AND hour < (($3::date + 1)::timestamp AT TIME ZONE $4)
     GROUP BY 2, 3`,
    params,
  );
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
