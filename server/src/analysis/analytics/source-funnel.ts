// Funnel by traffic source (impressions → visits → add-to-cart → orders): a source whose conversion
// fell in the last week beyond what the other sources did over the same days.
import { type Finding, TRAFFIC_SOURCES, type TrafficSource } from '@zhanggui/shared';
import { figure, series } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
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

const RECENT_DAYS = 7;
const BASELINE_DAYS = 14;

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
): Promise<SpecialistResult> {
  const today = startOfLocalDay(asOf, context.timeZone);
  const recentFrom = localDate(addLocalDays(today, -RECENT_DAYS, context.timeZone), context.timeZone);
  const baselineFrom = localDate(
    addLocalDays(today, -RECENT_DAYS - BASELINE_DAYS, context.timeZone),
    context.timeZone,
  );
  const rows = traffic.funnel.filter((r) => r.day >= baselineFrom);
  if (!rows.some((r) => r.day >= recentFrom) || !rows.some((r) => r.day < recentFrom)) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'analytics',
          check: 'source-funnel',
          reason: `Per-source traffic for both the last ${RECENT_DAYS} days and the ${BASELINE_DAYS} days before is needed to judge the funnel.`,
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
  const findings = findSourceConversionDrops(recent, baseline).map((drop): Finding => {
    const entities = [{ kind: 'source' as const, id: drop.source, label: drop.source }];
    const now = recent.get(drop.source)!;
    const before = baseline.get(drop.source)!;
    const lostGmv = drop.lostOrders * aov;
    const label = 'own rate in the 14 days before, moved with the other sources';
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
            { value: safeRatio(before.addToCart, before.visits), label: 'own rate in the 14 days before' },
            'add-to-cart / visits',
          ),
          figure(
            'clickThroughRate',
            'Impression-to-visit rate',
            'ratio',
            safeRatio(now.visits, now.impressions),
            { value: safeRatio(before.visits, before.impressions), label: 'own rate in the 14 days before' },
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
  return { findings, gaps: [] };
}
