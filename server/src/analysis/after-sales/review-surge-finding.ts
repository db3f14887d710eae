// Turns a negative-review surge into a finding: the counts, what the texts complain about, replies
// in the reviewers' languages with a goodwill coupon, and a quality case when the product is at fault.
import type { CandidateStrategy, Finding, Severity } from '@zhanggui/shared';
import type { DailyCount, ExcessWindow } from '../shared/excess-window.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import { toIsoWindow, type Window } from '../shared/shop-time.js';
import { marginRatio, type SkuFacts } from '../shared/sku-facts.js';
import { ASPECT_LABELS, type AspectCount } from '../text/aspects.js';
import type { TextLanguage } from '../text/segment.js';
import type { AnalysisContext } from '../types.js';
import { compensationCouponCents } from './compensation.js';
import { suggestReply } from './review-replies.js';

/** Share of complainers' future purchases a prompt reply and coupon keeps; an assumption, stated in the risk note. */
export const REPLY_RECOVERY_SHARE = 0.2;
const MAX_REVIEWS_PER_REPLY_BATCH = 50;
const PRODUCT_ASPECTS = new Set(['quality', 'fit', 'appearance']);

export interface WindowReview {
  id: string;
  rating: number;
  text: string;
  language: TextLanguage;
  isTextNegative: boolean;
  isComplaint: boolean;
  orderTotalCents: number | null;
}

export interface ReviewSurgeInput {
  sku: SkuFacts;
  series: DailyCount[];
  spike: ExcessWindow;
  window: Window;
  reviews: WindowReview[];
  themes: AspectCount[];
}

export function reviewSurgeFinding(context: AnalysisContext, input: ReviewSurgeInput): Finding {
  const { sku, series, spike, reviews, themes } = input;
  const ratio = spike.observed / spike.expected;
  const severity: Severity = ratio >= 3 && spike.observed >= 15 ? 'high' : ratio >= 2 ? 'medium' : 'low';
  const withText = reviews.filter((r) => r.text.trim() !== '');
  const textNegativeShare =
    withText.length > 0 ? withText.filter((r) => r.isTextNegative).length / withText.length : null;
  const complaints = reviews.filter((r) => r.isComplaint);
  const top = themes[0] ?? null;
  const orderValues = complaints.map((r) => r.orderTotalCents ?? sku.priceCents);
  const meanOrderCents =
    orderValues.length > 0 ? orderValues.reduce((a, b) => a + b, 0) / orderValues.length : sku.priceCents;
  const couponCents = compensationCouponCents(meanOrderCents);
  const couponText = formatMoney(couponCents, context.currency);
  const replyGmv = impactRange(complaints.length * meanOrderCents * REPLY_RECOVERY_SHARE, 0.6);
  const margin = marginRatio(sku);
  const entity = { kind: 'sku' as const, id: String(sku.skuId), label: sku.label };
  const strategies: CandidateStrategy[] = [
    {
      kind: 'reply-to-reviews',
      title: `Reply to ${Math.min(complaints.length, MAX_REVIEWS_PER_REPLY_BATCH)} negative reviews of ${sku.label} with a ${couponText} coupon`,
      params: {
        skuId: String(sku.skuId),
        reviewIds: complaints.slice(0, MAX_REVIEWS_PER_REPLY_BATCH).map((r) => r.id),
        replyZh: suggestReply('zh', top?.aspect ?? null, couponText),
        replyEn: suggestReply('en', top?.aspect ?? null, couponText),
        couponCents,
      },
      expectedImpact: {
        gmvCents: replyGmv,
        profitCents: profitRange(replyGmv, margin, couponCents * complaints.length * 0.3),
      },
      risk: {
        level: 'low',
        note: `Assumes a reply and coupon keep ${formatPercent(REPLY_RECOVERY_SHARE)} of the complainers' next purchase and 30% redeem the coupon.`,
      },
    },
  ];
  if (top && PRODUCT_ASPECTS.has(top.aspect)) {
    const caseGmv = impactRange((spike.observed - spike.expected) * meanOrderCents * 0.5, 0.6);
    strategies.push({
      kind: 'open-quality-case',
      title: `Open a quality case for ${sku.label}: ${formatPercent(top.share)} of complaints are about ${ASPECT_LABELS[top.aspect].en}`,
      params: { skuId: String(sku.skuId), aspect: top.aspect, complaints: complaints.length },
      expectedImpact: { gmvCents: caseGmv, profitCents: profitRange(caseGmv, margin) },
      risk: { level: 'low', note: 'Needs the supplier to act; the gain comes in later batches.' },
    });
  }
  const from = series[spike.start]!.day;
  const to = series[spike.end - 1]!.day;
  const themeText = top
    ? `, most about ${ASPECT_LABELS[top.aspect].en} (${ASPECT_LABELS[top.aspect].zh}, ${formatPercent(top.share)})`
    : '';
  return {
    id: buildFindingId('after-sales', 'negative-review-surge', [entity], from),
    specialist: 'after-sales',
    type: 'negative-review-surge',
    severity,
    title: `Negative reviews of ${sku.label} surged to ${formatPercent(spike.observed / spike.exposure)} of reviews`,
    summary: `${spike.observed} of ${spike.exposure} reviews from ${from} to ${to} (${context.timeZone}) were rated ${'≤'}2 stars, against ${spike.expected.toFixed(1)} expected at the usual share${themeText}.`,
    entities: [entity],
    window: toIsoWindow(input.window),
    evidence: {
      figures: [
        {
          key: 'negativeReviews',
          label: 'Reviews rated 1–2 stars',
          value: spike.observed,
          baseline: Math.round(spike.expected * 100) / 100,
          baselineLabel: "expected at the SKU's negative share outside the window",
          unit: 'count',
          method: 'count of reviews with rating ≤ 2 created in the window',
        },
        {
          key: 'negativeShare',
          label: 'Share of reviews rated 1–2 stars',
          value: roundRatio(spike.observed / spike.exposure),
          baseline: roundRatio(spike.baselineRate),
          baselineLabel: 'same SKU outside the window, smoothed toward the shop-wide share',
          unit: 'ratio',
          method: 'reviews rated ≤ 2 ÷ all reviews, created in the window',
        },
        {
          key: 'textNegativeShare',
          label: 'Share of review texts the sentiment model reads as negative',
          value: roundRatio(textNegativeShare),
          baseline: null,
          baselineLabel: 'none',
          unit: 'ratio',
          method: 'naive Bayes on character n-grams (zh) or word n-grams (en), non-empty texts in the window',
        },
        {
          key: 'topComplaintShare',
          label: top ? `Complaints about ${ASPECT_LABELS[top.aspect].en}` : 'Complaints about the top theme',
          value: top ? roundRatio(top.share) : null,
          baseline: null,
          baselineLabel: 'none',
          unit: 'ratio',
          method:
            'complaints (≤ 2 stars, or 3 stars with negative text) mentioning the aspect ÷ all complaints',
        },
      ],
      series: [
        {
          key: 'negativeReviewsDaily',
          label: 'Reviews rated 1–2 stars per day',
          unit: 'count',
          points: series.map((d) => ({
            at: d.day,
            value: d.observed,
            baseline: Math.round(d.exposure * spike.baselineRate * 100) / 100,
          })),
        },
      ],
    },
    confidence: Math.round(Math.min(0.95, 1 - Math.exp(-spike.logLikelihoodRatio / 15)) * 100) / 100,
    strategies,
  };
}
