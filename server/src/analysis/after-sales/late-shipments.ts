// Late shipments by warehouse against the promised ship-by time: parcels due per local day, how many
// left late (or had not left when due), scanned for the stretch where one warehouse fell behind.
import type { CandidateStrategy, DataGap, Finding, Severity } from '@zhanggui/shared';
import { type DailyCount, findExcessWindow } from '../shared/excess-window.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { fillDays, localDaysBefore, windowOfDays } from '../shared/local-days.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import { localDateStart, toIsoWindow, type Window } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { compensationCouponCents } from './compensation.js';

export const LATE_LOOKBACK_DAYS = 42;
/** Share of late orders assumed lost to cancellation, refund or a bad review; used for the impact range. */
export const LATE_ORDER_LOSS_SHARE = 0.1;

interface WarehouseDayRow extends Record<string, unknown> {
  warehouse_id: number;
  day: string;
  due: number;
  late: number;
}

interface WindowStatsRow extends Record<string, unknown> {
  due: number;
  late: number;
  hours_late: number | null;
  late_order_value: number;
  others_due: number;
  others_late: number;
}

export async function detectLateShipments(
  context: AnalysisContext,
): Promise<{ findings: Finding[]; gaps: DataGap[] }> {
  const local = localDaysBefore(context.at, context.timeZone, LATE_LOOKBACK_DAYS);
  // Whole days come from the daily rollup (a parcel not shipped by then is late: every day before
  // today's was due before the diagnosis); today's parcels, due before the diagnosis, from the table.
  const today = local.days.at(-1)!;
  const rows = await context.query<WarehouseDayRow>(
    `SELECT warehouse_id, day::text AS day, due::int, late::int FROM (
       SELECT warehouse_id, day, due, shipped_late + unshipped AS late
       FROM shipment_daily WHERE shop_id = $1 AND day >= $4::date AND day < $5::date
       UNION ALL
       SELECT warehouse_id, $5::date, count(*), count(*) FILTER (WHERE coalesce(shipped_at, $3) > promised_at)
       FROM shipments WHERE shop_id = $1 AND promised_at >= $2 AND promised_at < $3
       GROUP BY warehouse_id
     ) d
     WHERE due > 0
     ORDER BY 1, 2`,
    [context.shopId, localDateStart(today, context.timeZone), local.to, local.days[0], today],
  );
  if (rows.length === 0) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'after-sales',
          check: 'late-shipments',
          reason: `No shipments were due in the ${LATE_LOOKBACK_DAYS} days before ${context.at.toISOString()}.`,
        },
      ],
    };
  }
  const totalDue = rows.reduce((s, r) => s + r.due, 0);
  const totalLate = rows.reduce((s, r) => s + r.late, 0);
  const priorRate = Math.max(totalLate / totalDue, 1e-3);
  const byWarehouse = Map.groupBy(rows, (row) => row.warehouse_id);
  const findings: Finding[] = [];
  for (const [warehouseId, warehouseRows] of byWarehouse) {
    const series: DailyCount[] = fillDays(
      local,
      warehouseRows.map((r) => ({ day: r.day, observed: r.late, exposure: r.due })),
      (day) => ({ day, observed: 0, exposure: 0 }),
    );
    const spike = findExcessWindow(series, {
      priorRate,
      priorExposure: 50,
      minObserved: 8,
      minRatio: 2,
      minLogLikelihoodRatio: 12,
    });
    if (!spike) continue;
    const window = windowOfDays(local, spike.start, spike.end, context.timeZone);
    const stats = await windowStats(context, rows, warehouseId, series.slice(spike.start, spike.end), window);
    const [warehouse] = await context.query<{ name: string; code: string }>(
      'SELECT name, code FROM warehouses WHERE shop_id = $1 AND id = $2',
      [context.shopId, warehouseId],
    );
    findings.push(
      lateShipmentFinding(context, {
        warehouseId,
        label: warehouse?.name ?? `warehouse ${warehouseId}`,
        series,
        spike,
        window,
        stats: stats!,
      }),
    );
  }
  return { findings, gaps: [] };
}

/**
 * The window's counts come from the daily rows already read; only the warehouse's late parcels are
 * read again (through the warehouse index) for how late they were and what their orders were worth.
 */
async function windowStats(
  context: AnalysisContext,
  rows: readonly WarehouseDayRow[],
  warehouseId: number,
  windowDays: readonly DailyCount[],
  window: Window,
): Promise<WindowStatsRow> {
  const inWindow = new Set(windowDays.map((d) => d.day));
  const counts = { due: 0, late: 0, others_due: 0, others_late: 0 };
  for (const row of rows) {
    if (!inWindow.has(row.day)) continue;
    if (row.warehouse_id === warehouseId) {
      counts.due += row.due;
      counts.late += row.late;
    } else {
      counts.others_due += row.due;
      counts.others_late += row.late;
    }
  }
  const [late] = await context.query<{ hours_late: number | null; late_order_value: number }>(
    `SELECT avg(extract(epoch FROM coalesce(s.shipped_at, $5) - s.promised_at) / 3600)::float8 AS hours_late,
            coalesce(sum((SELECT o.total_cents FROM orders o WHERE o.shop_id = s.shop_id AND o.id = s.order_id)), 0)::float8
              AS late_order_value
     FROM shipments s
     WHERE s.shop_id = $1 AND s.warehouse_id = $2 AND s.promised_at >= $3 AND s.promised_at < $4
       AND coalesce(s.shipped_at, $5) > s.promised_at`,
    [context.shopId, warehouseId, window.from, window.to, context.at],
  );
  return { ...counts, hours_late: late?.hours_late ?? null, late_order_value: late?.late_order_value ?? 0 };
}

interface LateInput {
  warehouseId: number;
  label: string;
  series: DailyCount[];
  spike: NonNullable<ReturnType<typeof findExcessWindow>>;
  window: Window;
  stats: WindowStatsRow;
}

function lateShipmentFinding(context: AnalysisContext, input: LateInput): Finding {
  const { spike, stats, series } = input;
  const share = stats.late / stats.due;
  const othersShare = stats.others_due > 0 ? stats.others_late / stats.others_due : null;
  const ratio = spike.observed / spike.expected;
  const severity: Severity =
    ratio >= 3 && share >= 0.25 && stats.late >= 20 ? 'high' : ratio >= 2 ? 'medium' : 'low';
  const days = spike.end - spike.start;
  const lateValuePerWeek = (stats.late_order_value / days) * 7;
  const meanLateOrderCents = stats.late > 0 ? stats.late_order_value / stats.late : 0;
  const escalateGmv = impactRange(lateValuePerWeek * LATE_ORDER_LOSS_SHARE, 0.5);
  const couponCents = compensationCouponCents(meanLateOrderCents);
  const couponGmv = impactRange(stats.late_order_value * LATE_ORDER_LOSS_SHARE * 0.3, 0.6);
  const entity = { kind: 'warehouse' as const, id: String(input.warehouseId), label: input.label };
  const strategies: CandidateStrategy[] = [
    {
      kind: 'escalate-warehouse',
      title: `Escalate ${input.label}: ${stats.late} of ${stats.due} parcels left after the promised time`,
      params: {
        warehouseId: String(input.warehouseId),
        lateShipments: stats.late,
        dueShipments: stats.due,
        windowFrom: input.window.from.toISOString(),
        windowTo: input.window.to.toISOString(),
      },
      expectedImpact: { gmvCents: escalateGmv, profitCents: null },
      risk: {
        level: 'low',
        note: `Assumes ${formatPercent(LATE_ORDER_LOSS_SHARE)} of late orders are lost to cancellation, refund or a bad review.`,
      },
    },
    {
      kind: 'send-coupon',
      title: `Apologise to the ${stats.late} customers whose parcel left late with a ${formatMoney(couponCents, context.currency)} coupon`,
      params: {
        segment: `late-shipment:warehouse-${input.warehouseId}:${series[spike.start]!.day}`,
        couponCents,
        recipients: stats.late,
      },
      // Profit needs the margin of whatever the coupon is spent on, which is unknown here.
      expectedImpact: { gmvCents: couponGmv, profitCents: null },
      risk: {
        level: 'low',
        note: `Costs at most ${formatMoney(couponCents * stats.late, context.currency)}; assumes 30% of lost customers are kept.`,
      },
    },
  ];
  return {
    id: buildFindingId('after-sales', 'late-shipments', [entity], series[spike.start]!.day),
    specialist: 'after-sales',
    type: 'late-shipments',
    severity,
    title: `${input.label} shipped ${formatPercent(share)} of parcels late`,
    summary:
      `From ${series[spike.start]!.day} to ${series[spike.end - 1]!.day} (${context.timeZone}), ${stats.late} of ${stats.due} parcels due at ${input.label} left after the promised time` +
      ` (${formatPercent(share)}, against ${formatPercent(spike.baselineRate)} before and ${formatPercent(othersShare)} at the other warehouses), on average ${(stats.hours_late ?? 0).toFixed(1)} h late.`,
    entities: [entity],
    window: toIsoWindow(input.window),
    evidence: {
      figures: [
        {
          key: 'lateShipments',
          label: 'Parcels shipped after the promised time',
          value: stats.late,
          baseline: Math.round(spike.expected * 100) / 100,
          baselineLabel: "expected at the warehouse's late rate outside the window",
          unit: 'count',
          method:
            'shipments promised in the window with shipped_at after promised_at, or not shipped by the diagnosis time',
        },
        {
          key: 'lateShare',
          label: 'Late share of parcels due',
          value: roundRatio(share),
          baseline: roundRatio(spike.baselineRate),
          baselineLabel: 'same warehouse outside the window, smoothed toward the shop-wide rate',
          unit: 'ratio',
          method: 'late ÷ shipments promised in the window',
        },
        {
          key: 'otherWarehousesLateShare',
          label: 'Late share at the other warehouses, same window',
          value: roundRatio(othersShare),
          baseline: null,
          baselineLabel: 'none',
          unit: 'ratio',
          method: 'late ÷ due over every other warehouse, shipments promised in the window',
        },
        {
          key: 'averageHoursLate',
          label: 'Average delay of late parcels',
          value: stats.hours_late === null ? null : Math.round(stats.hours_late * 100) / 100,
          baseline: null,
          baselineLabel: 'none',
          unit: 'hours',
          method: '(shipped_at, or the diagnosis time if not shipped) − promised_at, mean over late parcels',
        },
      ],
      series: [
        {
          key: 'lateShipmentsDaily',
          label: 'Late parcels per day (by promised day)',
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
