// Per-SKU traffic is the largest table the analytics read (a row per SKU, source and day), so it is
// scanned once for both uses: per-product search and recommendation visits (search gaps) and per-source
// daily funnels (source funnel).
import type { TrafficSource } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
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
  const [row] = await context.query<{ products: ProductTraffic[] | null; funnel: SourceDayFunnel[] | null }>(
    `WITH g AS (
       SELECT sku_id, source, day,
              sum(visits) FILTER (WHERE source = 'search' AND day >= $2::date) AS search,
              sum(visits) FILTER (WHERE source = 'recommendation' AND day >= $2::date) AS recommendation,
              sum(visits) FILTER (WHERE day >= $2::date) AS sku_visits,
              sum(orders) FILTER (WHERE day >= $2::date) AS sku_orders,
              sum(impressions) AS impressions, sum(visits) AS visits, sum(add_to_cart) AS add_to_cart, sum(orders) AS orders
       FROM sku_traffic_daily WHERE shop_id = $1 AND day >= $4::date AND day < $3::date
       GROUP BY GROUPING SETS ((sku_id), (source, day))
     ),
     products AS (
       SELECT s.product_id AS "productId", p.title, p.category, array_agg(s.id ORDER BY s.id) AS "skuIds",
              coalesce(sum(g.search), 0) AS search, coalesce(sum(g.recommendation), 0) AS recommendation,
              coalesce(sum(g.sku_visits), 0) AS visits, coalesce(sum(g.sku_orders), 0) AS orders,
              coalesce(sum(g.sku_orders * s.price_cents), 0) AS gmv,
              coalesce(sum(g.sku_orders * coalesce(s.cost_cents, 0)), 0) AS cost,
              bool_and(s.cost_cents IS NOT NULL) AS "hasAllCosts"
       FROM g JOIN skus s ON s.shop_id = $1 AND s.id = g.sku_id
       JOIN products p ON p.shop_id = $1 AND p.id = s.product_id
       WHERE g.sku_id IS NOT NULL
       GROUP BY s.product_id, p.title, p.category
     )
     SELECT (SELECT json_agg(products) FROM products) AS products,
            (SELECT json_agg(json_build_object('source', source, 'day', day, 'impressions', impressions, 'visits', visits,
                                               'addToCart', add_to_cart, 'orders', orders) ORDER BY day, source)
             FROM g WHERE sku_id IS NULL) AS funnel`,
    [context.shopId, firstDay, endDay, spanDay],
  );
  return { firstDay, endDay, products: row?.products ?? [], funnel: row?.funnel ?? [] };
}
