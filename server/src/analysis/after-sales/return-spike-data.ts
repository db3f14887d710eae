// What the return-spike check reads, aggregated in SQL: the shop's refund delays, and per SKU (those
// with enough refunds to judge) and per category the units sold and refunds requested by local day.
import type { LocalDays } from '../shared/local-days.js';
import { localDaysBefore } from '../shared/local-days.js';
import { localDateStart } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { type DelayCount, refundDelayShares } from './return-spike-model.js';

/** Refunds later than this after the order say little about a given day and are left out of the delays. */
export const MAX_REFUND_DELAY_DAYS = 14;

export interface SkuReturns {
  category: string;
  /** Units sold per day of `salesDays` (the lookback and the MAX_REFUND_DELAY_DAYS before it). */
  units: number[];
  /** Refund requests per day of the lookback, by reason. */
  refundsByReason: Map<string, number[]>;
}

export interface GroupReturns {
  /** Units sold per day of `salesDays`. */
  units: number[];
  /** Refund requests in the lookback, by reason. */
  refundsByReason: Map<string, number>;
}

export interface ReturnSpikeData {
  /** Days the units are counted over: the lookback's days preceded by MAX_REFUND_DELAY_DAYS days. */
  salesDays: LocalDays;
  /** Share of refunds requested k days after the order; null when the shop has no refund yet. */
  delayShares: number[] | null;
  skus: Map<number, SkuReturns>;
  categories: Map<string, GroupReturns>;
}

/**
 * One series per row, as day offsets from the first sales day with their counts: a few thousand rows
 * instead of one per SKU, reason and day.
 */
interface SeriesRow extends Record<string, unknown> {
  kind: 'sku-units' | 'sku-refunds' | 'category-units' | 'category-refunds';
  /** SKU id or category. */
  key: string;
  category: string;
  /** Null on units. */
  reason: string | null;
  /** Days after the first sales day; empty on a category's refunds, counted over the whole lookback. */
  days: number[];
  counts: number[];
}

export async function loadReturnSpikeData(
  context: AnalysisContext,
  lookback: LocalDays,
  minRefundsToJudge: number,
): Promise<ReturnSpikeData> {
  const salesDays = localDaysBefore(
    context.at,
    context.timeZone,
    lookback.days.length + MAX_REFUND_DELAY_DAYS,
  );
  const { shopId, timeZone } = context;
  // Only orders old enough for all their refunds to have arrived, so recent orders do not bias the
  // delays toward short ones.
  const delaysRead = context.query<DelayCount & Record<string, unknown>>(
    `SELECT ((r.requested_at AT TIME ZONE $4)::date - (o.placed_at AT TIME ZONE $4)::date) AS "lagDays",
            count(*)::int AS refunds
     FROM refunds r JOIN orders o ON o.shop_id = r.shop_id AND o.id = r.order_id
     WHERE r.shop_id = $1 AND o.placed_at >= $2 AND o.placed_at < $5 AND r.requested_at < $3
     GROUP BY 1`,
    [
      shopId,
      salesDays.from,
      context.at,
      timeZone,
      new Date(context.at.getTime() - MAX_REFUND_DELAY_DAYS * 86_400_000),
    ],
  );
  // Units by SKU and local day come from the daily rollup; only the day of `at`, which may be partial,
  // is summed from the hourly rollup up to `at`.
  const today = salesDays.days.at(-1)!;
  // Two reads side by side: every category's units, and the candidate SKUs' units and refunds.
  const saleDays = () => `
       SELECT sku_id, day, units FROM sku_daily_rollup
       WHERE shop_id = $1 AND day >= $2::date AND day < $3::date
       UNION ALL
       SELECT sku_id, $3::date, sum(units)::int FROM sku_hourly_rollup
       WHERE shop_id = $1 AND hour >= $4 AND hour < $5
       GROUP BY sku_id`;
  const dayParams = [shopId, salesDays.days[0], today, localDateStart(today, timeZone), context.at];
  const categoryRead = context.query<SeriesRow>(
    `WITH category_days AS (
       SELECT p.category, d.day, sum(d.units)::int AS units
       FROM (${saleDays()}) d
       JOIN skus s ON s.shop_id = $1 AND s.id = d.sku_id
       JOIN products p ON p.shop_id = $1 AND p.id = s.product_id
       GROUP BY 1, 2
     )
     SELECT 'category-units' AS kind, category AS key, category, NULL AS reason,
            array_agg(day - $2::date) AS days, array_agg(units) AS counts
     FROM category_days GROUP BY category`,
    dayParams,
  );
  const skuRead = context.query<SeriesRow>(
    `WITH refund_days AS MATERIALIZED (
       SELECT sku_id, (requested_at AT TIME ZONE $7)::date AS day, reason, count(*)::int AS refunds
       FROM refunds WHERE shop_id = $1 AND requested_at >= $6 AND requested_at < $5 AND sku_id IS NOT NULL
       GROUP BY 1, 2, 3
     ),
     sku_categories AS MATERIALIZED (
       SELECT s.id AS sku_id, p.category
       FROM skus s JOIN products p ON p.shop_id = s.shop_id AND p.id = s.product_id
       WHERE s.shop_id = $1
     ),
     candidates AS MATERIALIZED (
       SELECT sku_id FROM refund_days GROUP BY sku_id HAVING sum(refunds) >= $8
     )
     SELECT 'sku-units' AS kind, sku_id::text AS key, min(c.category) AS category, NULL AS reason,
            array_agg(day - $2::date) AS days, array_agg(units) AS counts
     FROM (${saleDays()}) d JOIN candidates USING (sku_id) JOIN sku_categories c USING (sku_id)
     GROUP BY sku_id
     UNION ALL
     SELECT 'sku-refunds', sku_id::text, min(c.category), reason, array_agg(day - $2::date), array_agg(refunds)
     FROM refund_days JOIN candidates USING (sku_id) JOIN sku_categories c USING (sku_id)
     GROUP BY sku_id, reason
     UNION ALL
     SELECT 'category-refunds', c.category, c.category, reason, '{}', ARRAY[sum(refunds)::int]
     FROM refund_days JOIN sku_categories c USING (sku_id) GROUP BY c.category, reason`,
    [...dayParams, lookback.from, timeZone, minRefundsToJudge],
  );
  const [delays, categoryRows, skuRows] = await Promise.all([delaysRead, categoryRead, skuRead]);
  const rows = [...categoryRows, ...skuRows];
  // The lookback is the sales days' last stretch: its day i is sales day i + MAX_REFUND_DELAY_DAYS.
  const lookbackOffset = salesDays.days.length - lookback.days.length;
  const skus = new Map<number, SkuReturns>();
  const categories = new Map<string, GroupReturns>();
  const skuOf = (row: SeriesRow) => {
    const skuId = Number(row.key);
    let sku = skus.get(skuId);
    if (!sku) {
      sku = { category: row.category, units: zeros(salesDays.days.length), refundsByReason: new Map() };
      skus.set(skuId, sku);
    }
    return sku;
  };
  const categoryOf = (row: SeriesRow) => {
    let category = categories.get(row.key);
    if (!category) {
      category = { units: zeros(salesDays.days.length), refundsByReason: new Map() };
      categories.set(row.key, category);
    }
    return category;
  };
  for (const row of rows) {
    if (row.kind === 'sku-units') addSeries(skuOf(row).units, row, 0);
    else if (row.kind === 'category-units') addSeries(categoryOf(row).units, row, 0);
    else if (row.kind === 'sku-refunds') {
      const sku = skuOf(row);
      const refunds = sku.refundsByReason.get(row.reason!) ?? zeros(lookback.days.length);
      addSeries(refunds, row, lookbackOffset);
      sku.refundsByReason.set(row.reason!, refunds);
    } else {
      const category = categoryOf(row);
      category.refundsByReason.set(
        row.reason!,
        (category.refundsByReason.get(row.reason!) ?? 0) + row.counts[0]!,
      );
    }
  }
  return { salesDays, delayShares: refundDelayShares(delays, MAX_REFUND_DELAY_DAYS), skus, categories };
}

function zeros(length: number): number[] {
  return Array<number>(length).fill(0);
}

/** Adds a row's counts to the series at their days (shifted back by `offset`), ignoring days outside it. */
function addSeries(series: number[], row: SeriesRow, offset: number): void {
  row.days.forEach((day, i) => {
    const index = day - offset;
    if (index >= 0 && index < series.length) series[index]! += row.counts[i]!;
  });
}
