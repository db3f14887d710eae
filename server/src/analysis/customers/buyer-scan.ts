// One pass over every paid order before the diagnosis moment, aggregated per customer in customer order
// (read from the covering index), answers the churn-risk scan, the win-back segment and when each
// customer first ordered (for the new-vs-returning mix). Only the quiet high-value customers (who alone
// can be at churn risk) have their purchase intervals read again, through the same index.
import type { AnalysisContext } from '../types.js';
import { CHURN_MIN_SILENT_DAYS, type ChurnScan, HIGH_VALUE_PERCENT_RANK, isChurnRisk } from './churn-risk.js';
import { PAID_STATUSES, RFM_LOOKBACK_DAYS } from './rfm.js';
import { LAPSED_MAX_DAYS, LAPSED_MIN_DAYS, type LapsedSegment } from './win-back.js';

export interface BuyerScan {
  churn: ChurnScan;
  lapsed: LapsedSegment;
  /** Customers whose first paid order falls in stretch i of the bounds asked for (width_bucket's i). */
  firstOrdersByStretch: Map<number, number>;
  /** Paid orders with a known customer in stretch i. */
  ordersByStretch: Map<number, number>;
}

interface ScanRow extends Record<string, unknown> {
  repeat_customers: number;
  high_value: number;
  median_spend: number | null;
  lapsed_customers: number;
  lapsed_aov: number | null;
  first_orders: Array<{ stretch: number; customers: number }> | null;
  /** Orders per stretch, stretch 1 first. */
  stretch_orders: number[];
  /** The columns below are null on the one row of a shop without a quiet high-value customer. */
  customer_id: number | null;
  name: string | null;
  external_id: string;
  orders: number;
  spend: number;
  last_at: Date;
  median_gap: number;
  silent_days: number;
}

/** `stretchBounds`: ascending times whose stretches count orders and first orders; empty when none are needed. */
export async function scanBuyers(
  context: AnalysisContext,
  stretchBounds: readonly Date[] = [],
): Promise<BuyerScan> {
  // A day short of the churn floor: the exact test runs below on the same numbers as before.
  const quietDays = CHURN_MIN_SILENT_DAYS - 1;
  // Cut-offs are passed as instants: an expression like at − interval would be evaluated per order.
  const daysBefore = (days: number) => new Date(context.at.getTime() - days * 86_400_000);
  // Orders per stretch are counted in the same pass, one column per stretch (there are a handful).
  const stretches = Array.from({ length: Math.max(stretchBounds.length - 1, 0) }, (_, i) => i + 1);
  const stretchCounts = stretches
    .map(
      (i) =>
        `count(*) FILTER (WHERE placed_at >= ($9::timestamptz[])[${i}] AND placed_at < ($9::timestamptz[])[${i + 1}]) AS stretch_${i}`,
    )
    .concat('0 AS no_stretch')
    .join(', ');
  const stretchSums =
    stretches.length > 0
      ? `(SELECT json_build_array(${stretches.map((i) => `sum(stretch_${i})::int`).join(', ')}) FROM c)`
      : `'[]'::json`;
  // Plain counts and sums per customer (an average's state would be an array per customer, and the
  // hash table would spill): each customer's average order is their sum ÷ count afterwards.
  const rows = await context.query<ScanRow>(
    `WITH c AS (
       SELECT customer_id, min(placed_at) AS first_at,
              count(*) FILTER (WHERE placed_at >= $3)::int AS orders,
              (sum(total_cents) FILTER (WHERE placed_at >= $3))::float8 AS spend,
              max(placed_at) FILTER (WHERE placed_at >= $3) AS last_at,
              count(*) FILTER (WHERE placed_at >= $8) AS recent_orders,
              sum(total_cents) FILTER (WHERE placed_at >= $8) AS recent_spend,
              ${stretchCounts}
       FROM orders
       WHERE shop_id = $1 AND placed_at < $2 AND customer_id IS NOT NULL AND status = ANY($4::"OrderStatus"[])
       GROUP BY customer_id
     ),
     ranked AS (
       SELECT customer_id, orders, spend, last_at, percent_rank() OVER (ORDER BY spend)::float8 AS value_rank
       FROM c WHERE orders >= 2
     ),
     summary AS (
       SELECT (SELECT count(*) FROM ranked)::int AS repeat_customers,
              (SELECT count(*) FROM ranked WHERE value_rank >= $5)::int AS high_value,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY spend) FROM ranked)::float8 AS median_spend,
              count(*)::int AS lapsed_customers,
              avg(recent_spend::numeric / recent_orders)::float8 AS lapsed_aov,
              (SELECT json_agg(json_build_object('stretch', stretch, 'customers', customers))
               FROM (SELECT width_bucket(first_at, $9::timestamptz[]) AS stretch, count(*)::int AS customers
                     FROM c GROUP BY 1) f
               WHERE stretch BETWEEN 1 AND cardinality($9::timestamptz[]) - 1) AS first_orders,
              ${stretchSums} AS stretch_orders
       FROM c WHERE recent_orders > 0 AND last_at < $7
     ),
     quiet AS (
       SELECT r.customer_id, cu.name, cu.external_id, r.orders, r.spend, r.last_at,
              extract(epoch FROM $2::timestamptz - r.last_at)::float8 / 86400 AS silent_days,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap)::float8
               FROM (SELECT extract(epoch FROM o.placed_at - lag(o.placed_at) OVER (ORDER BY o.placed_at)) / 86400 AS gap
                     FROM orders o
                     WHERE o.shop_id = $1 AND o.customer_id = r.customer_id AND o.placed_at < $2
                       AND o.placed_at >= $3 AND o.status = ANY($4::"OrderStatus"[])) g
              ) AS median_gap
       FROM ranked r JOIN customers cu ON cu.shop_id = $1 AND cu.id = r.customer_id
       WHERE r.value_rank >= $5 AND r.last_at <= $6
     )
     SELECT s.*, q.* FROM summary s LEFT JOIN quiet q ON true
     ORDER BY q.spend DESC, q.customer_id`,
    [
      context.shopId,
      context.at,
      daysBefore(RFM_LOOKBACK_DAYS),
      PAID_STATUSES,
      HIGH_VALUE_PERCENT_RANK,
      daysBefore(quietDays),
      daysBefore(LAPSED_MIN_DAYS),
      daysBefore(LAPSED_MAX_DAYS),
      // width_bucket needs at least one bound; a lone `at` puts every order in stretch 0, never read.
      stretchBounds.length > 0 ? stretchBounds : [context.at],
    ],
  );
  const summary = rows[0];
  const quiet = rows.filter((r) => r.customer_id !== null);
  return {
    churn: {
      repeatCustomers: summary?.repeat_customers ?? 0,
      highValueRepeatCustomers: summary?.high_value ?? 0,
      medianSpendCents: summary?.median_spend ?? null,
      atRisk: quiet
        .filter((r) => isChurnRisk(r.silent_days, r.median_gap))
        .map((r) => ({
          customerId: r.customer_id!,
          label: r.name ?? r.external_id,
          orders: r.orders,
          spendCents: r.spend,
          lastOrderAt: r.last_at,
          medianIntervalDays: r.median_gap,
          silentDays: r.silent_days,
        })),
    },
    lapsed: { customers: summary?.lapsed_customers ?? 0, averageOrderCents: summary?.lapsed_aov ?? null },
    firstOrdersByStretch: new Map((summary?.first_orders ?? []).map((f) => [f.stretch, f.customers])),
    ordersByStretch: new Map((summary?.stretch_orders ?? []).map((orders, i) => [i + 1, orders ?? 0])),
  };
}
