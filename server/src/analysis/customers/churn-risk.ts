// Churn risk of valuable repeat customers: each customer's silence since the last order against
// their own median interval between orders. A customer with one order has no interval and is not judged.
import type { AnalysisContext } from '../types.js';
import { PAID_STATUSES, RFM_LOOKBACK_DAYS } from './rfm.js';

/** Silent for this many of their own median intervals. */
export const CHURN_INTERVAL_MULTIPLE = 3;
/** …and at least this many days, so a weekly buyer is not "churned" after three quiet weeks of a holiday. */
export const CHURN_MIN_SILENT_DAYS = 14;
/** Valuable = spend at or above this percent rank among repeat customers. */
export const HIGH_VALUE_PERCENT_RANK = 0.8;

export interface ChurnRiskCustomer {
  customerId: number;
  label: string;
  orders: number;
  spendCents: number;
  lastOrderAt: Date;
  medianIntervalDays: number;
  silentDays: number;
}

export interface ChurnScan {
  repeatCustomers: number;
  highValueRepeatCustomers: number;
  atRisk: ChurnRiskCustomer[];
  /** Median spend of a repeat customer over the lookback. */
  medianSpendCents: number | null;
}

interface CustomerRow extends Record<string, unknown> {
  customer_id: number;
  name: string | null;
  external_id: string;
  orders: number;
  spend: number;
  last_at: Date;
  median_gap: number;
  silent_days: number;
  value_rank: number;
}

export async function scanChurnRisk(context: AnalysisContext): Promise<ChurnScan> {
  const rows = await context.query<CustomerRow>(
    `WITH o AS (
       SELECT customer_id, placed_at, total_cents,
              extract(epoch FROM placed_at - lag(placed_at) OVER (PARTITION BY customer_id ORDER BY placed_at)) / 86400 AS gap
       FROM orders
       WHERE shop_id = $1 AND placed_at < $2 AND placed_at >= $2 - make_interval(days => $3)
         AND customer_id IS NOT NULL AND status::text = ANY($4)
     ),
     c AS (
       SELECT customer_id, count(*)::int AS orders, sum(total_cents)::float8 AS spend, max(placed_at) AS last_at,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY gap)::float8 AS median_gap
       FROM o GROUP BY customer_id HAVING count(*) >= 2
     ),
     ranked AS (SELECT *, percent_rank() OVER (ORDER BY spend)::float8 AS value_rank FROM c)
     SELECT r.customer_id, cu.name, cu.external_id, r.orders, r.spend, r.last_at, r.median_gap, r.value_rank,
            extract(epoch FROM $2::timestamptz - r.last_at)::float8 / 86400 AS silent_days
     FROM ranked r JOIN customers cu ON cu.shop_id = $1 AND cu.id = r.customer_id
     WHERE r.value_rank >= $5
     ORDER BY r.spend DESC, r.customer_id`,
    [context.shopId, context.at, RFM_LOOKBACK_DAYS, PAID_STATUSES, HIGH_VALUE_PERCENT_RANK],
  );
  const [counts] = await context.query<{ repeat: number; median_spend: number | null }>(
    `SELECT count(*)::int AS repeat, percentile_cont(0.5) WITHIN GROUP (ORDER BY spend)::float8 AS median_spend
     FROM (SELECT sum(total_cents) AS spend FROM orders
           WHERE shop_id = $1 AND placed_at < $2 AND placed_at >= $2 - make_interval(days => $3)
             AND customer_id IS NOT NULL AND status::text = ANY($4)
           GROUP BY customer_id HAVING count(*) >= 2) x`,
    [context.shopId, context.at, RFM_LOOKBACK_DAYS, PAID_STATUSES],
  );
  const highValue = rows;
  return {
    repeatCustomers: counts?.repeat ?? 0,
    highValueRepeatCustomers: highValue.length,
    medianSpendCents: counts?.median_spend ?? null,
    atRisk: highValue
      .filter((r) => isChurnRisk(r.silent_days, r.median_gap))
      .map((r) => ({
        customerId: r.customer_id,
        label: r.name ?? r.external_id,
        orders: r.orders,
        spendCents: r.spend,
        lastOrderAt: r.last_at,
        medianIntervalDays: r.median_gap,
        silentDays: r.silent_days,
      })),
  };
}

/** Silent for ≥ 3 of the customer's own median intervals and at least 14 days. */
export function isChurnRisk(silentDays: number, medianIntervalDays: number): boolean {
  return silentDays >= Math.max(CHURN_INTERVAL_MULTIPLE * medianIntervalDays, CHURN_MIN_SILENT_DAYS);
}
