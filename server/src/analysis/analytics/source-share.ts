// Traffic gaps by source: a source whose share of the shop's visits fell in the last week against its
// share on earlier comparable days (a share, so a quiet week for everyone is not a gap of one source).
import { type Finding, TRAFFIC_SOURCES, type TrafficSource } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { binomialZ } from '../shared/proportions.js';
import { safeRatio } from '../shared/ratios.js';
import { toIsoWindow, type Window } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

export interface SourceVisits {
  visits: number;
  orders: number;
}

export interface SourceShareDrop {
  source: TrafficSource;
  recentShare: number;
  baselineShare: number;
  z: number;
  /** Visits the source would have brought at its baseline share. */
  missingVisits: number;
}

/** Sources whose share of visits fell by 30% or more with z ≤ −4. */
export function findSourceShareDrops(
  recent: ReadonlyMap<TrafficSource, SourceVisits>,
  baseline: ReadonlyMap<TrafficSource, SourceVisits>,
): SourceShareDrop[] {
  const total = (map: ReadonlyMap<TrafficSource, SourceVisits>) =>
    TRAFFIC_SOURCES.reduce((s, source) => s + (map.get(source)?.visits ?? 0), 0);
  const recentTotal = total(recent);
  const baselineTotal = total(baseline);
  const drops: SourceShareDrop[] = [];
  for (const source of TRAFFIC_SOURCES) {
    const baselineShare = safeRatio(baseline.get(source)?.visits ?? 0, baselineTotal);
    if (baselineShare === null || baselineShare < 0.02 || recentTotal < 500) continue;
    const visits = recent.get(source)?.visits ?? 0;
    const recentShare = visits / recentTotal;
    const z = binomialZ(visits, recentTotal, baselineShare);
    if (z === null || z > -4 || recentShare > baselineShare * 0.7) continue;
    drops.push({
      source,
      recentShare,
      baselineShare,
      z,
      missingVisits: baselineShare * recentTotal - visits,
    });
  }
  return drops;
}

export function sourceShareFinding(
  context: AnalysisContext,
  drop: SourceShareDrop,
  recent: ReadonlyMap<TrafficSource, SourceVisits>,
  window: Window,
  aovCents: number,
): Finding {
  const now = recent.get(drop.source) ?? { visits: 0, orders: 0 };
  const orderRate = safeRatio(now.orders, now.visits) ?? 0;
  const lostGmv = drop.missingVisits * orderRate * aovCents;
  const entities = [{ kind: 'source' as const, id: drop.source, label: drop.source }];
  const label = 'its share on up to 14 earlier days of the same kind';
  return {
    id: buildFindingId('analytics', 'source-traffic-drop', entities),
    specialist: 'analytics',
    type: 'source-traffic-drop',
    severity: 'medium',
    title: `${drop.source} brings ${formatPercent(drop.recentShare)} of visits, down from ${formatPercent(drop.baselineShare)}`,
    summary:
      `In the last 7 days ${drop.source} brought ${now.visits} visits; at its usual share it would have brought about ` +
      `${Math.round(now.visits + drop.missingVisits)}, worth about ${formatMoney(lostGmv, context.currency)} at its conversion.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'visitShare',
          'Share of the shop’s visits',
          'ratio',
          drop.recentShare,
          { value: drop.baselineShare, label },
          'source visits / all visits, sku_traffic_daily',
        ),
        figure(
          'missingVisits',
          'Visits missing',
          'count',
          drop.missingVisits,
          { value: 0, label },
          'baseline share × all visits − source visits',
        ),
        figure(
          'z',
          'Significance',
          'score',
          drop.z,
          { value: 0, label: 'no change' },
          'binomial z of source visits against the baseline share',
        ),
      ],
      series: [],
    },
    confidence: 0.7,
    strategies: [
      {
        kind: 'investigate',
        title: `Find why ${drop.source} sends fewer shoppers: rankings, placements or campaigns behind it`,
        params: { source: drop.source },
        expectedImpact: { gmvCents: impactRange(lostGmv * 0.5, 1), profitCents: null },
        risk: { level: 'low', note: 'Investigation only.' },
      },
    ],
  };
}
