// Stock-outs ahead: each SKU's stock walked forward against its promotion-aware hourly demand, to the
// hour it would run out, with a reorder (lead time, safety stock) and transfers between warehouses.
import type { Finding, Severity } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney } from '../shared/money.js';
import {
  addLocalDays,
  DAY_MS,
  formatLocalHour,
  HOUR_MS,
  startOfLocalDay,
  toIsoWindow,
} from '../shared/shop-time.js';
import type { SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import {
  type DemandCalendar,
  dayUplift,
  forecastHourlyDemand,
  regularDaysIn,
  regularDayVelocity,
} from './demand-forecast.js';
import { skuAndWarehouses, skuMargin, transferStrategy } from './sku-stock-parts.js';
import type { SkuStock } from './stock-data.js';
import {
  type DemandProfile,
  demandProfile,
  planReorder,
  planTransfers,
  projectScaledStockOut,
  type StockOut,
} from './stock-math.js';

/** Stock must last through the lead time plus a week before the next chance to reorder. */
const REVIEW_DAYS = 7;
const MAX_HORIZON_DAYS = 35;

export interface StockOutRisk {
  sku: SkuStock;
  /** Units per regular day. */
  velocity: number;
  leadTimeDays: number;
  stockOut: StockOut;
  horizonEnd: Date;
  /** The promotion phase the stock-out falls in, if any. */
  phase: string | null;
}

export interface ForecastHorizon {
  end: Date;
  profile: DemandProfile;
}

/** One demand shape for the whole shop: through the next promotion's end, at least lead time + review. */
export function forecastHorizon(calendar: DemandCalendar, asOf: Date, minDays: number): ForecastHorizon {
  const tz = calendar.timeZone;
  const upcoming = calendar.promotions.filter(
    (p) => p.to > asOf && p.from < new Date(asOf.getTime() + MAX_HORIZON_DAYS * DAY_MS),
  );
  const promotionEnd = Math.max(0, ...upcoming.map((p) => p.to.getTime()));
  const end = new Date(
    Math.min(
      asOf.getTime() + MAX_HORIZON_DAYS * DAY_MS,
      Math.max(asOf.getTime() + minDays * DAY_MS, promotionEnd),
    ),
  );
  const demand = forecastHourlyDemand(1, asOf, end, calendar, (at) => startOfLocalDay(at, tz));
  return { end, profile: demandProfile(demand) };
}

export function findStockOutRisks(
  stock: readonly SkuStock[],
  calendar: DemandCalendar,
  asOf: Date,
): StockOutRisk[] {
  const tz = calendar.timeZone;
  const today = startOfLocalDay(asOf, tz);
  const pastWeek = regularDaysIn(
    Array.from({ length: 7 }, (_, i) => addLocalDays(today, i - 7, tz)),
    calendar,
  );
  const maxLead = Math.max(1, ...stock.flatMap((s) => s.warehouses.map((w) => w.leadTimeDays)));
  const horizon = forecastHorizon(calendar, asOf, maxLead + REVIEW_DAYS);
  const risks: StockOutRisk[] = [];
  for (const sku of stock) {
    if (sku.units7 <= 0 || sku.available <= 0) continue;
    const velocity = regularDayVelocity(sku.units7, pastWeek);
    let stockOut = projectScaledStockOut(sku.available, velocity, horizon.profile);
    const leadTimeDays = Math.max(...sku.warehouses.map((w) => w.leadTimeDays));
    const arrival = asOf.getTime() + leadTimeDays * DAY_MS;
    // Stock already on its way arrives after the lead time: it only helps an outage that comes later.
    if (stockOut && sku.inbound > 0 && stockOut.hour.getTime() >= arrival) {
      stockOut = projectScaledStockOut(sku.available + sku.inbound, velocity, horizon.profile);
    }
    if (!stockOut) continue;
    const phase = calendar.promotions
      .flatMap((p) => p.phases)
      .find((ph) => ph.from <= stockOut!.hour && stockOut!.hour < ph.to);
    const urgent = stockOut.hour.getTime() < asOf.getTime() + (leadTimeDays + REVIEW_DAYS) * DAY_MS;
    if (!urgent && !phase) continue;
    risks.push({
      sku,
      velocity,
      leadTimeDays,
      stockOut,
      horizonEnd: horizon.end,
      phase: phase?.kind ?? null,
    });
  }
  return risks;
}

export function stockOutRiskFinding(
  context: AnalysisContext,
  risk: StockOutRisk,
  facts: SkuFacts,
  calendar: DemandCalendar,
  asOf: Date,
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const tz = context.timeZone;
  const { sku, stockOut } = risk;
  const hoursLeft = (stockOut.hour.getTime() - asOf.getTime()) / HOUR_MS;
  const lostGmv = stockOut.unmetUnits * facts.priceCents;
  const margin = skuMargin(facts);
  const meanUplift = averageUplift(calendar, asOf, risk.leadTimeDays + REVIEW_DAYS);
  const reorder = planReorder({
    unitsPerDay: risk.velocity * meanUplift,
    unitsPerDaySd: sku.dailySd ?? 0,
    leadTimeDays: risk.leadTimeDays,
    reviewDays: REVIEW_DAYS,
    availableUnits: sku.available,
    inboundUnits: sku.inbound,
  });
  const perWarehouseVelocity = (units7: number) =>
    sku.units7 > 0 ? (risk.velocity * meanUplift * units7) / sku.units7 : 0;
  const transfers = planTransfers(
    sku.warehouses.map((w) => ({
      warehouseId: String(w.warehouseId),
      availableUnits: w.onHand,
      unitsPerDay: perWarehouseVelocity(w.units7),
    })),
    { targetCoverDays: risk.leadTimeDays, keepCoverDays: risk.leadTimeDays + REVIEW_DAYS },
  );
  const main = [...sku.warehouses].sort((a, b) => b.units7 - a.units7)[0]!;
  // In a promotion phase a stock-out costs a multiple of a normal day; before the lead time a reorder
  // comes too late (transfer or expedite); after it, ordering now is enough.
  const beforeReorderArrives = hoursLeft < risk.leadTimeDays * 24;
  const severity: Severity =
    (risk.phase === 'peak' || risk.phase === 'launch') && beforeReorderArrives
      ? 'high'
      : beforeReorderArrives
        ? 'medium'
        : 'low';
  const gmvImpact = impactRange(lostGmv * 0.8, 0.3);
  const entities = skuAndWarehouses(sku, facts);
  const cover = sku.available / Math.max(1e-9, risk.velocity * meanUplift);
  return {
    id: buildFindingId('inventory', 'stock-out-risk', entities.slice(0, 1)),
    specialist: 'inventory',
    type: 'stock-out-risk',
    severity,
    title: `${facts.label} will run out around ${formatLocalHour(stockOut.hour, tz)}${risk.phase ? ` (${risk.phase} phase)` : ''}`,
    summary:
      `${sku.available} units left at about ${(risk.velocity * meanUplift).toFixed(1)} a day (promotion-adjusted): ` +
      `out in about ${Math.round(hoursLeft)} hours, while a reorder takes ${risk.leadTimeDays} days. ` +
      `Until ${formatLocalHour(risk.horizonEnd, tz)} it would miss about ${Math.round(stockOut.unmetUnits)} units (${money(lostGmv)}).`,
    entities,
    window: toIsoWindow({ from: stockOut.hour, to: risk.horizonEnd }),
    evidence: {
      figures: [
        figure(
          'availableUnits',
          'Units on hand',
          'units',
          sku.available,
          { value: reorder.reorderPointUnits, label: 'reorder point (lead-time demand + safety stock)' },
          'inventory_daily at the diagnosis, less today’s sales',
        ),
        figure(
          'daysOfCover',
          'Days of cover at forecast velocity',
          'days',
          cover,
          { value: risk.leadTimeDays, label: 'lead time' },
          'units on hand / forecast units per day',
        ),
        figure(
          'hoursToStockOut',
          'Hours until it runs out',
          'hours',
          hoursLeft,
          { value: risk.leadTimeDays * 24, label: 'lead time in hours' },
          'hourly demand walk: velocity per regular day × promotion uplift × hour-of-day share',
        ),
        figure(
          'unmetUnits',
          'Demand it cannot serve',
          'units',
          stockOut.unmetUnits,
          { value: 0, label: 'none' },
          `forecast to ${localLabel(risk.horizonEnd, tz)}`,
        ),
      ],
      series: [],
    },
    confidence: 0.75,
    strategies: [
      ...transfers.map((t) =>
        transferStrategy(
          t,
          facts,
          Math.min(lostGmv, t.units * facts.priceCents),
          'Faster than a reorder; the donor keeps its own cover.',
        ),
      ),
      ...(reorder.quantity > 0
        ? [
            {
              kind: 'restock-sku' as const,
              title: `Reorder ${reorder.quantity} units of ${facts.label} into warehouse ${main.warehouseId}`,
              params: {
                skuId: String(sku.skuId),
                warehouseId: String(main.warehouseId),
                units: reorder.quantity,
                safetyStockUnits: reorder.safetyStockUnits,
                leadTimeDays: risk.leadTimeDays,
              },
              expectedImpact: { gmvCents: gmvImpact, profitCents: profitRange(gmvImpact, margin) },
              risk: {
                level: hoursLeft < risk.leadTimeDays * 24 ? ('medium' as const) : ('low' as const),
                note:
                  hoursLeft < risk.leadTimeDays * 24
                    ? 'Arrives after the stock-out unless expedited.'
                    : 'Arrives before the stock-out if ordered now.',
              },
            },
          ]
        : []),
    ],
  };
}

function averageUplift(calendar: DemandCalendar, asOf: Date, days: number): number {
  const tz = calendar.timeZone;
  const today = startOfLocalDay(asOf, tz);
  let sum = 0;
  for (let i = 0; i < days; i++) sum += dayUplift(calendar, addLocalDays(today, i, tz));
  return days > 0 ? sum / days : 1;
}

function localLabel(at: Date, tz: string): string {
  return formatLocalHour(at, tz);
}
