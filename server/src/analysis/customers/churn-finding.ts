// Turns the churn scan into a finding on the "valuable customers going quiet" segment, with a coupon to win them back.
import type { Finding, Severity } from '@zhanggui/shared';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import type { AnalysisContext } from '../types.js';
import { CHURN_INTERVAL_MULTIPLE, CHURN_MIN_SILENT_DAYS, type ChurnScan } from './churn-risk.js';
import { CHURN_RISK_WIN_BACK_RATE, winBackCouponCents, winBackValue } from './offers.js';

/** Customers named as entities; the rest are in the segment. */
const MAX_NAMED_CUSTOMERS = 30;

export function churnRiskFinding(context: AnalysisContext, scan: ChurnScan): Finding | null {
  const { atRisk } = scan;
  if (atRisk.length === 0) return null;
  const spend = atRisk.reduce((s, c) => s + c.spendCents, 0);
  const orders = atRisk.reduce((s, c) => s + c.orders, 0);
  const aov = spend / orders;
  const couponCents = winBackCouponCents(aov);
  const value = winBackValue(atRisk.length, CHURN_RISK_WIN_BACK_RATE, aov, couponCents);
  const share = atRisk.length / scan.highValueRepeatCustomers;
  const severity: Severity =
    atRisk.length >= 10 && share >= 0.25 ? 'high' : atRisk.length >= 3 ? 'medium' : 'low';
  const segment = { kind: 'segment' as const, id: 'high-value-churn-risk', label: '高价值流失风险客户' };
  const customers = atRisk.slice(0, MAX_NAMED_CUSTOMERS).map((c) => ({
    kind: 'customer' as const,
    id: String(c.customerId),
    label: c.label,
  }));
  const earliestLast = new Date(Math.min(...atRisk.map((c) => c.lastOrderAt.getTime())));
  const medianSilent = [...atRisk.map((c) => c.silentDays)].sort((a, b) => a - b)[
    Math.floor(atRisk.length / 2)
  ]!;
  return {
    id: buildFindingId('customers', 'churn-risk', [segment]),
    specialist: 'customers',
    type: 'churn-risk',
    severity,
    title: `${atRisk.length} valuable repeat customers have gone quiet`,
    summary:
      `${atRisk.length} of ${scan.highValueRepeatCustomers} top-spending repeat customers (${formatPercent(share)}) have not ordered for at least ${CHURN_INTERVAL_MULTIPLE}× their own usual interval (median silence ${medianSilent.toFixed(0)} days). ` +
      `They spent ${formatMoney(spend, context.currency)} with the shop.`,
    entities: [segment, ...customers],
    window: { from: earliestLast.toISOString(), to: context.at.toISOString() },
    evidence: {
      figures: [
        {
          key: 'churnRiskCustomers',
          label: 'Valuable repeat customers at churn risk',
          value: atRisk.length,
          baseline: scan.highValueRepeatCustomers,
          baselineLabel: 'all repeat customers in the top 20% by spend (365 days)',
          unit: 'count',
          method: `silent ≥ max(${CHURN_INTERVAL_MULTIPLE} × own median days between orders, ${CHURN_MIN_SILENT_DAYS} days)`,
        },
        {
          key: 'churnRiskShare',
          label: 'Share of valuable repeat customers at risk',
          value: roundRatio(share),
          baseline: null,
          baselineLabel: 'none',
          unit: 'ratio',
          method: 'at-risk ÷ top-20% repeat customers',
        },
        {
          key: 'churnRiskSpendCents',
          label: 'What they spent',
          value: spend,
          baseline: null,
          baselineLabel: 'none',
          unit: 'cents',
          method: 'sum of their paid order totals over 365 days',
        },
        {
          key: 'medianSilentDays',
          label: 'Median days since their last order',
          value: Math.round(medianSilent * 100) / 100,
          baseline: null,
          baselineLabel: 'none',
          unit: 'days',
          method: 'diagnosis time − last paid order, median over the segment',
        },
      ],
      series: [],
    },
    confidence: Math.round(Math.min(0.9, 0.5 + atRisk.length / 40) * 100) / 100,
    strategies: [
      {
        kind: 'send-coupon',
        title: `Send a ${formatMoney(couponCents, context.currency)} coupon to ${atRisk.length} valuable customers going quiet`,
        params: {
          segment: segment.id,
          customerIds: atRisk.map((c) => String(c.customerId)),
          couponCents,
          validDays: 7,
        },
        expectedImpact: { gmvCents: impactRange(value.gmvCents, 0.6), profitCents: null },
        risk: {
          level: 'low',
          note: `Assumes ${formatPercent(CHURN_RISK_WIN_BACK_RATE)} come back; coupons cost ${formatMoney(value.couponCostCents, context.currency)} if they do. Profit needs the margin of what they buy.`,
        },
      },
    ],
  };
}
