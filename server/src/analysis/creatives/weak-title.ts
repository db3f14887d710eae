// Weak titles: listings whose title lacks the keywords the category's best sellers share, confirmed by
// a search-traffic share far below category peers (the traffic gap is what a weak title costs).
import type { DataGap, EntityRef, Finding } from '@zhanggui/shared';
import { loadProductTraffic, SKU_TRAFFIC_DAYS } from '../analytics/sku-traffic.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import { median } from '../shared/robust-stats.js';
import { addLocalDays, localDate, startOfLocalDay } from '../shared/shop-time.js';
import { type SharedKeyword, sharedKeywords, titleCarries } from '../text/title-keywords.js';
import type { AnalysisContext } from '../types.js';
import { reviewTitle, type TitleReview } from './title-quality.js';

/** Four whole weeks, the same month of search the analytics specialist reads (and shares). */
export const TITLE_LOOKBACK_DAYS = SKU_TRAFFIC_DAYS;
const BEST_SELLERS = 5;
const MIN_BEST_SELLERS = 3;
/** A product's search share must be below this fraction of its category's median to count as a gap. */
const SEARCH_GAP_RATIO = 0.4;
const MIN_VISITS = 30;

interface CatalogueRow extends Record<string, unknown> {
  product_id: number;
  title: string;
  category: string;
  sku_ids: number[];
  sku_names: string[];
  gmv: number;
}

interface ProductRow extends CatalogueRow {
  visits: number;
  search_visits: number;
}

export async function detectWeakTitles(
  context: AnalysisContext,
): Promise<{ findings: Finding[]; gaps: DataGap[] }> {
  const today = startOfLocalDay(context.at, context.timeZone);
  const firstDay = localDate(addLocalDays(today, -TITLE_LOOKBACK_DAYS, context.timeZone), context.timeZone);
  const endDay = localDate(today, context.timeZone);
  // GMV and visits over the same whole local days, so GMV per visit compares like with like.
  const [catalogue, traffic] = await Promise.all([
    context.query<CatalogueRow>(
      `WITH g AS (
         SELECT sku_id, sum(gmv_cents)::float8 AS gmv FROM sku_daily_rollup
         WHERE shop_id = $1 AND day >= $2::date AND day < $3::date GROUP BY sku_id
       )
       SELECT p.id AS product_id, p.title, p.category, array_agg(s.id ORDER BY s.id) AS sku_ids,
              array_agg(s.name ORDER BY s.id) AS sku_names, coalesce(sum(g.gmv), 0)::float8 AS gmv
       FROM products p JOIN skus s ON s.shop_id = p.shop_id AND s.product_id = p.id
       LEFT JOIN g ON g.sku_id = s.id
       WHERE p.shop_id = $1
       GROUP BY p.shop_id, p.id ORDER BY p.category, gmv DESC, p.id`,
      [context.shopId, firstDay, endDay],
    ),
    loadProductTraffic(context, firstDay, endDay),
  ]);
  const visitsOf = new Map(traffic.map((t) => [t.productId, t]));
  const rows: ProductRow[] = catalogue.map((row) => ({
    ...row,
    visits: visitsOf.get(row.product_id)?.visits ?? 0,
    search_visits: visitsOf.get(row.product_id)?.search ?? 0,
  }));
  const byCategory = Map.groupBy(rows, (row) => row.category);
  const findings: Finding[] = [];
  const gaps: DataGap[] = [];
  const hasTraffic = rows.some((r) => r.visits > 0);
  for (const [category, products] of byCategory) {
    const sellers = products.filter((p) => p.gmv > 0);
    if (sellers.length < MIN_BEST_SELLERS + 1) continue;
    const shares = products.filter((p) => p.visits >= MIN_VISITS).map((p) => p.search_visits / p.visits);
    const categoryShare = median(shares);
    // Every product outside the top sellers is compared with the same ones: their keywords are found once.
    const keywordsOf = new Map<string, SharedKeyword[]>();
    // Sellers come best first: a product's best sellers are the top ones other than itself.
    const top = sellers.slice(0, BEST_SELLERS + 1);
    for (const product of products) {
      const best = top.filter((p) => p.product_id !== product.product_id).slice(0, BEST_SELLERS);
      const titles = best.map((p) => p.title);
      const bestKey = best.map((p) => p.product_id).join(',');
      const keywords = keywordsOf.get(bestKey) ?? sharedKeywords(titles);
      keywordsOf.set(bestKey, keywords);
      if (keywords.every((k) => titleCarries(product.title, k.keyword))) continue;
      const review = reviewTitle(product.title, titles, keywords);
      const share = product.visits >= MIN_VISITS ? product.search_visits / product.visits : null;
      const hasSearchGap =
        share !== null && categoryShare !== null && share < SEARCH_GAP_RATIO * categoryShare;
      if (hasTraffic ? !hasSearchGap : review.missingKeywords.length < 2) continue;
      findings.push(weakTitleFinding(context, product, category, review, share, categoryShare, best.length));
    }
  }
  if (rows.length === 0) {
    gaps.push({ specialist: 'creatives', check: 'weak-title', reason: 'The shop has no products.' });
  }
  return { findings, gaps };
}

function weakTitleFinding(
  context: AnalysisContext,
  product: ProductRow,
  category: string,
  review: TitleReview,
  share: number | null,
  categoryShare: number | null,
  bestSellerCount: number,
): Finding {
  const keywords = review.missingKeywords.map((k) => k.keyword);
  const entities: EntityRef[] = [
    { kind: 'product', id: String(product.product_id), label: product.title },
    ...product.sku_ids.map((id, i) => ({
      kind: 'sku' as const,
      id: String(id),
      label: `${product.title} ${product.sku_names[i]}`,
    })),
  ];
  // If search reached the category's share, the extra search visits convert like the product's other visits.
  let weeklyGain = 0;
  if (share !== null && categoryShare !== null && categoryShare < 1 && product.visits > 0) {
    const otherVisits = product.visits - product.search_visits;
    const extraVisits = Math.max(
      0,
      (otherVisits * categoryShare) / (1 - categoryShare) - product.search_visits,
    );
    weeklyGain = ((extraVisits * (product.gmv / product.visits)) / TITLE_LOOKBACK_DAYS) * 7;
  }
  const gmv = impactRange(weeklyGain * 0.5, 0.6);
  const hasGap = share !== null && categoryShare !== null;
  return {
    id: buildFindingId('creatives', 'weak-title', [entities[0]!]),
    specialist: 'creatives',
    type: 'weak-title',
    severity: hasGap && review.missingKeywords.some((k) => k.coverage === 1) ? 'high' : 'medium',
    title: `Title of "${product.title}" lacks ${keywords.join('、')}`,
    summary:
      `${bestSellerCount} best sellers in ${category} carry ${keywords.join('、')}; this title does not` +
      (hasGap
        ? `, and search brings ${formatPercent(share)} of its visits against ${formatPercent(categoryShare)} for the category.`
        : '.') +
      ` Suggested: "${review.rewrittenZh}" / "${review.rewrittenEn}".`,
    entities,
    window: {
      from: new Date(context.at.getTime() - TITLE_LOOKBACK_DAYS * 86_400_000).toISOString(),
      to: context.at.toISOString(),
    },
    evidence: {
      figures: [
        {
          key: 'missingKeywords',
          label: 'Best-seller keywords missing from the title',
          value: keywords.length,
          baseline: 0,
          baselineLabel: `keywords carried by ≥ 80% of the category's top ${bestSellerCount} sellers (GMV, ${TITLE_LOOKBACK_DAYS} days)`,
          unit: 'count',
          method: 'shared character runs (zh) or words (en) of best-seller titles, not found in this title',
        },
        {
          key: 'searchShare',
          label: 'Search share of visits',
          value: roundRatio(share),
          baseline: roundRatio(categoryShare),
          baselineLabel: 'median over the category’s products with ≥ 30 visits',
          unit: 'ratio',
          method: `search visits ÷ all visits, sku_traffic_daily, ${TITLE_LOOKBACK_DAYS} days`,
        },
        {
          key: 'titleLength',
          label: 'Title length',
          value: review.length,
          baseline: null,
          baselineLabel: 'zh 12–30 characters, en 25–150',
          unit: 'count',
          method: review.lengthIssue ?? 'within range',
        },
      ],
      series: [],
    },
    confidence: hasGap ? 0.8 : 0.5,
    strategies: [
      {
        kind: 'rewrite-title',
        title: `Rewrite the title with ${keywords.join('、')}: "${review.rewrittenZh}"`,
        params: {
          productId: String(product.product_id),
          keywords,
          titleZh: review.rewrittenZh,
          titleEn: review.rewrittenEn,
          repeatedWords: review.repeatedWords,
        },
        expectedImpact: { gmvCents: gmv, profitCents: null },
        risk: {
          level: 'low',
          note: 'A retitled listing can lose its ranking for a few days while search re-indexes it.',
        },
      },
    ],
  };
}
