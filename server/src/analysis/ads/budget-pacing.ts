// Budget pacing: days on which a campaign's daily budget ran out with a quarter or more of the day's
// sales still to come, before the busiest hour of the rest of the day: it bought nothing while most
// shoppers were there.
import type { Finding } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { figure, series } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { type PromotionWindow, phaseAt } from '../shared/promotion.js';
import { formatLocalHour, localDate, localDateStart, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import type { AdData, CampaignInfo } from './ad-data.js';
import { campaignMetrics, sumDays } from './ad-data.js';
import { peakHour, shareAfter } from './pacing.js';

/** Spend at or above this share of the day's budget counts as the budget running out. */
export const EXHAUSTED_SHARE = 0.98;
/** Running out matters when at least this share of the day's sales was still to come. */
const MIN_MISSED_SHARE = 0.25;

interface ExhaustionRow extends Record<string, unknown> {
  campaign_id: number;
  day: string;
  budget_cents: number;
  spend_cents: number;
  revenue_cents: number;
  exhausted_hour: Date;
}

export interface EarlyExhaustion {
  day: string;
  budgetCents: number;
  spendCents: number;
  revenueCents: number;
  /** The end of the hour the budget ran out in. */
  exhaustedAt: Date;
  /** The busiest hour after the budget ran out. */
  peakHour: Date;
  /** Share of the day's shop GMV that came after the budget ran out. */
  missedShare: number;
}

export async function findEarlyExhaustions(
  context: AnalysisContext,
  span: DataSpan,
): Promise<Map<number, EarlyExhaustion[]>> {
  const [rows, gmvRows] = await Promise.all([
    context.query<ExhaustionRow>(
      `WITH h AS (
         SELECT campaign_id, (hour AT TIME ZONE $4)::date AS day, hour,
                sum(spend_cents) OVER (PARTITION BY campaign_id, (hour AT TIME ZONE $4)::date ORDER BY hour) AS cumulative
         FROM ad_campaign_hourly WHERE shop_id = $1 AND hour >= $2 AND hour < $3
       )
       SELECT h.campaign_id, h.day::text AS day, d.budget_cents, d.spend_cents, d.revenue_cents,
              min(h.hour) FILTER (WHERE h.cumulative >= $5::float8 * d.budget_cents) AS exhausted_hour
       FROM h JOIN ad_campaign_daily d ON d.shop_id = $1 AND d.campaign_id = h.campaign_id AND d.day = h.day
       WHERE d.budget_cents > 0
       GROUP BY h.campaign_id, h.day, d.budget_cents, d.spend_cents, d.revenue_cents
       HAVING min(h.hour) FILTER (WHERE h.cumulative >= $5::float8 * d.budget_cents) IS NOT NULL`,
      [context.shopId, span.from, span.asOf, context.timeZone, EXHAUSTED_SHARE],
    ),
    context.query<{ hour: Date; gmv: number }>(
      `SELECT hour, gmv_cents AS gmv FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3`,
      [context.shopId, span.from, span.asOf],
    ),
  ]);
  const gmvByDay = Map.groupBy(
    gmvRows.map((r) => ({ hour: r.hour, value: r.gmv })),
    (r) => localDate(r.hour, context.timeZone),
  );
  const byCampaign = new Map<number, EarlyExhaustion[]>();
  for (const row of rows) {
    const gmv = gmvByDay.get(row.day) ?? [];
    const exhaustedAt = new Date(row.exhausted_hour.getTime() + 3_600_000);
    // The peak it missed: a promotion day can open with a midnight wave bigger than its evening peak.
    const peak = peakHour(gmv.filter((p) => p.hour >= exhaustedAt));
    const missedShare = shareAfter(gmv, exhaustedAt) ?? 0;
    if (!peak || missedShare < MIN_MISSED_SHARE) continue;
    const list = byCampaign.get(row.campaign_id) ?? [];
    list.push({
      day: row.day,
      budgetCents: row.budget_cents,
      spendCents: row.spend_cents,
      revenueCents: row.revenue_cents,
      exhaustedAt,
      peakHour: peak.hour,
      missedShare,
    });
    byCampaign.set(
      row.campaign_id,
      list.sort((a, b) => a.day.localeCompare(b.day)),
    );
  }
  return byCampaign;
}

export function budgetExhaustedFinding(
  context: AnalysisContext,
  data: AdData,
  campaign: CampaignInfo,
  days: readonly EarlyExhaustion[],
  promotions: readonly PromotionWindow[],
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const tz = context.timeZone;
  const worst = days.reduce((w, d) => (d.missedShare > w.missedShare ? d : w));
  // Had the budget lasted, the campaign would have bought the rest of the day at about the same return.
  const multiplier = (d: EarlyExhaustion) => Math.min(5, d.missedShare / Math.max(0.05, 1 - d.missedShare));
  const missedRevenue = days.reduce((s, d) => s + d.revenueCents * multiplier(d), 0);
  const extraSpend = days.reduce((s, d) => s + d.spendCents * multiplier(d), 0);
  const raisedBudget = Math.ceil((worst.budgetCents * (1 + multiplier(worst))) / 10_000) * 10_000;
  const inPeakPhase = days.some((d) => phaseAt(promotions, d.peakHour)?.kind === 'peak');
  const entities = [{ kind: 'campaign' as const, id: String(campaign.id), label: campaign.name }];
  const gmvImpact = impactRange(missedRevenue * 0.7, 0.4);
  const donor = weakestOtherCampaign(data, campaign.id);
  const window = {
    from: localDateStart(days[0]!.day, tz),
    to: new Date(localDateStart(days.at(-1)!.day, tz).getTime() + 86_400_000),
  };
  const label = 'the busiest GMV hour after the budget ran out';
  return {
    id: buildFindingId('ads', 'budget-exhausted-before-peak', entities),
    specialist: 'ads',
    type: 'budget-exhausted-before-peak',
    severity: inPeakPhase || worst.missedShare >= 0.3 ? 'high' : 'medium',
    title: `${campaign.name} ran out of budget at ${formatLocalHour(worst.exhaustedAt, tz).slice(11)} on ${worst.day}, before the ${formatLocalHour(worst.peakHour, tz).slice(11)} peak`,
    summary:
      `On ${days.length} day(s) the ${money(worst.budgetCents)} daily budget was spent before the shop's busiest hour; ` +
      `on ${worst.day} ${formatPercent(worst.missedShare)} of the day's GMV came after the campaign went dark. ` +
      `Funding the rest of those days would have cost about ${money(extraSpend)} and brought about ${money(missedRevenue)}.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'exhaustedLocalHour',
          'Budget ran out (local hour)',
          'hours',
          Number(formatLocalHour(worst.exhaustedAt, tz).slice(11, 13)),
          { value: Number(formatLocalHour(worst.peakHour, tz).slice(11, 13)), label },
          `first hour whose cumulative spend reached ${EXHAUSTED_SHARE * 100}% of the day's budget, ad_campaign_hourly`,
        ),
        figure(
          'missedGmvShare',
          'Share of the day’s GMV after the budget ran out',
          'ratio',
          worst.missedShare,
          { value: 0, label: 'a budget that lasts the day' },
          'shop hourly GMV after the exhaustion / day total',
        ),
        figure(
          'budgetCents',
          'Daily budget',
          'cents',
          worst.budgetCents,
          { value: raisedBudget, label: 'budget that would have lasted the day' },
          'ad_campaign_daily.budget_cents',
        ),
        figure(
          'missedRevenueCents',
          'Revenue missed',
          'cents',
          missedRevenue,
          { value: 0, label: 'none missed' },
          'day revenue × missed share / (1 − missed share)',
        ),
      ],
      series: [
        series(
          'exhaustedDays',
          'Days the budget ran out before the peak',
          'ratio',
          days.map((d) => ({ at: d.day, value: d.missedShare })),
        ),
      ],
    },
    confidence: 0.9,
    strategies: [
      {
        kind: 'adjust-budget',
        title: `Raise ${campaign.name}'s budget to ${money(raisedBudget)} on peak days`,
        params: {
          campaignId: String(campaign.id),
          dailyBudgetCents: raisedBudget,
          days: days.map((d) => d.day),
        },
        expectedImpact: {
          gmvCents: gmvImpact,
          profitCents: profitRange(gmvImpact, campaign.marginRatio, extraSpend),
        },
        risk: { level: 'low', note: 'More spend at peak CPCs; cap it at the raised budget.' },
      },
      ...(donor
        ? [
            {
              kind: 'shift-ad-budget' as const,
              title: `Or shift ${money(Math.min(extraSpend, donor.spendPerDay * 0.5))} from ${donor.campaign.name} (ROAS ${donor.roas.toFixed(2)}) to ${campaign.name} on peak days`,
              params: {
                fromCampaignId: String(donor.campaign.id),
                toCampaignId: String(campaign.id),
                amountCents: Math.round(Math.min(extraSpend, donor.spendPerDay * 0.5)),
              },
              expectedImpact: {
                gmvCents: impactRange(
                  missedRevenue * 0.5 - Math.min(extraSpend, donor.spendPerDay * 0.5) * donor.roas,
                  0.5,
                ),
                profitCents: null,
              },
              risk: { level: 'low' as const, note: 'Keeps total spend flat; the donor earns less per yuan.' },
            },
          ]
        : []),
    ],
  };
}

function weakestOtherCampaign(data: AdData, excludeId: number) {
  let weakest: { campaign: CampaignInfo; roas: number; spendPerDay: number } | null = null;
  for (const campaign of data.campaigns) {
    if (campaign.id === excludeId) continue;
    const totals = sumDays(data.daily.get(campaign.id)!.slice(-7));
    const roas = campaignMetrics(totals).roas;
    if (roas !== null && (!weakest || roas < weakest.roas))
      weakest = { campaign, roas, spendPerDay: totals.spendCents / 7 };
  }
  return weakest;
}
