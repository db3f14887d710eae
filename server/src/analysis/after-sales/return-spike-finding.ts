// Turns a detected refund spike into a finding: the figures, the daily series and what to do.
import type { CandidateStrategy, Finding, Severity } from '@zhanggui/shared';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import { toIsoWindow, type Window } from '../shared/shop-time.js';
import { marginRatio, type SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import type { DominantReason } from './refund-reasons.js';
import type { SkuSpike } from './return-spike.js';

const SIZE_REASON = /尺码|尺寸|偏小|偏大|码数|size|fit|small|large/i;

export function returnSpikeFinding(
  context: AnalysisContext,
  sku: SkuFacts,
  found: SkuSpike,
  window: Window,
  reason: DominantReason | null,
  refundAmountInWindowCents: number,
): Finding {
  const { window: spike, series } = found;
  const days = spike.end - spike.start;
  const ratio = spike.observed / spike.expected;
  const severity = returnSpikeSeverity(ratio, spike.observed, reason?.share ?? 0);
  const meanRefundCents = refundAmountInWindowCents / spike.observed;
  const excessPerWeek = ((spike.observed - spike.expected) / days) * 7;
  const gmv = impactRange(excessPerWeek * meanRefundCents, 0.5);
  const profit = profitRange(gmv, marginRatio(sku));
  const entity = { kind: 'sku' as const, id: String(sku.skuId), label: sku.label };
  const reasonText = reason ? `; ${formatPercent(reason.share)} say "${reason.reason}"` : '';
  const strategies: CandidateStrategy[] = [
    {
      kind: 'open-quality-case',
      title: `Open a quality case for ${sku.label} with its supplier${reason ? `: "${reason.reason}"` : ''}`,
      params: {
        skuId: String(sku.skuId),
        reason: reason?.reason ?? null,
        refundRequests: spike.observed,
        windowFrom: window.from.toISOString(),
        windowTo: window.to.toISOString(),
      },
      expectedImpact: { gmvCents: gmv, profitCents: profit },
      risk: { level: 'low', note: 'A supplier case costs time, not sales; the SKU keeps selling meanwhile.' },
    },
  ];
  if (reason && SIZE_REASON.test(reason.reason)) {
    strategies.push({
      kind: 'investigate',
      title: `Correct the size guide of ${sku.label}: ${formatPercent(reason.share)} of its returns say "${reason.reason}"`,
      params: { skuId: String(sku.skuId), action: 'update-size-guide', reason: reason.reason },
      expectedImpact: {
        gmvCents: impactRange(gmv.expected * reason.share, 0.5),
        profitCents: profitRange(impactRange(gmv.expected * reason.share, 0.5), marginRatio(sku)),
      },
      risk: { level: 'low', note: 'Telling buyers to size up may lose a few who wanted the smaller size.' },
    });
  }
  return {
    id: buildFindingId('after-sales', 'return-spike', [entity], series[spike.start]!.day),
    specialist: 'after-sales',
    type: 'return-spike',
    severity,
    title: `Refund requests for ${sku.label} ran ${ratio.toFixed(1)}× the usual rate`,
    summary:
      `${spike.observed} refund requests from ${series[spike.start]!.day} to ${series[spike.end - 1]!.day} (${context.timeZone}) against ${spike.expected.toFixed(1)} expected at the SKU's usual rate` +
      `${reasonText}. Refunds requested: ${formatMoney(refundAmountInWindowCents, context.currency)}.`,
    entities: [entity],
    window: toIsoWindow(window),
    evidence: {
      figures: [
        {
          key: 'refundRequests',
          label: 'Refund requests in the window',
          value: spike.observed,
          baseline: round2(spike.expected),
          baselineLabel: "expected at the SKU's refund rate outside the window",
          unit: 'count',
          method:
            "count of refunds requested in the window; expected = Σ daily units due for refund × the SKU's rate outside the window",
        },
        {
          key: 'refundRate',
          label: 'Refund requests per unit due for refund',
          value: roundRatio(spike.observed / spike.exposure),
          baseline: roundRatio(spike.baselineRate),
          baselineLabel: "same SKU outside the window, smoothed toward its category's rate",
          unit: 'ratio',
          method:
            "requests ÷ units due: each day's units sold spread over the following days by the shop's share of refunds requested 0–14 days after the order",
        },
        {
          key: 'dominantReasonShare',
          label: reason ? `Share saying "${reason.reason}"` : 'Share of the top reason',
          value: reason ? roundRatio(reason.share) : null,
          baseline: reason ? roundRatio(reason.baselineShare) : null,
          baselineLabel: "the same reason's share of the SKU's requests outside the window",
          unit: 'ratio',
          method: 'requests with the top reason ÷ all requests, in the window',
        },
        {
          key: 'refundAmountCents',
          label: 'Refund amount requested in the window',
          value: refundAmountInWindowCents,
          baseline: null,
          baselineLabel: 'none',
          unit: 'cents',
          method: 'sum of amount_cents of refunds requested in the window',
        },
      ],
      series: [
        {
          key: 'refundRequestsDaily',
          label: 'Refund requests per day',
          unit: 'count',
          points: series.map((d) => ({
            at: d.day,
            value: d.observed,
            baseline: round2(d.exposure * spike.baselineRate),
          })),
        },
      ],
    },
    confidence: round2(Math.min(0.95, 1 - Math.exp(-found.significance / 15))),
    strategies,
  };
}

/** A dominant reason share at or above this names one cause the supplier or the page can fix. */
export const DOMINANT_REASON_SHARE = 0.5;

/**
 * High only when the refunds ran far above what was due and most of them give one reason: a wave
 * of mixed reasons after a peak is the peak's ordinary returns, not a product problem.
 */
export function returnSpikeSeverity(ratio: number, observed: number, dominantShare: number): Severity {
  const hasDominantReason = dominantShare >= DOMINANT_REASON_SHARE;
  if (ratio >= 4 && observed >= 15 && hasDominantReason) return 'high';
  if (ratio >= 2 && hasDominantReason) return 'medium';
  return 'low';
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
