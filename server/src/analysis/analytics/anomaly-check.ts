// Hourly anomalies in the shop's orders and visitors over the last days, each hour judged against
// the same local hour on previous comparable days (phase-aware), then merged into runs.
import type { DataGap, Finding, Severity } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { figure, series } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { dayKindAt, type PromotionWindow } from '../shared/promotion.js';
import { DAY_MS, formatLocalHour, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext, SpecialistResult } from '../types.js';
import {
  comparableHours,
  detectHourlyAnomalies,
  type HourlyAnomaly,
  hoursBetween,
  type SameHourOptions,
  sameHourBaseline,
} from './hourly-anomaly.js';

const JUDGED_DAYS = 7;
const HISTORY_DAYS = 35;

interface HourRow extends Record<string, unknown> {
  hour: Date;
  orders: number;
  gmv: number;
  visitors: number;
}

type Metric = 'orders' | 'visitors';

export async function checkHourlyAnomalies(
  context: AnalysisContext,
  span: DataSpan,
  promotions: readonly PromotionWindow[],
): Promise<SpecialistResult> {
  const gaps: DataGap[] = [];
  if (!span.dataStart) return { findings: [], gaps };
  const from = new Date(span.asOf.getTime() - HISTORY_DAYS * DAY_MS);
  const rows = await context.query<HourRow>(
    `SELECT coalesce(r.hour, t.hour) AS hour, coalesce(r.paid_orders, 0) AS orders, coalesce(r.gmv_cents, 0) AS gmv,
            coalesce(t.visitors, 0) AS visitors
     FROM (SELECT hour, paid_orders, gmv_cents FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3) r
     FULL JOIN (SELECT hour, sum(visitors) AS visitors FROM traffic_hourly
                WHERE shop_id = $1 AND hour >= $2 AND hour < $3 GROUP BY hour) t USING (hour)`,
    [context.shopId, from, span.asOf],
  );
  const byMetric: Record<Metric | 'gmv', Map<number, number>> = {
    orders: new Map(),
    visitors: new Map(),
    gmv: new Map(),
  };
  for (const row of rows) {
    byMetric.orders.set(row.hour.getTime(), row.orders);
    byMetric.visitors.set(row.hour.getTime(), row.visitors);
    byMetric.gmv.set(row.hour.getTime(), row.gmv);
  }
  const judgeFrom = new Date(Math.max(span.asOf.getTime() - JUDGED_DAYS * DAY_MS, span.dataStart.getTime()));
  const hours = hoursBetween(judgeFrom, span.asOf);
  const options: SameHourOptions = {
    timeZone: context.timeZone,
    dayKind: (hour) => dayKindAt(promotions, hour),
    dataStart: span.dataStart,
  };
  // Both metrics and the GMV evidence compare the same hours: find them once.
  const history = new Map(hours.map((h) => [h.getTime(), comparableHours(h, options)]));
  const historyOf = (hour: Date) => history.get(hour.getTime()) ?? comparableHours(hour, options);
  const findings: Finding[] = [];
  for (const metric of ['orders', 'visitors'] as const) {
    const scan = detectHourlyAnomalies(byMetric[metric], hours, options, historyOf);
    if (scan.hoursJudged === 0) {
      gaps.push({
        specialist: 'analytics',
        check: `hourly-anomaly-${metric}`,
        reason: `None of the last ${JUDGED_DAYS} days' hours has 3 earlier comparable days (same promotion phase) to judge ${metric} against.`,
      });
    }
    for (const anomaly of scan.anomalies) {
      findings.push(anomalyFinding(context, metric, anomaly, byMetric.gmv, options, historyOf));
    }
  }
  return { findings, gaps };
}

function severityOf(anomaly: HourlyAnomaly): Severity {
  const hours = anomaly.hours.length;
  const drop = 1 - anomaly.totalValue / anomaly.totalBaseline;
  if (anomaly.direction === 'spike') return 'low';
  if (hours >= 6 && drop >= 0.7) return 'high';
  return hours >= 3 ? 'medium' : 'low';
}

function anomalyFinding(
  context: AnalysisContext,
  metric: Metric,
  anomaly: HourlyAnomaly,
  gmv: ReadonlyMap<number, number>,
  options: SameHourOptions,
  historyOf: (hour: Date) => readonly Date[],
): Finding {
  const gmvActual = anomaly.hours.reduce((s, h) => s + (gmv.get(h.hour.getTime()) ?? 0), 0);
  const gmvBaseline = anomaly.hours.reduce(
    (s, h) => s + (sameHourBaseline(gmv, h.hour, options, historyOf(h.hour))?.median ?? 0),
    0,
  );
  const change = anomaly.totalValue / anomaly.totalBaseline - 1;
  const where = `${formatLocalHour(anomaly.from, context.timeZone)}–${formatLocalHour(anomaly.to, context.timeZone).slice(11)}`;
  const entities = [{ kind: 'shop' as const, id: String(context.shopId), label: 'whole shop' }];
  const baselineLabel = 'median of the same local hour on up to 7 previous comparable days';
  const method = 'robust z = (value − median) / (1.4826 · MAD), |z| ≥ 4 and change ≥ 40%';
  const lostGmv = Math.max(0, gmvBaseline - gmvActual);
  return {
    id: buildFindingId('analytics', `${metric}-${anomaly.direction}`, entities, anomaly.from.toISOString()),
    specialist: 'analytics',
    type: `${metric}-${anomaly.direction}`,
    severity: severityOf(anomaly),
    title: `${metric === 'orders' ? 'Orders' : 'Visitors'} ${anomaly.direction === 'drop' ? 'fell' : 'jumped'} ${formatPercent(Math.abs(change))} ${anomaly.direction === 'drop' ? 'below' : 'above'} normal, ${where}`,
    summary:
      `${anomaly.hours.length} hour(s) from ${where} had ${anomaly.totalValue} ${metric} against a same-hour baseline of ` +
      `${Math.round(anomaly.totalBaseline)}; GMV in those hours was ${formatMoney(gmvActual, context.currency)} against ` +
      `${formatMoney(gmvBaseline, context.currency)} usually.`,
    entities,
    window: toIsoWindow(anomaly),
    evidence: {
      figures: [
        figure(
          metric,
          metric === 'orders' ? 'Paid orders' : 'Visitors',
          'count',
          anomaly.totalValue,
          { value: anomaly.totalBaseline, label: baselineLabel },
          method,
        ),
        figure(
          'gmvCents',
          'GMV in the anomalous hours',
          'cents',
          gmvActual,
          { value: gmvBaseline, label: baselineLabel },
          'sum of the hourly rollup',
        ),
        figure(
          'minZ',
          'Most extreme robust z',
          'score',
          anomaly.hours.reduce((m, h) => (Math.abs(h.z) > Math.abs(m) ? h.z : m), 0),
          { value: 0, label: 'no deviation' },
          method,
        ),
      ],
      series: [
        series(
          metric,
          `${metric} per hour`,
          'count',
          anomaly.hours.map((h) => ({ at: h.hour, value: h.value, baseline: h.baseline })),
        ),
      ],
    },
    confidence: Math.min(0.95, 0.5 + 0.1 * anomaly.hours.length),
    strategies: [
      {
        kind: 'investigate',
        title:
          anomaly.direction === 'drop'
            ? `Check stock, prices, ads and site health for ${where}: about ${formatMoney(lostGmv, context.currency)} below normal`
            : `Find the source of the ${metric} jump in ${where} and repeat it`,
        params: { metric, from: anomaly.from.toISOString(), to: anomaly.to.toISOString() },
        expectedImpact: { gmvCents: impactRange(lostGmv * 0.3, 1), profitCents: null },
        risk: { level: 'low', note: 'Investigation only.' },
      },
    ],
  };
}
