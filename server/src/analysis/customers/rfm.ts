// RFM segments: recency, frequency and monetary scores 1–5 by percent rank among the shop's buyers
// (ties share a score, so the many one-order buyers do not spread over several frequency scores).
import type { AnalysisContext } from '../types.js';

export const RFM_LOOKBACK_DAYS = 365;
export const PAID_STATUSES = ['paid', 'shipped', 'delivered', 'refunded'];

export const RFM_SEGMENTS = ['champions', 'loyal', 'new', 'promising', 'at-risk', 'hibernating'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The usual RFM grid, simplified to six segments a merchant acts on differently. */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegment {
  if (recency >= 4 && frequency >= 4) return 'champions';
  if (recency >= 3 && (frequency >= 3 || monetary >= 4)) return 'loyal';
  if (recency >= 4 && frequency <= 1) return 'new';
  if (recency >= 3) return 'promising';
  if (frequency >= 3 || monetary >= 4) return 'at-risk';
  return 'hibernating';
}

export interface RfmSegmentSummary {
  segment: RfmSegment;
  customers: number;
  spendCents: number;
  orders: number;
}

interface ScoreRow extends Record<string, unknown> {
  r: number;
  f: number;
  m: number;
  customers: number;
  spend: number;
  orders: number;
}

/** Customers, spend and orders per RFM segment over the year before the diagnosis moment. */
export async function rfmSegments(context: AnalysisContext): Promise<RfmSegmentSummary[]> {
  const rows = await context.query<ScoreRow>(
    `WITH c AS (
       SELECT customer_id, max(placed_at) AS last_at, count(*) AS orders, sum(total_cents) AS spend
       FROM orders
       WHERE shop_id = $1 AND placed_at < $2 AND placed_at >= $2 - make_interval(days => $3)
         AND customer_id IS NOT NULL AND status::text = ANY($4)
       GROUP BY customer_id
     ),
     scored AS (
       SELECT least(5, 1 + floor(percent_rank() OVER (ORDER BY last_at) * 5))::int AS r,
              least(5, 1 + floor(percent_rank() OVER (ORDER BY orders) * 5))::int AS f,
              least(5, 1 + floor(percent_rank() OVER (ORDER BY spend) * 5))::int AS m,
              orders, spend
       FROM c
     )
     SELECT r, f, m, count(*)::int AS customers, sum(spend)::float8 AS spend, sum(orders)::int AS orders
     FROM scored GROUP BY r, f, m`,
    [context.shopId, context.at, RFM_LOOKBACK_DAYS, PAID_STATUSES],
  );
  const bySegment = new Map<RfmSegment, RfmSegmentSummary>();
  for (const row of rows) {
    const segment = rfmSegment(row.r, row.f, row.m);
    const summary = bySegment.get(segment) ?? { segment, customers: 0, spendCents: 0, orders: 0 };
    summary.customers += row.customers;
    summary.spendCents += row.spend;
    summary.orders += row.orders;
    bySegment.set(segment, summary);
  }
  return RFM_SEGMENTS.flatMap((s) => bySegment.get(s) ?? []);
}
