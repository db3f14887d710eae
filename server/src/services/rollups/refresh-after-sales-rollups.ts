// Daily after-sales rollups: parcels per warehouse by the local day they were due to ship, and
// reviews per SKU by local day. Every writer of shipments or reviews calls this for the shop in the
// transaction that wrote them (today only the simulator writes either).
import type pg from 'pg';

/** Reviews at or below this rating count as low-rated (the review-surge check's "negative"). */
export const LOW_RATING_MAX = 2;

/** Recomputes both rollups of one shop from its raw rows, in the shop's time zone. */
export async function refreshAfterSalesRollups(
  client: pg.ClientBase,
  shopId: number,
  timeZone: string,
): Promise<void> {
  await client.query('DELETE FROM shipment_daily WHERE shop_id = $1', [shopId]);
  // Quarter hours first (hashed, few groups), then local days: a local midnight falls on a quarter hour.
  await client.query(
    `INSERT INTO shipment_daily (shop_id, day, warehouse_id, due, shipped_late, unshipped)
     SELECT $1, (quarter AT TIME ZONE $2)::date, warehouse_id, sum(due), sum(shipped_late), sum(unshipped)
     FROM (
       SELECT warehouse_id, date_bin('15 minutes', promised_at, TIMESTAMPTZ '2000-01-01Z') AS quarter,
              count(*) AS due, count(*) FILTER (WHERE shipped_at > promised_at) AS shipped_late,
              count(*) FILTER (WHERE shipped_at IS NULL) AS unshipped
       FROM shipments WHERE shop_id = $1
       GROUP BY 1, 2
     ) q
     GROUP BY 2, 3`,
    [shopId, timeZone],
  );
  await client.query('DELETE FROM sku_review_daily WHERE shop_id = $1', [shopId]);
  await client.query(
    `INSERT INTO sku_review_daily (shop_id, day, sku_id, reviews, low_rated)
     SELECT $1, (quarter AT TIME ZONE $2)::date, sku_id, sum(reviews), sum(low_rated)
     FROM (
       SELECT sku_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01Z') AS quarter,
              count(*) AS reviews, count(*) FILTER (WHERE rating <= $3) AS low_rated
       FROM reviews WHERE shop_id = $1 AND sku_id IS NOT NULL
       GROUP BY 1, 2
     ) q
     GROUP BY 2, 3`,
    [shopId, timeZone, LOW_RATING_MAX],
  );
}
