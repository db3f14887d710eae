// Funnel by traffic source (impressions → visits → add-to-cart → orders): a source whose conversion
// fell in the last week beyond what the other sources did over the same days, and (source-share.ts)
// a source whose share of visits fell.
import { type Finding, TRAFFIC_SOURCES, type TrafficSource } from '@zhanggui/shared';
import { figure, series } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { dayKindAt, type PromotionWindow } from '../shared/promotion.js';
import { binomialZ } from '../shared/proportions.js';
import { safeRatio } from '../shared/ratios.js';
import {
  addLocalDays,
  localDate,
  localDateStart,
  startOfLocalDay,
  toIsoWindow,
} from '../shared/shop-time.js';
import type { AnalysisContext, SpecialistResult } from '../types.js';
import { loadShopTotals } from './shop-totals.js';
import type { SkuTraffic } from './sku-traffic.js';
import { findSourceShareDrops, sourceShareFinding } from './source-share.js';

const RECENT_DAYS = 7;
const BASELINE_DAYS = 14;
const MIN_BASELINE_DAYS = 5;

export interface FunnelCounts {
  impressions: number;
  visits: number;
  addToCart: number;
  orders: number;
}

const ZERO: FunnelCounts = { impressions: 0, visits: 0, addToCart: 0, orders: 0 };

function add(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  return {
    impressions: a.impressions + b.impressions,
    visits: a.visits + b.visits,
    addToCart: a.addToCart + b.addToCart,
    orders: a.orders + b.orders,
  };
}

export interface SourceConversionDrop {
  source: TrafficSource;
  recentRate: number;
  expectedRate: number;
  z: number;
  lostOrders: number;
}

/**
 * Judges each source's recent visit-to-order rate against its baseline rate moved by the other
 * sources' change; returns the sources that fell significantly (z ≤ −4) and by 30% or more.
 */
export function findSourceConversionDrops(
  recent: ReadonlyMap<TrafficSource, FunnelCounts>,
  baseline: ReadonlyMap<TrafficSource, FunnelCounts>,
): SourceConversionDrop[] {
  const drops: SourceConversionDrop[] = [];
  for (const source of TRAFFIC_SOURCES) {
    const now = recent.get(source) ?? ZERO;
    const before = baseline.get(source) ?? ZERO;
    const others = (map: ReadonlyMap<TrafficSource, FunnelCounts>) =>
      TRAFFIC_SOURCES.filter((s) => s !== source).reduce((sum, s) => add(sum, map.get(s) ?? ZERO), ZERO);
    const otherChange = safeRatio(
      safeRatio(others(recent).orders, others(recent).visits) ?? 0,
      safeRatio(others(baseline).orders, others(baseline).visits) ?? 0,
    );
    const baseRate = safeRatio(before.orders, before.visits);
    if (baseRate === null || before.orders < 20 || now.visits < 100) continue;
    const expectedRate = Math.min(0.999, baseRate * (otherChange ?? 1));
    const z = binomialZ(now.orders, now.visits, expectedRate);
    const recentRate = now.orders / now.visits;
    if (z === null || z > -4 || recentRate > expectedRate * 0.7) continue;
    drops.push({ source, recentRate, expectedRate, z, lostOrders: expectedRate * now.visits - now.orders });
  }
  return drops;
}

export async function checkSourceFunnel(
  context: AnalysisContext,
  traffic: SkuTraffic,
  asOf: Date,
  promotions: readonly PromotionWindow[],
): Promise<SpecialistResult> {
  const tz = context.timeZone;
  const today = startOfLocalDay(asOf, tz);
  const recentFrom = localDate(addLocalDays(today, -RECENT_DAYS, tz), tz);
  // Seasonality: the source mix of a promotion is not the mix of a normal week, so the recent week is
  // compared with the latest earlier days of the same kinds (regular days with regular days).
  const kindOf = (day: string) =>
    dayKindAt(promotions, new Date(localDateStart(day, tz).getTime() + 12 * 3_600_000));
  const days = [...new Set(traffic.funnel.map((r) => r.day))].sort();
  const recentKinds = new Set(days.filter((d) => d >= recentFrom).map(kindOf));
  const baselineDays = new Set(
    days.filter((d) => d < recentFrom && recentKinds.has(kindOf(d))).slice(-BASELINE_DAYS),
  );
  const rows = traffic.funnel.filter((r) => r.day >= recentFrom || baselineDays.has(r.day));
  if (!rows.some((r) => r.day >= recentFrom) || baselineDays.size < MIN_BASELINE_DAYS) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'analytics',
          check: 'source-funnel',
          reason: `The funnel by source needs the last ${RECENT_DAYS} days and at least ${MIN_BASELINE_DAYS} earlier days of the same kind (regular or the same promotion phase) to compare with.`,
        },
      ],
    };
  }
  const recent = new Map<TrafficSource, FunnelCounts>();
  const baseline = new Map<TrafficSource, FunnelCounts>();
  for (const row of rows) {
    const target = row.day >= recentFrom ? recent : baseline;
    target.set(row.source, add(target.get(row.source) ?? ZERO, row));
  }
  const window = { from: localDateStart(recentFrom, context.timeZone), to: today };
  const [shopRecent] = await loadShopTotals(context, [window]);
  const aov = safeRatio(shopRecent!.gmvCents, shopRecent!.orders) ?? 0;
  const shareDrops = findSourceShareDrops(recent, baseline).map((drop) =>
    sourceShareFinding(context, drop, recent, window, aov),
  );
  const findings = findSourceConversionDrops(recent, baseline).map((drop): Finding => {
    const entities = [{ kind: 'source' as const, id: drop.source, label: drop.source }];
    const now = recent.get(drop.source)!;
    const before = baseline.get(drop.source)!;
    const lostGmv = drop.lostOrders * aov;
    const label = 'own rate on up to 14 earlier days of the same kind, moved with the other sources';
    return {
      id: buildFindingId('analytics', 'source-conversion-drop', entities),
      specialist: 'analytics',
      type: 'source-conversion-drop',
      severity: 'medium',
      title: `${drop.source} visitors convert at ${formatPercent(drop.recentRate, 1)}, expected ${formatPercent(drop.expectedRate, 1)}`,
      summary:
        `In the last ${RECENT_DAYS} days ${now.visits} ${drop.source} visits brought ${now.orders} orders; at the expected rate ` +
        `that would have been about ${Math.round(now.orders + drop.lostOrders)} (≈ ${formatMoney(lostGmv, context.currency)} GMV).`,
      entities,
      window: toIsoWindow(window),
      evidence: {
        figures: [
          figure(
            'conversionRate',
            'Visit-to-order conversion',
            'ratio',
            drop.recentRate,
            { value: drop.expectedRate, label },
            'orders / visits by source, sku_traffic_daily',
          ),
          figure(
            'addToCartRate',
            'Add-to-cart rate',
            'ratio',
            safeRatio(now.addToCart, now.visits),
            {
              value: safeRatio(before.addToCart, before.visits),
              label: 'own rate on earlier comparable days',
            },
            'add-to-cart / visits',
          ),
          figure(
            'clickThroughRate',
            'Impression-to-visit rate',
            'ratio',
            safeRatio(now.visits, now.impressions),
            {
              value: safeRatio(before.visits, before.impressions),
              label: 'own rate on earlier comparable days',
            },
            'visits / impressions',
          ),
          figure(
            'z',
            'Significance',
            'score',
            drop.z,
            { value: 0, label: 'no change' },
            'binomial z of orders against the expected rate',
          ),
        ],
        series: [
          series(
            'conversionRate',
            `${drop.source} conversion per day`,
            'ratio',
            rows
              .filter((r) => r.source === drop.source)
              .map((r) => ({ at: r.day, value: safeRatio(r.orders, r.visits) })),
          ),
        ],
      },
      confidence: 0.7,
      strategies: [
        {
          kind: 'investigate',
          title: `Check what ${drop.source} visitors land on: prices, stock and page of the top ${drop.source} SKUs`,
          params: { source: drop.source },
          expectedImpact: { gmvCents: impactRange(lostGmv * 0.5, 1), profitCents: null },
          risk: { level: 'low', note: 'Investigation only.' },
        },
      ],
    };
  });
  return { findings: [...findings, ...shareDrops], gaps: [] };
}
