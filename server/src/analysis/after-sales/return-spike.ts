// Return and refund spikes by SKU: refund requests per local day against the refunds the SKU was due
// that day (its earlier sales spread by the shop's refund delay, at its usual rate), scanned for the
// most unusual stretch, over all refunds and over each reason, with the reason that dominates it.
import type { DataGap, Finding } from '@zhanggui/shared';
import { type DailyCount, type ExcessWindow, findExcessWindow } from '../shared/excess-window.js';
import { type LocalDays, localDaysBefore, windowOfDays } from '../shared/local-days.js';
import { loadSkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import { dominantReason, loadRefundReasons } from './refund-reasons.js';
import { type RefundPriors, refundPriorsForSku, sumReturns } from './return-spike-baseline.js';
import { loadReturnSpikeData, type SkuReturns } from './return-spike-data.js';
import { returnSpikeFinding } from './return-spike-finding.js';
import { excessInWindow, priorUnitsFor, unitsDueForRefund } from './return-spike-model.js';

export const RETURN_LOOKBACK_DAYS = 42;
const MIN_REFUNDS_TO_JUDGE = 5;
/** A spike is a burst; a month-long elevation is a different problem (the product itself). */
const MAX_SPIKE_DAYS = 10;
const ALL_REASONS_SCAN = {
  minObserved: MIN_REFUNDS_TO_JUDGE,
  maxDays: MAX_SPIKE_DAYS,
  minRatio: 2,
  minLogLikelihoodRatio: 10,
};
/** A window found by one reason must also show more refunds in all than were due. */
const MIN_RATIO_OF_ALL_REFUNDS = 1.5;
/** Each reason is one more look at the same SKU: a higher bar keeps chance clusters out. */
const ONE_REASON_SCAN = { ...ALL_REASONS_SCAN, minRatio: 3, minLogLikelihoodRatio: 12 };

export interface ReturnSpikeResult {
  findings: Finding[];
  gaps: DataGap[];
}

export interface SkuSpike {
  /** Every refund request of the SKU in the window found, against what was due at its usual rate. */
  window: ExcessWindow;
  series: DailyCount[];
  /** The reason whose own scan found the window; null when all refunds together did. */
  scannedReason: string | null;
  /** Log-likelihood ratio of the scan that found the window. */
  significance: number;
}

export async function detectReturnSpikes(context: AnalysisContext): Promise<ReturnSpikeResult> {
  const lookback = localDaysBefore(context.at, context.timeZone, RETURN_LOOKBACK_DAYS);
  const data = await loadReturnSpikeData(context, lookback, MIN_REFUNDS_TO_JUDGE);
  const shop = sumReturns(data.categories.values());
  if (!shop.units.some((u) => u > 0)) {
    return gap(
      `No units sold in the ${RETURN_LOOKBACK_DAYS} days before ${context.at.toISOString()}: return rates cannot be judged.`,
    );
  }
  const { delayShares } = data;
  if (!delayShares) {
    if (data.skus.size === 0) return { findings: [], gaps: [] };
    return gap(
      'No refund of an order old enough to have had all its refunds yet: the usual delay between order and refund is unknown, so daily refund spikes cannot be judged.',
    );
  }
  const spikes: { skuId: number; spike: SkuSpike }[] = [];
  for (const [skuId, sku] of data.skus) {
    const category = data.categories.get(sku.category);
    const priors = category && refundPriorsForSku(sku, category, shop, delayShares);
    const spike = priors ? findSkuSpike(lookback, sku, priors, delayShares) : null;
    if (spike) spikes.push({ skuId, spike });
  }
  const facts = await loadSkuFacts(
    context,
    spikes.map((s) => s.skuId),
  );
  const findings: Finding[] = [];
  for (const { skuId, spike } of spikes) {
    const sku = facts.get(skuId);
    if (!sku) continue;
    const window = windowOfDays(lookback, spike.window.start, spike.window.end, context.timeZone);
    const reasons = await loadRefundReasons(context, skuId, window, lookback);
    const amount = reasons.reduce((sum, r) => sum + r.amountInWindow, 0);
    findings.push(returnSpikeFinding(context, sku, spike, window, dominantReason(reasons), amount));
  }
  return { findings, gaps: [] };
}

/** The most unusual window over all refunds or over any one reason; null when none clears its bar. */
export function findSkuSpike(
  lookback: LocalDays,
  sku: SkuReturns,
  priors: RefundPriors,
  delayShares: readonly number[],
): SkuSpike | null {
  const due = unitsDueForRefund(sku.units, delayShares);
  const seriesOf = (refunds: readonly number[]): DailyCount[] =>
    lookback.days.map((day, i) => ({ day, observed: refunds[i] ?? 0, exposure: due[i] ?? 0 }));
  const allRefunds = lookback.days.map((_, i) =>
    [...sku.refundsByReason.values()].reduce((sum, days) => sum + (days[i] ?? 0), 0),
  );
  const series = seriesOf(allRefunds);
  const allPrior = { rate: priors.all, units: priorUnitsFor(priors.all) };
  let best: { window: ExcessWindow; reason: string | null } | null = null;
  const all = findExcessWindow(series, {
    priorRate: allPrior.rate,
    priorExposure: allPrior.units,
    ...ALL_REASONS_SCAN,
  });
  if (all) best = { window: all, reason: null };
  for (const [reason, refunds] of sku.refundsByReason) {
    const rate = priors.byReason.get(reason);
    if (!rate || refunds.reduce((a, b) => a + b, 0) < MIN_REFUNDS_TO_JUDGE) continue;
    const window = findExcessWindow(seriesOf(refunds), {
      priorRate: rate,
      priorExposure: priorUnitsFor(rate),
      ...ONE_REASON_SCAN,
    });
    if (window && (!best || window.logLikelihoodRatio > best.window.logLikelihoodRatio))
      best = { window, reason };
  }
  if (!best) return null;
  const window = excessInWindow(series, best.window.start, best.window.end, allPrior);
  // One reason up while the others fell is a change of mix, not more refunds.
  if (window.observed < MIN_RATIO_OF_ALL_REFUNDS * window.expected) return null;
  return { window, series, scannedReason: best.reason, significance: best.window.logLikelihoodRatio };
}

function gap(reason: string): ReturnSpikeResult {
  return { findings: [], gaps: [{ specialist: 'after-sales', check: 'return-spike', reason }] };
}
