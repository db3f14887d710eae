// Keeps the shop's daily funnel by traffic source in step with sku_traffic_daily. Every writer of
// per-SKU traffic calls this for the days it wrote, inside its own transaction.
import type pg from 'pg';

export interface DayRange {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

/** Re-sums traffic_source_daily for the days in the range from the per-SKU rows. */
export async function refreshTrafficSourceRollup(
  client: pg.ClientBase,
  shopId: number,
  days: DayRange,
): Promise<void> {
  const params = [shopId, days.from, days.to];
  await client.query(
    'DELETE FROM traffic_source_daily WHERE shop_id = $1 AND day >= $2::date AND day <= $3::date',
    params,
  );
  await client.query(
    `INSERT INTO traffic_source_daily (shop_id, day, source, impressions, visits, add_to_cart, orders)
     SELECT $1, day, source, sum(impressions), sum(visits), sum(add_to_cart), sum(orders)
     FROM sku_traffic_daily
     WHERE shop_id = $1 AND day >= $2::date AND day <= $3::date
     GROUP BY day, source`,
    params,
  );
}

/** The days the shop has per-SKU traffic for; null when it has none. */
export async function skuTrafficDays(client: pg.ClientBase, shopId: number): Promise<DayRange | null> {
  const { rows } = await client.query<{ from: string | null; to: string | null }>(
    'SELECT min(day)::text AS from, max(day)::text AS to FROM sku_traffic_daily WHERE shop_id = $1',
    [shopId],
  );
  const { from, to } = rows[0] ?? {};
  return from && to ? { from, to } : null;
}
