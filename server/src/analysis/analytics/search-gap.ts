// Search traffic gaps: products that get far less of their organic discovery from search than their
// category peers. Search against recommendation visits isolates findability by keywords (what a title
// controls) from overall appeal (which drives both), so best sellers and long-tail products compare fairly.
import type { DataGap, Finding, Severity } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange, profitRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { safeRatio } from '../shared/ratios.js';
import { localDateStart, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext, SpecialistResult } from '../types.js';
import { findPeerGaps, type PeerGap } from './peer-gap.js';
import type { ProductTraffic, SkuTraffic } from './sku-traffic.js';

const SHOP_WIDE = '(all categories)';
const TITLE_FIX_RECOVERY = 0.5;

export function checkSearchGaps(context: AnalysisContext, traffic: SkuTraffic, asOf: Date): SpecialistResult {
  const gaps: DataGap[] = [];
  const rows = traffic.products;
  if (rows.length === 0) {
    gaps.push({
      specialist: 'analytics',
      check: 'search-traffic-gap',
      reason: 'No per-SKU traffic (sku_traffic_daily) in the look-back period: search gaps cannot be judged.',
    });
    return { findings: [], gaps };
  }
  const items = rows.map((r) => ({
    id: String(r.productId),
    group: r.category,
    hits: r.search,
    trials: r.search + r.recommendation,
  }));
  // A category too small for peers is judged against every product of the shop instead.
  const categorySizes = new Map<string, number>();
  for (const item of items)
    if (item.trials >= 50) categorySizes.set(item.group, (categorySizes.get(item.group) ?? 0) + 1);
  const isSmall = (group: string) => (categorySizes.get(group) ?? 0) < 5;
  const small = new Set(items.filter((i) => isSmall(i.group)).map((i) => i.id));
  const gapsFound = [
    ...findPeerGaps(items.filter((i) => !isSmall(i.group))),
    ...findPeerGaps(items.map((i) => ({ ...i, group: SHOP_WIDE }))).filter((g) => small.has(g.id)),
  ];
  const byProduct = new Map(rows.map((r) => [String(r.productId), r]));
  const shopGmv = rows.reduce((s, r) => s + r.gmv, 0);
  const window = { from: localDateStart(traffic.firstDay, context.timeZone), to: asOf };
  const findings = gapsFound.map((gap) =>
    searchGapFinding(context, gap, byProduct.get(gap.id)!, shopGmv, window),
  );
  return { findings, gaps };
}

function searchGapFinding(
  context: AnalysisContext,
  gap: PeerGap,
  product: ProductTraffic,
  shopGmv: number,
  window: { from: Date; to: Date },
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const organic = product.search + product.recommendation;
  const missingVisits = Math.max(0, gap.expectedHits - product.search);
  const orderRate = safeRatio(product.orders, product.visits) ?? 0;
  const gmvPerOrder = safeRatio(product.gmv, product.orders) ?? 0;
  const missingGmv = missingVisits * orderRate * gmvPerOrder;
  const margin = product.hasAllCosts ? safeRatio(product.gmv - product.cost, product.gmv) : null;
  const gmvImpact = impactRange(missingGmv * TITLE_FIX_RECOVERY, 0.5);
  const severity: Severity =
    gap.share < gap.peerMedian * 0.3 && missingGmv >= shopGmv * 0.01 ? 'high' : 'medium';
  const peersLabel =
    gap.group === SHOP_WIDE
      ? 'median of all products (category too small)'
      : `median of ${gap.peerCount} ${gap.group} peers`;
  const entities = [
    { kind: 'product' as const, id: String(product.productId), label: product.title },
    ...product.skuIds.map((id) => ({ kind: 'sku' as const, id: String(id), label: product.title })),
  ];
  return {
    id: buildFindingId('analytics', 'search-traffic-gap', entities.slice(0, 1)),
    specialist: 'analytics',
    type: 'search-traffic-gap',
    severity,
    title: `"${product.title}" gets ${formatPercent(gap.share)} of its organic visits from search; peers get ${formatPercent(gap.peerMedian)}`,
    summary:
      `Of ${organic} search and recommendation visits, only ${product.search} came from search ` +
      `(${formatPercent(gap.share)} against the ${peersLabel} of ${formatPercent(gap.peerMedian)}). ` +
      `At the peers' share it would have had about ${Math.round(missingVisits)} more search visits, ` +
      `worth about ${money(missingGmv)}. Its title probably lacks the words shoppers search for.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'searchShare',
          'Search share of search + recommendation visits',
          'ratio',
          gap.share,
          { value: gap.peerMedian, label: peersLabel },
          'search visits / (search + recommendation visits), sku_traffic_daily',
        ),
        figure(
          'searchVisits',
          'Search visits',
          'count',
          product.search,
          { value: gap.expectedHits, label: `at the ${peersLabel}` },
          'sum of visits with source = search',
        ),
        figure(
          'peerZ',
          'Distance from peers',
          'score',
          gap.z,
          { value: 0, label: peersLabel },
          '(share − median) / √(peer MAD·1.4826)² + binomial variance)',
        ),
        figure(
          'missingGmvCents',
          'GMV of the missing search visits',
          'cents',
          missingGmv,
          { value: 0, label: 'no gap' },
          'missing visits × order rate × GMV per order',
        ),
      ],
      series: [],
    },
    confidence: Math.min(0.95, 0.6 + Math.min(0.35, Math.abs(gap.z) / 20)),
    strategies: [
      {
        kind: 'rewrite-title',
        title: `Rewrite the title of "${product.title}" with its category's search keywords`,
        params: {
          productId: String(product.productId),
          skuIds: product.skuIds.map(String),
          category: product.category,
        },
        expectedImpact: { gmvCents: gmvImpact, profitCents: profitRange(gmvImpact, margin) },
        risk: {
          level: 'low',
          note: 'A title change is reversible; search ranking may take days to respond.',
        },
      },
    ],
  };
}
