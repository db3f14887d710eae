// Negative-review surges by SKU: low-rated reviews per local day against all reviews that day, scanned
// for the stretch where complaints piled up; the window's texts then go through the sentiment model
// and the aspect lexicons to say what customers complain about.
import type { DataGap, Finding } from '@zhanggui/shared';
import { LOW_RATING_MAX } from '../../services/rollups/refresh-after-sales-rollups.js';
import { type DailyCount, findExcessWindow } from '../shared/excess-window.js';
import { fillDays, localDaysBefore, windowOfDays } from '../shared/local-days.js';
import { localDateStart } from '../shared/shop-time.js';
import { loadSkuFacts } from '../shared/sku-facts.js';
import { countAspects } from '../text/aspects.js';
import { detectLanguage } from '../text/segment.js';
import { classifySentiment } from '../text/sentiment-model.js';
import type { AnalysisContext } from '../types.js';
import { reviewSurgeFinding, type WindowReview } from './review-surge-finding.js';

export const REVIEW_LOOKBACK_DAYS = 42;
/** A review rated 1 or 2 stars is a complaint whatever its text says. */
/** The daily rollup counts the same low ratings (LOW_RATING_MAX), so the two stay one number. */
export const NEGATIVE_RATING_MAX = LOW_RATING_MAX;
const MIN_NEGATIVE_TO_JUDGE = 5;
/** Texts read per surge: enough for themes, bounded so a huge shop stays fast. */
const MAX_TEXTS_PER_SURGE = 400;

interface ReviewDayRow extends Record<string, unknown> {
  sku_id: number;
  day: string;
  reviews: number;
  negative: number;
}

interface ReviewRow extends Record<string, unknown> {
  id: string;
  rating: number;
  text: string;
  language: string;
  order_total_cents: number | null;
}

export async function detectNegativeReviewSurges(
  context: AnalysisContext,
): Promise<{ findings: Finding[]; gaps: DataGap[] }> {
  const local = localDaysBefore(context.at, context.timeZone, REVIEW_LOOKBACK_DAYS);
  const today = local.days.at(-1)!;
  // The shop's totals and the candidate SKUs' days are read side by side.
  const [[totals], rows] = await Promise.all([
    context.query<{ reviews: number; negative: number }>(
      `SELECT count(*)::int AS reviews, count(*) FILTER (WHERE rating <= $4)::int AS negative
       FROM reviews WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3`,
      [context.shopId, local.from, local.to, NEGATIVE_RATING_MAX],
    ),
    // Whole days from the daily rollup, today's reviews (before the diagnosis) from the table; the
    // SKUs judged are those with enough low ratings in the whole look-back.
    context.query<ReviewDayRow>(
      `WITH days AS (
         SELECT sku_id, day, reviews, low_rated AS negative
         FROM sku_review_daily WHERE shop_id = $1 AND day >= $6::date AND day < $7::date
         UNION ALL
         SELECT sku_id, $7::date, count(*), count(*) FILTER (WHERE rating <= $4)
         FROM reviews WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND sku_id IS NOT NULL
         GROUP BY sku_id
       ),
       judged AS (
         SELECT sku_id, day, reviews, negative, sum(negative) OVER (PARTITION BY sku_id) AS sku_negative
         FROM days WHERE reviews > 0
       )
       SELECT sku_id, day::text AS day, reviews::int, negative::int FROM judged
       WHERE sku_negative >= $5
       ORDER BY 1, 2`,
      [
        context.shopId,
        localDateStart(today, context.timeZone),
        local.to,
        NEGATIVE_RATING_MAX,
        MIN_NEGATIVE_TO_JUDGE,
        local.days[0],
        today,
      ],
    ),
  ]);
  if (!totals || totals.reviews === 0) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'after-sales',
          check: 'negative-review-surge',
          reason: `No reviews in the ${REVIEW_LOOKBACK_DAYS} days before ${context.at.toISOString()}.`,
        },
      ],
    };
  }
  const priorRate = Math.max(totals.negative / totals.reviews, 0.01);
  const bySku = Map.groupBy(rows, (row) => row.sku_id);
  const surges = [];
  for (const [skuId, skuRows] of bySku) {
    const series: DailyCount[] = fillDays(
      local,
      skuRows.map((r) => ({ day: r.day, observed: r.negative, exposure: r.reviews })),
      (day) => ({ day, observed: 0, exposure: 0 }),
    );
    const spike = findExcessWindow(series, {
      priorRate,
      priorExposure: 20,
      minObserved: MIN_NEGATIVE_TO_JUDGE,
      minRatio: 2,
      minLogLikelihoodRatio: 10,
    });
    if (spike) surges.push({ skuId, series, spike });
  }
  const facts = await loadSkuFacts(
    context,
    surges.map((s) => s.skuId),
  );
  // Each surge reads its own window's texts: independent queries, run side by side.
  const judged = await Promise.all(
    surges.map(async ({ skuId, series, spike }) => {
      const sku = facts.get(skuId);
      if (!sku) return null;
      const window = windowOfDays(local, spike.start, spike.end, context.timeZone);
      const texts = await context.query<ReviewRow>(
        `SELECT r.id::text AS id, r.rating, r.text, r.language, o.total_cents AS order_total_cents
       FROM reviews r LEFT JOIN orders o ON o.shop_id = r.shop_id AND o.id = r.order_id
       WHERE r.shop_id = $1 AND r.sku_id = $2 AND r.created_at >= $3 AND r.created_at < $4
       ORDER BY r.rating, r.created_at, r.id LIMIT $5`,
        [context.shopId, skuId, window.from, window.to, MAX_TEXTS_PER_SURGE],
      );
      const reviews: WindowReview[] = texts.map((r) => {
        const language = detectLanguage(r.text, r.language);
        const judgement = classifySentiment(r.text, language);
        return {
          id: r.id,
          rating: r.rating,
          text: r.text,
          language,
          isTextNegative: r.text.trim() !== '' && judgement.isNegative,
          isComplaint: r.rating <= NEGATIVE_RATING_MAX || (r.rating === 3 && judgement.isNegative),
          orderTotalCents: r.order_total_cents,
        };
      });
      const complaints = reviews.filter((r) => r.isComplaint);
      return reviewSurgeFinding(context, {
        sku,
        series,
        spike,
        window,
        reviews,
        themes: countAspects(complaints),
      });
    }),
  );
  const findings: Finding[] = judged.filter((f) => f !== null);
  return { findings, gaps: [] };
}
