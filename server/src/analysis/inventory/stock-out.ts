// Stock-outs that happened: a SKU at zero stock in every warehouse at the end of a day. The outage
// starts after its last sale and ends with its first sale after the restock; the sales it missed are
// its usual share of the shop's units over those hours.
import type { Finding, Severity } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney } from '../shared/money.js';
import type { PromotionWindow } from '../shared/promotion.js';
import { safeRatio } from '../shared/ratios.js';
import {
  DAY_MS,
  formatLocalHour,
  HOUR_MS,
  localDateStart,
  toIsoWindow,
  type Window,
} from '../shared/shop-time.js';
import type { SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import { skuAndWarehouses, skuMargin } from './sku-stock-parts.js';
import type { SkuStock } from './stock-data.js';
import { planReorder } from './stock-math.js';

export interface StockOutEvent {
  sku: SkuStock;
  window: Window;
  /** Units per day in the 7 days before the outage. */
  unitsPerDayBefore: number;
  lostUnits: number;
  lostGmvCents: number;
}

interface OutageRow extends Record<string, unknown> {
  out_at: Date;
  next_sale: Date | null;
  sku_units: number;
  sku_gmv: number;
  shop_units: number;
  shop_units_during: number;
}

/** The last run of consecutive zero-stock days: [first, last]. */
export function lastZeroRun(zeroDays: readonly string[]): [string, string] | null {
  if (zeroDays.length === 0) return null;
  let first = zeroDays.at(-1)!;
  for (let i = zeroDays.length - 2; i >= 0; i--) {
    const gap = (Date.parse(`${first}T00:00:00Z`) - Date.parse(`${zeroDays[i]}T00:00:00Z`)) / DAY_MS;
    if (gap !== 1) break;
    first = zeroDays[i]!;
  }
  return [first, zeroDays.at(-1)!];
}

export async function measureStockOut(
  context: AnalysisContext,
  span: DataSpan,
  sku: SkuStock,
): Promise<StockOutEvent | null> {
  const run = lastZeroRun(sku.zeroDays);
  if (!run) return null;
  const tz = context.timeZone;
  const firstZeroEnd = new Date(localDateStart(run[0], tz).getTime() + DAY_MS);
  const restockDayEnd = new Date(localDateStart(run[1], tz).getTime() + 2 * DAY_MS);
  const [row] = await context.query<OutageRow>(
    `WITH o AS (
       SELECT coalesce((SELECT max(hour) + interval '1 hour' FROM sku_hourly_rollup
                        WHERE shop_id = $1 AND sku_id = $2 AND hour < $3 AND hour >= $3 - interval '8 days' AND units > 0),
                       $3 - interval '1 day') AS out_at
     )
     SELECT o.out_at,
            (SELECT min(hour) FROM sku_hourly_rollup WHERE shop_id = $1 AND sku_id = $2 AND hour >= o.out_at AND hour < $5 AND units > 0) AS next_sale,
            (SELECT coalesce(sum(units), 0) FROM sku_hourly_rollup WHERE shop_id = $1 AND sku_id = $2 AND hour >= o.out_at - interval '7 days' AND hour < o.out_at) AS sku_units,
            (SELECT coalesce(sum(gmv_cents), 0) FROM sku_hourly_rollup WHERE shop_id = $1 AND sku_id = $2 AND hour >= o.out_at - interval '7 days' AND hour < o.out_at) AS sku_gmv,
            (SELECT coalesce(sum(units), 0) FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= o.out_at - interval '7 days' AND hour < o.out_at) AS shop_units,
            (SELECT coalesce(sum(units), 0) FROM shop_hourly_rollup WHERE shop_id = $1 AND hour >= o.out_at
               AND hour < least($4::timestamptz, coalesce((SELECT min(hour) FROM sku_hourly_rollup WHERE shop_id = $1 AND sku_id = $2 AND hour >= o.out_at AND hour < $5 AND units > 0), $4::timestamptz))) AS shop_units_during
     FROM o`,
    [
      context.shopId,
      sku.skuId,
      firstZeroEnd,
      restockDayEnd < span.asOf ? restockDayEnd : span.asOf,
      span.asOf,
    ],
  );
  if (!row) return null;
  const from = row.out_at;
  const endCap = restockDayEnd < span.asOf ? restockDayEnd : span.asOf;
  const to = row.next_sale && row.next_sale < endCap ? row.next_sale : endCap;
  if (to <= from) return null;
  const share = safeRatio(row.sku_units, row.shop_units) ?? 0;
  const lostUnits = share * row.shop_units_during;
  const unitPrice = safeRatio(row.sku_gmv, row.sku_units) ?? 0;
  return {
    sku,
    window: { from, to },
    unitsPerDayBefore: row.sku_units / 7,
    lostUnits,
    lostGmvCents: lostUnits * unitPrice,
  };
}

export function stockOutFinding(
  context: AnalysisContext,
  event: StockOutEvent,
  facts: SkuFacts,
  promotions: readonly PromotionWindow[],
  spanGmvCents: number,
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const tz = context.timeZone;
  const { sku, window } = event;
  const main = [...sku.warehouses].sort((a, b) => b.units28 - a.units28)[0]!;
  const inPromotion = promotions.some((p) =>
    p.phases.some(
      (ph) => ph.from < window.to && window.from < ph.to && (ph.kind === 'peak' || ph.kind === 'launch'),
    ),
  );
  const severity: Severity = inPromotion || event.lostGmvCents >= spanGmvCents * 0.01 ? 'high' : 'medium';
  const reorder = planReorder({
    unitsPerDay: event.unitsPerDayBefore,
    unitsPerDaySd: sku.dailySd ?? 0,
    leadTimeDays: main.leadTimeDays,
    reviewDays: 7,
    availableUnits: 0,
    inboundUnits: 0,
  });
  const holdUnits = Math.ceil(event.lostUnits) + reorder.safetyStockUnits;
  const margin = skuMargin(facts);
  const gmvImpact = impactRange(event.lostGmvCents * 0.8, 0.25);
  const hours = Math.round((window.to.getTime() - window.from.getTime()) / HOUR_MS);
  const entities = skuAndWarehouses(sku, facts);
  return {
    id: buildFindingId(
      'inventory',
      'stock-out',
      entities.slice(0, 1),
      window.from.toISOString().slice(0, 10),
    ),
    specialist: 'inventory',
    type: 'stock-out',
    severity,
    title: `${facts.label} sold out at ${formatLocalHour(window.from, tz)} and stayed out for ${hours} hours`,
    summary:
      `${facts.label} sold its last unit before ${formatLocalHour(window.from, tz)} and had none in any warehouse until ` +
      `${formatLocalHour(window.to, tz)}. At its usual share of the shop's sales it would have sold about ` +
      `${Math.round(event.lostUnits)} more units (${money(event.lostGmvCents)}); before the outage it sold ${event.unitsPerDayBefore.toFixed(1)} a day.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'unitsSoldDuring',
          'Units sold while out of stock',
          'units',
          0,
          {
            value: event.lostUnits,
            label: 'its share of shop units in the 7 days before × shop units during the outage',
          },
          'sku_hourly_rollup, shop_hourly_rollup',
        ),
        figure(
          'unitsPerDayBefore',
          'Units per day before the outage',
          'units',
          event.unitsPerDayBefore,
          { value: null, label: 'none' },
          'units in the 7 days before / 7',
        ),
        figure(
          'lostGmvCents',
          'GMV lost to the outage',
          'cents',
          event.lostGmvCents,
          { value: 0, label: 'no outage' },
          'lost units × its average unit price in the 7 days before',
        ),
        figure(
          'hoursOut',
          'Hours out of stock',
          'hours',
          hours,
          { value: 0, label: 'no outage' },
          'last sale + 1 h to the first sale after the restock',
        ),
      ],
      series: [],
    },
    confidence: 0.9,
    strategies: [
      {
        kind: 'restock-sku',
        title: `Hold ${holdUnits} more units of ${facts.label} in warehouse ${main.warehouseId} before the next peak`,
        params: {
          skuId: String(sku.skuId),
          warehouseId: String(main.warehouseId),
          units: holdUnits,
          safetyStockUnits: reorder.safetyStockUnits,
        },
        expectedImpact: { gmvCents: gmvImpact, profitCents: profitRange(gmvImpact, margin) },
        risk: {
          level: 'low',
          note: `Lead time ${main.leadTimeDays} days; the extra units tie up cash until the next peak.`,
        },
      },
    ],
  };
}
