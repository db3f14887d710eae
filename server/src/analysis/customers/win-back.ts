// The win-back segment: buyers who have not ordered for 30–180 days, with a coupon offer and its expected value.
import type { Finding } from '@zhanggui/shared';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import type { AnalysisContext } from '../types.js';
import type { PhaseMix } from './customer-mix.js';
import { WIN_BACK_RATE, winBackCouponCents, winBackValue } from './offers.js';

export const LAPSED_MIN_DAYS = 30;
export const LAPSED_MAX_DAYS = 180;
const MIN_SEGMENT_SIZE = 20;

export interface LapsedSegment {
  customers: number;
  averageOrderCents: number | null;
}

export function winBackFinding(
  context: AnalysisContext,
  segment: LapsedSegment,
  mix: PhaseMix[],
): Finding | null {
  if (segment.customers < MIN_SEGMENT_SIZE || segment.averageOrderCents === null) return null;
  const aov = segment.averageOrderCents;
  const couponCents = winBackCouponCents(aov);
  const value = winBackValue(segment.customers, WIN_BACK_RATE, aov, couponCents);
  const entity = {
    kind: 'segment' as const,
    id: 'lapsed-30-180d',
    label: `沉睡客户（${LAPSED_MIN_DAYS}–${LAPSED_MAX_DAYS}天未购）`,
  };
  const from = new Date(context.at.getTime() - LAPSED_MAX_DAYS * 86_400_000);
  return {
    id: buildFindingId('customers', 'win-back-opportunity', [entity]),
    specialist: 'customers',
    type: 'win-back-opportunity',
    severity: 'low',
    title: `${segment.customers} customers have not ordered for ${LAPSED_MIN_DAYS}+ days`,
    summary:
      `${segment.customers} buyers last ordered ${LAPSED_MIN_DAYS}–${LAPSED_MAX_DAYS} days ago (average order ${formatMoney(aov, context.currency)}). ` +
      `A ${formatMoney(couponCents, context.currency)} coupon that brings back ${formatPercent(WIN_BACK_RATE)} of them is worth about ${formatMoney(value.netCents, context.currency)} net of coupons.`,
    entities: [entity],
    window: { from: from.toISOString(), to: context.at.toISOString() },
    evidence: {
      figures: [
        {
          key: 'lapsedCustomers',
          label: 'Customers silent 30–180 days',
          value: segment.customers,
          baseline: null,
          baselineLabel: 'none',
          unit: 'count',
          method: 'customers whose last paid order is 30 to 180 days before the diagnosis time',
        },
        {
          key: 'lapsedAverageOrderCents',
          label: 'Their average order',
          value: Math.round(aov),
          baseline: null,
          baselineLabel: 'none',
          unit: 'cents',
          method: "mean over the segment of each customer's mean paid order total (180 days)",
        },
        {
          key: 'winBackNetCents',
          label: 'Expected value of the coupon send',
          value: value.netCents,
          baseline: null,
          baselineLabel: 'none',
          unit: 'cents',
          method: `segment size × assumed ${formatPercent(WIN_BACK_RATE)} win-back rate × (average order − coupon)`,
        },
      ],
      series: [
        {
          key: 'returningShareByPhase',
          label: 'Returning buyers’ share of orders by phase',
          unit: 'ratio',
          points: mix.map((m) => ({ at: m.phase, value: m.returningShare })),
        },
      ],
    },
    confidence: 0.5,
    strategies: [
      {
        kind: 'send-coupon',
        title: `Send a ${formatMoney(couponCents, context.currency)} coupon to ${segment.customers} lapsed customers`,
        params: { segment: entity.id, couponCents, recipients: segment.customers, validDays: 14 },
        expectedImpact: { gmvCents: impactRange(value.gmvCents, 0.6), profitCents: null },
        risk: {
          level: 'low',
          note: `Assumes ${formatPercent(WIN_BACK_RATE)} come back; coupons cost ${formatMoney(value.couponCostCents, context.currency)} if they do. Profit needs the margin of what they buy.`,
        },
      },
    ],
  };
}
