// A reallocation plan under the current total ad spend: a concave response curve per campaign, fitted
// on demand-normalised days (so a promotion's busy days are not read as "spend works"), and money
// moved step by step to where the next yuan earns most.
import type { Finding } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { median } from '../shared/robust-stats.js';
import { localDateStart, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { type AdData, type CampaignInfo, campaignMetrics, sumDays } from './ad-data.js';
import { type AllocatableCampaign, planBudgetReallocation } from './reallocate.js';
import { fitResponseCurve, marginalRoas, predictRevenue } from './response-curve.js';

const FIT_DAYS = 14;
const CURRENT_DAYS = 7;
/** A plan must promise at least this much more revenue to be worth the change. */
const MIN_GAIN_SHARE = 0.05;

/** Total clicks per day over their median: how busy a day was, for every campaign at once. */
function demandIndex(data: AdData, days: number): number[] {
  const totals = data.days.slice(-days).map((_, d, arr) => {
    const at = data.days.length - arr.length + d;
    return data.campaigns.reduce((s, c) => s + data.daily.get(c.id)![at]!.clicks, 0);
  });
  const mid = median(totals.filter((t) => t > 0)) ?? 0;
  return totals.map((t) => (mid > 0 && t > 0 ? t / mid : 1));
}

export function budgetPlanFinding(
  context: AnalysisContext,
  data: AdData,
  excludedDays: ReadonlyMap<number, ReadonlySet<number>>,
  asOf: Date,
): Finding | null {
  if (data.days.length < CURRENT_DAYS) return null;
  const index = demandIndex(data, FIT_DAYS);
  const offset = data.days.length - index.length;
  const campaigns: (AllocatableCampaign & { info: CampaignInfo })[] = [];
  for (const info of data.campaigns) {
    const days = data.daily.get(info.id)!;
    const recent = days.slice(-CURRENT_DAYS);
    const recentIndex = index.slice(-CURRENT_DAYS);
    if (recent.every((d) => d.spendCents === 0)) continue;
    const points = index
      .map((k, i) => ({ day: days[offset + i]!, k, at: offset + i }))
      .filter((p) => p.day.spendCents > 0 && !excludedDays.get(info.id)?.has(p.at))
      .map((p) => ({ spendCents: p.day.spendCents / p.k, revenueCents: p.day.revenueCents / p.k }));
    const curve = fitResponseCurve(points);
    if (!curve) continue;
    const currentCents = recent.reduce((s, d, i) => s + d.spendCents / recentIndex[i]!, 0) / CURRENT_DAYS;
    const cappedDays = recent.filter((d) => d.budgetCents > 0 && d.spendCents >= d.budgetCents * 0.98).length;
    const breakEven = info.marginRatio ? 1 / info.marginRatio : 1;
    const roas = campaignMetrics(sumDays(recent)).roas ?? 0;
    campaigns.push({
      id: String(info.id),
      info,
      curve,
      currentCents,
      minCents: roas >= breakEven ? currentCents * 0.5 : 0,
      // A campaign held back by its budget can take more; others need higher bids, with sharper diminishing returns.
      maxCents: currentCents * (cappedDays >= 3 ? 2 : 1.5),
    });
  }
  if (campaigns.length < 2) return null;
  const plan = planBudgetReallocation(campaigns, { roundToCents: 100 });
  const gain = plan.plannedRevenueCents - plan.currentRevenueCents;
  if (plan.shifts.length === 0 || gain < plan.currentRevenueCents * MIN_GAIN_SHARE) return null;
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const money = (cents: number) => formatMoney(cents, context.currency);
  const involved = [...new Set(plan.shifts.flatMap((s) => [s.fromId, s.toId]))].map((id) => byId.get(id)!);
  const entities = involved.map((c) => ({ kind: 'campaign' as const, id: c.id, label: c.info.name }));
  const gainShare = gain / plan.currentRevenueCents;
  const label = 'current spend per normal day (last 7 days, demand-normalised)';
  return {
    id: buildFindingId('ads', 'budget-reallocation', [{ kind: 'shop', id: String(context.shopId) }]),
    specialist: 'ads',
    type: 'budget-reallocation',
    severity: gainShare >= 0.1 ? 'medium' : 'low',
    title: `Moving ad money between ${involved.length} campaigns would earn about ${formatPercent(gainShare)} more at the same spend`,
    summary:
      `With diminishing returns fitted per campaign, the same ${money(campaigns.reduce((s, c) => s + c.currentCents, 0))} a normal day ` +
      `would bring about ${money(plan.plannedRevenueCents)} instead of ${money(plan.currentRevenueCents)} of ad revenue. ` +
      `Largest step: ${money(plan.shifts[0]!.amountCents)} from ${byId.get(plan.shifts[0]!.fromId)!.info.name} to ${byId.get(plan.shifts[0]!.toId)!.info.name}.`,
    entities,
    window: toIsoWindow({ from: localDateStart(data.days.at(-CURRENT_DAYS)!, context.timeZone), to: asOf }),
    evidence: {
      figures: [
        figure(
          'plannedRevenueCents',
          'Ad revenue per normal day with the plan',
          'cents',
          plan.plannedRevenueCents,
          { value: plan.currentRevenueCents, label: 'with the current split' },
          'Σ scale·spend^elasticity per campaign, greedy marginal allocation',
        ),
        ...involved.flatMap((c) => [
          figure(
            `spendCents:${c.id}`,
            `${c.info.name}: spend per normal day`,
            'cents',
            plan.allocation.get(c.id)!,
            { value: c.currentCents, label },
            'greedy marginal-ROAS allocation',
          ),
          figure(
            `marginalRoas:${c.id}`,
            `${c.info.name}: return on the next yuan`,
            'ratio',
            marginalRoas(c.curve, c.currentCents),
            {
              value: campaignMetrics(sumDays(data.daily.get(c.info.id)!.slice(-CURRENT_DAYS))).roas,
              label: 'average ROAS, last 7 days',
            },
            c.curve.isFitted
              ? `fitted elasticity ${c.curve.elasticity.toFixed(2)}`
              : `assumed elasticity ${c.curve.elasticity}`,
          ),
        ]),
      ],
      series: [],
    },
    confidence: involved.every((c) => c.curve.isFitted) ? 0.7 : 0.5,
    strategies: plan.shifts.slice(0, 3).map((shift) => {
      const from = byId.get(shift.fromId)!;
      const to = byId.get(shift.toId)!;
      const gained =
        predictRevenue(to.curve, to.currentCents + shift.amountCents) -
        predictRevenue(to.curve, to.currentCents);
      const lost =
        predictRevenue(from.curve, from.currentCents) -
        predictRevenue(from.curve, Math.max(0, from.currentCents - shift.amountCents));
      const profit =
        from.info.marginRatio === null || to.info.marginRatio === null
          ? null
          : gained * to.info.marginRatio - lost * from.info.marginRatio;
      return {
        kind: 'shift-ad-budget' as const,
        title: `Shift ${money(shift.amountCents)} a day from ${from.info.name} to ${to.info.name}`,
        params: { fromCampaignId: from.id, toCampaignId: to.id, amountCents: shift.amountCents },
        expectedImpact: {
          gmvCents: impactRange((gained - lost) * 7, 0.5),
          profitCents: profit === null ? null : impactRange(profit * 7, 0.6),
        },
        risk: {
          level: 'low' as const,
          note: 'Reversible; curves fitted on a few weeks. Impact over 7 normal days.',
        },
      };
    }),
  };
}
