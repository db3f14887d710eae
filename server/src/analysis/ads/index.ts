// The ads specialist: ROAS collapses, budgets that run out before the peak, wasted spend and a
// reallocation plan under the current total spend.
import type { DataGap, Finding } from '@zhanggui/shared';
import { loadDataSpan } from '../shared/data-span.js';
import { loadPromotions } from '../shared/promotion.js';
import type { SpecialistAnalysis } from '../types.js';
import { loadAdData, sumDays } from './ad-data.js';
import { budgetExhaustedFinding, findEarlyExhaustions } from './budget-pacing.js';
import { budgetPlanFinding } from './budget-plan.js';
import { detectRoasCollapses, roasCollapseFinding } from './roas-collapse.js';
import { wastedSpendFindings } from './wasted-spend.js';

export const analyzeAds: SpecialistAnalysis = async (context) => {
  const span = await loadDataSpan(context);
  const gaps: DataGap[] = [];
  const [data, exhaustions, promotions] = await Promise.all([
    loadAdData(context, span),
    findEarlyExhaustions(context, span),
    loadPromotions(context, { from: span.from, to: span.asOf }),
  ]);
  if (data.campaigns.length === 0) {
    gaps.push({ specialist: 'ads', check: 'campaigns', reason: 'The shop has no ad campaigns.' });
    return { findings: [], gaps };
  }
  const totalSpend = [...data.daily.values()].reduce((s, days) => s + sumDays(days).spendCents, 0);
  if (totalSpend === 0) {
    gaps.push({
      specialist: 'ads',
      check: 'ad-spend',
      reason: `No ad spend in the ${data.days.length} complete days before ${span.asOf.toISOString()}: ROAS, pacing and reallocation cannot be judged.`,
    });
    return { findings: [], gaps };
  }
  const findings: Finding[] = [];
  const collapses = detectRoasCollapses(data);
  for (const collapse of collapses) findings.push(roasCollapseFinding(context, data, collapse, span.asOf));
  const byId = new Map(data.campaigns.map((c) => [c.id, c]));
  for (const [campaignId, days] of exhaustions) {
    findings.push(budgetExhaustedFinding(context, data, byId.get(campaignId)!, days, promotions));
  }
  const ongoing = new Set(collapses.filter((c) => c.isOngoing).map((c) => c.campaign.id));
  findings.push(...wastedSpendFindings(context, data, ongoing, span.asOf));
  const collapseDays = new Map(
    collapses.map((c) => [
      c.campaign.id,
      new Set(Array.from({ length: c.window.end - c.window.start }, (_, i) => c.window.start + i)),
    ]),
  );
  const plan = budgetPlanFinding(context, data, collapseDays, span.asOf);
  if (plan) findings.push(plan);
  return { findings, gaps };
};
