// Conversion drops after a price rise: a SKU's visit-to-order rate after its price went up, against
// its own rate before, adjusted by how the rest of the shop's conversion moved over the same days (a
// promotion lifts everyone's conversion; only a drop beyond that is the price's doing).
import type { Finding } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { safeRatio } from '../shared/ratios.js';
import { DAY_MS, localDate, localDateStart, toIsoWindow, type Window } from '../shared/shop-time.js';
import { loadSkuFacts, type SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext, SpecialistResult } from '../types.js';
import type { SkuTraffic } from './sku-traffic.js';

const BEFORE_DAYS = 14;
/**
 * A flagged SKU sells at most 60% of the orders expected, with z ≤ −2.3 counting both periods'
 * sampling error. Small price moves of a few percent (normal shop life) stay well inside both.
 */
const MAX_SHARE_OF_EXPECTED = 0.6;
const MAX_Z = -2.3;
const MIN_VISITS = 100;

interface RiseRow extends Record<string, unknown> {
  sku_id: number;
  effective_at: Date;
  old_price_cents: number;
  new_price_cents: number;
}

interface SkuWindowRow extends Record<string, unknown> {
  sku_id: number;
  before_visits: number;
  before_orders: number;
  after_visits: number;
  after_orders: number;
}

export interface ConversionAfterChange {
  beforeRate: number;
  afterRate: number;
  /** The before rate moved by the shop-wide change in conversion. */
  expectedRate: number;
  expectedOrders: number;
  z: number;
}

/** Judges the after-period orders against the before rate scaled by the shop's own conversion change. */
export function judgeConversionAfterChange(
  sku: { beforeVisits: number; beforeOrders: number; afterVisits: number; afterOrders: number },
  shopConversionRatio: number,
): ConversionAfterChange | null {
  if (sku.beforeVisits < MIN_VISITS || sku.afterVisits < MIN_VISITS || sku.beforeOrders === 0) return null;
  const beforeRate = sku.beforeOrders / sku.beforeVisits;
  const expectedRate = Math.min(0.999, beforeRate * shopConversionRatio);
  const afterRate = sku.afterOrders / sku.afterVisits;
  // The before rate is itself a sample: a short or thin before-period must not read as certainty.
  const variance =
    (expectedRate * (1 - expectedRate)) / sku.afterVisits +
    (shopConversionRatio ** 2 * beforeRate * (1 - beforeRate)) / sku.beforeVisits;
  if (variance <= 0) return null;
  const z = (afterRate - expectedRate) / Math.sqrt(variance);
  return {
    beforeRate,
    afterRate,
    expectedRate,
    expectedOrders: expectedRate * sku.afterVisits,
    z,
  };
}

export async function checkPriceRiseConversion(
  context: AnalysisContext,
  span: DataSpan,
  traffic: SkuTraffic,
): Promise<SpecialistResult> {
  const rises = await context.query<RiseRow>(
    `SELECT DISTINCT ON (sku_id) sku_id, effective_at, old_price_cents, new_price_cents
     FROM sku_price_changes
     WHERE shop_id = $1 AND effective_at >= $2 AND effective_at < $3 AND new_price_cents > old_price_cents
     ORDER BY sku_id, effective_at DESC`,
    [context.shopId, span.from, new Date(span.asOf.getTime() - 3 * DAY_MS)],
  );
  if (rises.length === 0) return { findings: [], gaps: [] };
  const endDay = localDate(span.asOf, context.timeZone);
  const changeDays = rises.map((r) => localDate(r.effective_at, context.timeZone));
  const windows = await context.query<SkuWindowRow>(
    `SELECT r.sku_id,
            coalesce(sum(t.visits) FILTER (WHERE t.day < r.change_day), 0) AS before_visits,
            coalesce(sum(t.orders) FILTER (WHERE t.day < r.change_day), 0) AS before_orders,
            coalesce(sum(t.visits) FILTER (WHERE t.day >= r.change_day), 0) AS after_visits,
            coalesce(sum(t.orders) FILTER (WHERE t.day >= r.change_day), 0) AS after_orders
     FROM unnest($2::int[], $3::date[]) AS r(sku_id, change_day)
     JOIN sku_traffic_daily t ON t.shop_id = $1 AND t.sku_id = r.sku_id
       AND t.day >= r.change_day - $5::int AND t.day < $4::date
     GROUP BY r.sku_id`,
    [context.shopId, rises.map((r) => r.sku_id), changeDays, endDay, BEFORE_DAYS],
  );
  const bySku = new Map(windows.map((w) => [w.sku_id, w]));
  const facts = await loadSkuFacts(
    context,
    rises.map((r) => r.sku_id),
  );
  const afterWindows = changeDays.map((day) => ({
    from: localDateStart(day, context.timeZone),
    to: localDateStart(endDay, context.timeZone),
  }));
  // The rest of the shop, measured the same way (SKU visits and orders), is the yardstick.
  const shopDaily = new Map<string, { visits: number; orders: number }>();
  for (const f of traffic.funnel) {
    const day = shopDaily.get(f.day) ?? { visits: 0, orders: 0 };
    day.visits += f.visits;
    day.orders += f.orders;
    shopDaily.set(f.day, day);
  }
  const sumDays = (fromDay: string, toDay: string) => {
    const total = { visits: 0, orders: 0 };
    for (const [day, t] of shopDaily) {
      if (day < fromDay || day >= toDay) continue;
      total.visits += t.visits;
      total.orders += t.orders;
    }
    return total;
  };
  const beforeDay = (day: string) =>
    localDate(
      new Date(localDateStart(day, context.timeZone).getTime() - BEFORE_DAYS * DAY_MS),
      context.timeZone,
    );
  const findings: Finding[] = [];
  for (const [i, rise] of rises.entries()) {
    const row = bySku.get(rise.sku_id);
    const sku = facts.get(rise.sku_id);
    if (!row || !sku) continue;
    const shopBefore = sumDays(beforeDay(changeDays[i]!), changeDays[i]!);
    const shopAfter = sumDays(changeDays[i]!, endDay);
    const ratio = safeRatio(
      safeRatio(shopAfter.orders - row.after_orders, shopAfter.visits - row.after_visits) ?? 0,
      safeRatio(shopBefore.orders - row.before_orders, shopBefore.visits - row.before_visits) ?? 0,
    );
    const judged = judgeConversionAfterChange(
      {
        beforeVisits: row.before_visits,
        beforeOrders: row.before_orders,
        afterVisits: row.after_visits,
        afterOrders: row.after_orders,
      },
      ratio ?? 1,
    );
    if (!judged || judged.z > MAX_Z || row.after_orders > judged.expectedOrders * MAX_SHARE_OF_EXPECTED)
      continue;
    findings.push(priceRiseFinding(context, rise, sku, row, judged, afterWindows[i]!));
  }
  return { findings, gaps: [] };
}

function priceRiseFinding(
  context: AnalysisContext,
  rise: RiseRow,
  sku: SkuFacts,
  row: SkuWindowRow,
  judged: ConversionAfterChange,
  window: Window,
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const days = Math.max(1, (window.to.getTime() - window.from.getTime()) / DAY_MS);
  const lostOrders = judged.expectedOrders - row.after_orders;
  // Back at the old price, the lost orders return but the orders that did come pay the old price.
  const gmvPerDay =
    (lostOrders * rise.old_price_cents - row.after_orders * (rise.new_price_cents - rise.old_price_cents)) /
    days;
  const cost = sku.costCents;
  const profitPerDay =
    cost === null
      ? null
      : (judged.expectedOrders * (rise.old_price_cents - cost) -
          row.after_orders * (rise.new_price_cents - cost)) /
        days;
  const entities = [{ kind: 'sku' as const, id: String(sku.skuId), label: sku.label }];
  const severity = judged.afterRate < judged.expectedRate * 0.5 ? 'high' : 'medium';
  const baselineLabel = `own conversion in the ${BEFORE_DAYS} days before the rise, moved with the shop's conversion`;
  return {
    id: buildFindingId('analytics', 'price-rise-conversion-drop', entities),
    specialist: 'analytics',
    type: 'price-rise-conversion-drop',
    severity,
    title: `${sku.label}: conversion fell to ${formatPercent(judged.afterRate, 1)} after the price rose to ${money(rise.new_price_cents)}`,
    summary:
      `Since ${localDate(rise.effective_at, context.timeZone)} the price is ${money(rise.new_price_cents)} (was ${money(rise.old_price_cents)}). ` +
      `Visits held, but ${row.after_orders} of ${row.after_visits} visits ordered (${formatPercent(judged.afterRate, 1)}) ` +
      `where ${formatPercent(judged.expectedRate, 1)} was expected: about ${Math.round(lostOrders)} orders lost.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'conversionRate',
          'Visit-to-order conversion after the rise',
          'ratio',
          judged.afterRate,
          { value: judged.expectedRate, label: baselineLabel },
          'orders / visits, sku_traffic_daily',
        ),
        figure(
          'conversionBefore',
          'Conversion before the rise',
          'ratio',
          judged.beforeRate,
          { value: null, label: 'none' },
          'orders / visits, sku_traffic_daily',
        ),
        figure(
          'priceCents',
          'Price',
          'cents',
          rise.new_price_cents,
          { value: rise.old_price_cents, label: 'price before the change' },
          'sku_price_changes',
        ),
        figure(
          'z',
          'Significance of the drop',
          'score',
          judged.z,
          { value: 0, label: 'no change' },
          'z of the after rate against the expected one, with both rates’ sampling error',
        ),
      ],
      series: [],
    },
    confidence: Math.min(0.95, 0.6 + Math.abs(judged.z) / 30),
    strategies: [
      {
        kind: 'adjust-price',
        title: `Return ${sku.label} to ${money(rise.old_price_cents)}`,
        params: {
          skuId: String(sku.skuId),
          priceCents: rise.old_price_cents,
          currentPriceCents: rise.new_price_cents,
        },
        expectedImpact: {
          gmvCents: impactRange(gmvPerDay * 14, 0.4),
          profitCents: profitPerDay === null ? null : impactRange(profitPerDay * 14, 0.5),
        },
        risk: {
          level: 'medium',
          note: 'Margin per order falls back; judge again after a week at the old price. Impact over 14 days.',
        },
      },
    ],
  };
}
