// Return and refund spikes by SKU: refund requests per local day against the units the SKU sold in
// the week before each day (refunds follow purchases), scanned for the most unusual stretch, with the
// reason that dominates it.
import type { DataGap, Finding } from '@zhanggui/shared';
import { type DailyCount, type ExcessWindow, findExcessWindow } from '../shared/excess-window.js';
import { fillDays, type LocalDays, localDaysBefore, windowOfDays } from '../shared/local-days.js';
import { loadSkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import { dominantReason, loadRefundReasons } from './refund-reasons.js';
import { returnSpikeFinding } from './return-spike-finding.js';

export const RETURN_LOOKBACK_DAYS = 42;
/**
 * Refunds arrive from the same day (cancelled before shipping) to about a week after the purchase: a
 * day's exposure is the mean daily units of that day and the 7 days before it. (A 14-day lag smeared
 * the Double 11 peak over the tail weeks and hid real spikes there.)
 */
export const PURCHASE_LAG_DAYS = 7;
const MIN_REFUNDS_TO_JUDGE = 5;
/** A spike is a burst; a month-long elevation is a different problem (the product itself). */
const MAX_SPIKE_DAYS = 10;

interface SkuDayRow extends Record<string, unknown> {
  sku_id: number;
  day: string;
  refunds: number;
  units: number;
}

export interface ReturnSpikeResult {
  findings: Finding[];
  gaps: DataGap[];
}

export async function detectReturnSpikes(context: AnalysisContext): Promise<ReturnSpikeResult> {
  const local = localDaysBefore(context.at, context.timeZone, RETURN_LOOKBACK_DAYS);
  const salesFrom = new Date(local.from.getTime() - PURCHASE_LAG_DAYS * 86_400_000);
  const rows = await context.query<SkuDayRow>(
    `WITH candidates AS (
       SELECT sku_id FROM refunds
       WHERE shop_id = $1 AND requested_at >= $2 AND requested_at < $3 AND sku_id IS NOT NULL
       GROUP BY sku_id HAVING count(*) >= $5
     ),
     refund_days AS (
       SELECT r.sku_id, (r.requested_at AT TIME ZONE $4)::date AS day, count(*) AS refunds
       FROM refunds r JOIN candidates c USING (sku_id)
       WHERE r.shop_id = $1 AND r.requested_at >= $2 AND r.requested_at < $3
       GROUP BY 1, 2
     ),
     sale_days AS (
       SELECT u.sku_id, (u.hour AT TIME ZONE $4)::date AS day, sum(u.units) AS units
       FROM sku_hourly_rollup u JOIN candidates c USING (sku_id)
       WHERE u.shop_id = $1 AND u.hour >= $6 AND u.hour < $3
       GROUP BY 1, 2
     )
     SELECT sku_id, day::text AS day, coalesce(sum(refunds), 0)::int AS refunds, coalesce(sum(units), 0)::int AS units
     FROM (SELECT sku_id, day, refunds, 0 AS units FROM refund_days
           UNION ALL SELECT sku_id, day, 0, units FROM sale_days) x
     GROUP BY sku_id, day ORDER BY sku_id, day`,
    [context.shopId, local.from, local.to, context.timeZone, MIN_REFUNDS_TO_JUDGE, salesFrom],
  );
  const totals = await context.query<{ refunds: number; units: number }>(
    `SELECT (SELECT count(*) FROM refunds WHERE shop_id = $1 AND requested_at >= $2 AND requested_at < $3)::int AS refunds,
            (SELECT coalesce(sum(units), 0) FROM sku_hourly_rollup WHERE shop_id = $1 AND hour >= $2 AND hour < $3)::int AS units`,
    [context.shopId, local.from, local.to],
  );
  const shopRefunds = totals[0]?.refunds ?? 0;
  const shopUnits = totals[0]?.units ?? 0;
  if (shopUnits === 0) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'after-sales',
          check: 'return-spike',
          reason: `No units sold in the ${RETURN_LOOKBACK_DAYS} days before ${context.at.toISOString()}: return rates cannot be judged.`,
        },
      ],
    };
  }
  const priorRate = Math.max(shopRefunds / shopUnits, 1e-4);
  const spikes: { skuId: number; series: DailyCount[]; window: ExcessWindow }[] = [];
  for (const [skuId, skuRows] of groupBySku(rows)) {
    const series = refundSeries(local, skuRows, context.timeZone);
    const window = findExcessWindow(series, {
      priorRate,
      priorExposure: 1 / priorRate,
      minObserved: MIN_REFUNDS_TO_JUDGE,
      maxDays: MAX_SPIKE_DAYS,
      minRatio: 2,
      minLogLikelihoodRatio: 10,
    });
    if (window) spikes.push({ skuId, series, window });
  }
  const facts = await loadSkuFacts(
    context,
    spikes.map((s) => s.skuId),
  );
  const findings: Finding[] = [];
  for (const spike of spikes) {
    const sku = facts.get(spike.skuId);
    if (!sku) continue;
    const window = windowOfDays(local, spike.window.start, spike.window.end, context.timeZone);
    const reasons = await loadRefundReasons(context, spike.skuId, window, local);
    const amount = reasons.reduce((sum, r) => sum + r.amountInWindow, 0);
    findings.push(
      returnSpikeFinding(context, sku, spike.series, spike.window, window, dominantReason(reasons), amount),
    );
  }
  return { findings, gaps: [] };
}

function groupBySku(rows: readonly SkuDayRow[]): Map<number, SkuDayRow[]> {
  const bySku = new Map<number, SkuDayRow[]>();
  for (const row of rows) {
    const list = bySku.get(row.sku_id) ?? [];
    list.push(row);
    bySku.set(row.sku_id, list);
  }
  return bySku;
}

/** Daily refunds with exposure = mean daily units over the day and the 7 days before it. */
export function refundSeries(
  local: LocalDays,
  rows: readonly { day: string; refunds: number; units: number }[],
  timeZone: string,
): DailyCount[] {
  const unitsByDay = new Map(rows.map((r) => [r.day, r.units]));
  const lagDays = localDaysBefore(new Date(local.from.getTime() - 1), timeZone, PURCHASE_LAG_DAYS).days;
  const allDays = [...lagDays, ...local.days];
  const refunds = fillDays(local, rows, (day) => ({ day, refunds: 0, units: 0 }));
  return refunds.map((r, i) => {
    let units = 0;
    for (let k = i; k <= i + PURCHASE_LAG_DAYS; k++) units += unitsByDay.get(allDays[k]!) ?? 0;
    return { day: r.day, observed: r.refunds, exposure: units / (PURCHASE_LAG_DAYS + 1) };
  });
}
