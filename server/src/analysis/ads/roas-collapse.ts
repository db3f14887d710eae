// ROAS collapse: the stretch of days where a campaign's conversions per click fell far below its own
// rate outside it, after moving that rate by how the other campaigns' conversion moved each day (a
// promotion day lifts every campaign; only a fall beyond that is this campaign's problem).
import type { Finding } from '@zhanggui/shared';
import { type DeficitWindow, findDeficitWindow } from '../shared/deficit-window.js';
import { figure, series } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney } from '../shared/money.js';
import { safeRatio } from '../shared/ratios.js';
import { localDateStart, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { type AdData, type CampaignDay, type CampaignInfo, campaignMetrics, sumDays } from './ad-data.js';

/**
 * A campaign selling a dear SKU converts about once a day, so six silent days are all the evidence
 * there is: the scan accepts a smaller expected count but demands a deep fall (≤ 30% of expected).
 * Six zero days against 5.7 expected give a log-likelihood ratio of 5.7 (p ≈ 0.003).
 */
const COLLAPSE_SCAN = { minExpected: 5, maxRatio: 0.3, minLogLikelihoodRatio: 5.5 };
/** An ongoing collapse is high severity only on evidence this strong. */
const STRONG_EVIDENCE_LLR = 12;

export interface RoasCollapse {
  campaign: CampaignInfo;
  window: DeficitWindow;
  isOngoing: boolean;
}

/**
 * How well the other campaigns converted each day against their own usual rates: observed conversions
 * over what each would have converted at its overall rate. Judging each campaign by its own rate keeps
 * the index steady when campaigns start or stop (a pooled rate would move with the mix). 1 on days
 * the others had no clicks.
 */
export function peerConversionIndex(data: AdData, campaignId: number): number[] {
  const all = conversionTotals(data);
  const own = data.daily.get(campaignId);
  const ownRate = all.rates.get(campaignId) ?? 0;
  return data.days.map((_, d) => {
    const observed = all.observed[d]! - (own?.[d]?.conversions ?? 0);
    const expected = all.expected[d]! - (own?.[d]?.clicks ?? 0) * ownRate;
    // The subtraction can leave a rounding crumb where the other campaigns had no clicks.
    return expected > 1e-9 ? observed / expected : 1;
  });
}

/** Every campaign's conversion rate, and per day the conversions and clicks × rate summed over all. */
const totalsByData = new WeakMap<
  AdData,
  { rates: Map<number, number>; observed: number[]; expected: number[] }
>();

function conversionTotals(data: AdData) {
  let totals = totalsByData.get(data);
  if (totals) return totals;
  const rates = new Map<number, number>();
  for (const [id, days] of data.daily) {
    const sums = sumDays(days);
    rates.set(id, safeRatio(sums.conversions, sums.clicks) ?? 0);
  }
  const observed = data.days.map(() => 0);
  const expected = data.days.map(() => 0);
  for (const [id, days] of data.daily) {
    const rate = rates.get(id)!;
    days.forEach((day, d) => {
      observed[d]! += day.conversions;
      expected[d]! += day.clicks * rate;
    });
  }
  totals = { rates, observed, expected };
  totalsByData.set(data, totals);
  return totals;
}

export function detectRoasCollapses(data: AdData): RoasCollapse[] {
  const collapses: RoasCollapse[] = [];
  for (const campaign of data.campaigns) {
    const days = data.daily.get(campaign.id)!;
    if (days.every((d) => d.spendCents === 0)) continue;
    const index = peerConversionIndex(data, campaign.id);
    const window = findDeficitWindow(
      days.map((d, i) => ({ observed: d.conversions, exposure: d.clicks * index[i]! })),
      COLLAPSE_SCAN,
    );
    if (window) collapses.push({ campaign, window, isOngoing: window.end === days.length });
  }
  return collapses;
}

export function roasCollapseFinding(
  context: AnalysisContext,
  data: AdData,
  collapse: RoasCollapse,
  asOf: Date,
): Finding {
  const { campaign, window } = collapse;
  const money = (cents: number) => formatMoney(cents, context.currency);
  const days = data.daily.get(campaign.id)!;
  const inside = days.slice(window.start, window.end);
  // Judged like a person would: the week before the collapse, or the week after when it starts the look-back.
  const before = days.slice(Math.max(0, window.start - 7), window.start).filter((d) => d.spendCents > 0);
  const baselineDays = before.length >= 3 ? before : days.slice(window.end, window.end + 7);
  const baselineLabel = before.length >= 3 ? 'the 7 days before' : 'the 7 days after';
  const now = campaignMetrics(sumDays(inside));
  const base = campaignMetrics(sumDays(baselineDays));
  const spend = sumDays(inside).spendCents;
  const revenue = sumDays(inside).revenueCents;
  const wasted = base.roas ? Math.max(0, spend - revenue / base.roas) : 0;
  const from = localDateStart(inside[0]!.day, context.timeZone);
  const to = window.end < days.length ? localDateStart(days[window.end]!.day, context.timeZone) : asOf;
  const entities = [{ kind: 'campaign' as const, id: String(campaign.id), label: campaign.name }];
  const perDaySpend = spend / inside.length;
  const best = bestOtherCampaign(data, campaign.id);
  const strategies: Finding['strategies'] = collapse.isOngoing
    ? [
        {
          kind: 'pause-campaign',
          title: `Pause ${campaign.name} until its conversion recovers`,
          params: { campaignId: String(campaign.id) },
          expectedImpact: {
            gmvCents: impactRange(-(revenue / inside.length) * 7, 0.3),
            profitCents:
              campaign.marginRatio === null
                ? null
                : impactRange((perDaySpend - (revenue / inside.length) * campaign.marginRatio) * 7, 0.3),
          },
          risk: { level: 'medium', note: 'Loses the little revenue it still brings; impact over 7 days.' },
        },
        ...(best
          ? [
              {
                kind: 'shift-ad-budget' as const,
                title: `Shift ${money(perDaySpend)} a day from ${campaign.name} to ${best.campaign.name} (ROAS ${best.roas.toFixed(2)})`,
                params: {
                  fromCampaignId: String(campaign.id),
                  toCampaignId: String(best.campaign.id),
                  amountCents: Math.round(perDaySpend),
                },
                // The receiving campaign earns less on extra money than on its current spend (diminishing returns).
                expectedImpact: {
                  gmvCents: impactRange((perDaySpend * best.roas * 0.6 - revenue / inside.length) * 7, 0.4),
                  profitCents: null,
                },
                risk: {
                  level: 'low' as const,
                  note: 'Reversible; watch the receiving campaign’s ROAS for a few days. Impact over 7 days.',
                },
              },
            ]
          : []),
      ]
    : [
        {
          kind: 'investigate',
          title: `Find what broke ${campaign.name}'s conversion for ${inside.length} days and add a daily ROAS alert`,
          params: { campaignId: String(campaign.id), from: from.toISOString(), to: to.toISOString() },
          expectedImpact: { gmvCents: impactRange(0, 0), profitCents: impactRange(wasted, 0.5) },
          risk: {
            level: 'low',
            note: 'Investigation only; the profit range is the spend the collapse wasted, which an alert would have saved.',
          },
        },
      ];
  return {
    id: buildFindingId('ads', 'roas-collapse', entities),
    specialist: 'ads',
    type: 'roas-collapse',
    severity: collapse.isOngoing && window.logLikelihoodRatio >= STRONG_EVIDENCE_LLR ? 'high' : 'medium',
    title: `${campaign.name}: ROAS fell to ${now.roas?.toFixed(2) ?? '—'} from ${base.roas?.toFixed(2) ?? '—'}${collapse.isOngoing ? '' : ' (recovered)'}`,
    summary:
      `From ${inside[0]!.day} for ${inside.length} days, ${campaign.name} spent ${money(spend)} for ${money(revenue)} of revenue ` +
      `(ROAS ${now.roas?.toFixed(2) ?? '—'} against ${base.roas?.toFixed(2) ?? '—'} in ${baselineLabel}). ` +
      `Clicks continued but ${window.observed} conversions came where about ${Math.round(window.expected)} were due: ` +
      `about ${money(wasted)} of spend was wasted.`,
    entities,
    window: toIsoWindow({ from, to }),
    evidence: {
      figures: [
        figure(
          'roas',
          'ROAS',
          'ratio',
          now.roas,
          { value: base.roas, label: baselineLabel },
          'ad revenue / spend, ad_campaign_daily',
        ),
        figure(
          'cvr',
          'Conversions per click',
          'ratio',
          now.cvr,
          { value: base.cvr, label: baselineLabel },
          'conversions / clicks',
        ),
        figure(
          'cpaCents',
          'Cost per conversion',
          'cents',
          now.cpaCents,
          { value: base.cpaCents, label: baselineLabel },
          'spend / conversions',
        ),
        figure(
          'ctr',
          'Click-through rate',
          'ratio',
          now.ctr,
          { value: base.ctr, label: baselineLabel },
          'clicks / impressions',
        ),
        figure(
          'conversions',
          'Conversions in the window',
          'count',
          window.observed,
          {
            value: window.expected,
            label: 'own rate outside the window, moved with the other campaigns’ daily rate',
          },
          'Poisson deficit scan over days',
        ),
        figure(
          'wastedSpendCents',
          'Wasted spend',
          'cents',
          wasted,
          { value: 0, label: 'at the baseline ROAS' },
          'spend − revenue / baseline ROAS',
        ),
      ],
      series: [
        series(
          'roas',
          'ROAS per day',
          'ratio',
          days.map((d: CampaignDay) => ({ at: d.day, value: safeRatio(d.revenueCents, d.spendCents) })),
        ),
      ],
    },
    confidence: Math.min(0.95, 0.6 + window.logLikelihoodRatio / 200),
    strategies,
  };
}

function bestOtherCampaign(data: AdData, excludeId: number) {
  let best: { campaign: CampaignInfo; roas: number } | null = null;
  for (const campaign of data.campaigns) {
    if (campaign.id === excludeId) continue;
    const roas = campaignMetrics(sumDays(data.daily.get(campaign.id)!.slice(-7))).roas;
    if (roas !== null && (!best || roas > best.roas)) best = { campaign, roas };
  }
  return best;
}
