// Per-SKU traffic is the largest table the analytics read (a row per SKU, source and day): it is read
// once per diagnosis for per-product search and recommendation visits (search gaps, weak titles); the
// per-source daily funnels (source funnel, price-rise baselines) come from its daily rollup.
import type { TrafficSource } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { shareWithinDiagnosis } from '../shared/share.js';
import { addLocalDays, localDate, startOfLocalDay } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

/** Days of per-product sums (a month of search); the per-source funnel covers the whole look-back. */
export const SKU_TRAFFIC_DAYS = 28;

export interface ProductTraffic {
  productId: number;
  title: string;
  category: string;
  skuIds: number[];
  search: number;
  recommendation: number;
  visits: number;
  orders: number;
  /** Orders × list price, a GMV estimate per product. */
  gmv: number;
  cost: number;
  hasAllCosts: boolean;
}

export interface SourceDayFunnel {
  source: TrafficSource;
  day: string;
  impressions: number;
  visits: number;
  addToCart: number;
  orders: number;
}

export interface SkuTraffic {
  /** First local day of the per-product sums (inclusive) and the day of the diagnosis (exclusive). */
  firstDay: string;
  endDay: string;
  products: ProductTraffic[];
  /** Per source and day over the whole look-back (longer than the per-product sums). */
  funnel: SourceDayFunnel[];
}

export async function loadSkuTraffic(context: AnalysisContext, span: DataSpan): Promise<SkuTraffic> {
  const tz = context.timeZone;
  const today = startOfLocalDay(span.asOf, tz);
  const start = addLocalDays(today, -SKU_TRAFFIC_DAYS, tz);
  const spanDay = localDate(span.from, tz);
  const firstDay = localDate(start < span.from ? startOfLocalDay(span.from, tz) : start, tz);
  const endDay = localDate(today, tz);
  // The per-source funnel comes from its daily rollup; the per-product sums are shared (see below).
  const [products, funnel] = await Promise.all([
    loadProductTraffic(context, firstDay, endDay),
    context.query<SourceDayFunnel & Record<string, unknown>>(
      `SELECT source, day::text AS day, impressions, visits, add_to_cart AS "addToCart", orders
       FROM traffic_source_daily WHERE shop_id = $1 AND day >= $2::date AND day < $3::date
       ORDER BY day, source`,
      [context.shopId, spanDay, endDay],
    ),
  ]);
  return { firstDay, endDay, products, funnel };
}

/**
 * Per-product visits by source, orders and list-price GMV over [firstDay, endDay): shared within a
 * diagnosis, since the creatives specialist reads the same month of search for its title checks.
 */
export function loadProductTraffic(
  context: AnalysisContext,
  firstDay: string,
  endDay: string,
): Promise<ProductTraffic[]> {
  return shareWithinDiagnosis(context, `product-traffic:${firstDay}:${endDay}`, () =>
    context.query<ProductTraffic & Record<string, unknown>>(
      `WITH t AS (
         SELECT sku_id,
                sum(visits) FILTER (WHERE source = 'search') AS search,
                sum(visits) FILTER (WHERE source = 'recommendation') AS recommendation,
                sum(visits) AS visits, sum(orders) AS orders
         FROM sku_traffic_daily WHERE shop_id = $1 AND day >= $2::date AND day < $3::date
         GROUP BY sku_id
       )
       SELECT s.product_id AS "productId", p.title, p.category, array_agg(s.id ORDER BY s.id) AS "skuIds",
              coalesce(sum(t.search), 0) AS search, coalesce(sum(t.recommendation), 0) AS recommendation,
              sum(t.visits) AS visits, sum(t.orders) AS orders, sum(t.orders * s.price_cents) AS gmv,
              sum(t.orders * coalesce(s.cost_cents, 0)) AS cost, bool_and(s.cost_cents IS NOT NULL) AS "hasAllCosts"
       FROM t JOIN skus s ON s.shop_id = $1 AND s.id = t.sku_id
       JOIN products p ON p.shop_id = $1 AND p.id = s.product_id
       GROUP BY s.product_id, p.title, p.category`,
      [context.shopId, firstDay, endDay],
    ),
  );
}
