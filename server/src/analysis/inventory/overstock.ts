// Overstock: slow SKUs (cover beyond 90 days) whose excess units stand out even among slow SKUs, so
// the long tail's few leftover units are not all called overstock; each comes with a markdown.
import type { Finding, Severity } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from '../shared/robust-stats.js';
import { toIsoWindow, type Window } from '../shared/shop-time.js';
import type { SkuFacts } from '../shared/sku-facts.js';
import type { AnalysisContext } from '../types.js';
import { suggestMarkdown } from './markdown.js';
import { skuAndWarehouses } from './sku-stock-parts.js';
import type { SkuStock } from './stock-data.js';
import { daysOfCover } from './stock-math.js';

const SLOW_COVER_DAYS = 90;
/** Stock beyond this many days of sales is excess. */
const KEEP_DAYS = 60;
const MIN_POPULATION = 8;
const Z_THRESHOLD = 3;

export interface OverstockCandidate {
  sku: SkuStock;
  unitsPerDay: number;
  cover: number | null;
  excessUnits: number;
  z: number | null;
}

/** Slow SKUs whose excess units are an outlier (robust z of log units) among all slow SKUs. */
export function findOverstock(stock: readonly SkuStock[]): OverstockCandidate[] {
  const slow = stock
    .map((sku) => {
      const unitsPerDay = sku.units28 / 28;
      const cover = daysOfCover(sku.available, unitsPerDay);
      return { sku, unitsPerDay, cover, excessUnits: sku.available - unitsPerDay * KEEP_DAYS };
    })
    .filter(
      (c) => c.sku.available > 0 && (c.cover === null || c.cover >= SLOW_COVER_DAYS) && c.excessUnits >= 1,
    );
  const logs = slow.map((c) => Math.log(c.excessUnits));
  const center = median(logs);
  const sigma = Math.max(0.25, MAD_TO_SIGMA * (medianAbsoluteDeviation(logs) ?? 0));
  return slow
    .map((c) => ({
      ...c,
      z: center === null || slow.length < MIN_POPULATION ? null : (Math.log(c.excessUnits) - center) / sigma,
    }))
    .filter((c) => c.z === null || c.z >= Z_THRESHOLD);
}

export function overstockFinding(
  context: AnalysisContext,
  candidate: OverstockCandidate,
  facts: SkuFacts,
  shopGmv28: number,
  window: Window,
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const { sku } = candidate;
  const unitValue = facts.costCents ?? facts.priceCents;
  const excessValue = candidate.excessUnits * unitValue;
  const severity: Severity =
    excessValue >= shopGmv28 * 0.05 ? 'high' : excessValue >= shopGmv28 * 0.01 ? 'medium' : 'low';
  const markdown = suggestMarkdown({
    stockUnits: sku.available,
    keepUnits: candidate.unitsPerDay * KEEP_DAYS,
    unitsPerDay: candidate.unitsPerDay,
    horizonDays: 30,
    priceCents: facts.priceCents,
    costCents: facts.costCents,
  });
  const valueLabel = facts.costCents === null ? 'at price (cost unknown)' : 'at cost';
  const entities = skuAndWarehouses(sku, facts, true);
  const coverText =
    candidate.cover === null ? 'no sales in 28 days' : `${Math.round(candidate.cover)} days of cover`;
  return {
    id: buildFindingId('inventory', 'overstock', entities.slice(0, 1)),
    specialist: 'inventory',
    type: 'overstock',
    severity,
    title: `${facts.label}: ${sku.available} units, ${coverText}`,
    summary:
      `${facts.label} holds ${sku.available} units and sold ${sku.units28} in the last 28 days (${coverText}). ` +
      `About ${Math.round(candidate.excessUnits)} units beyond ${KEEP_DAYS} days of sales tie up ${money(excessValue)} ${valueLabel}. ` +
      `A ${formatPercent(markdown.discount)} markdown would sell about ${markdown.extraUnits} more units in 30 days.`,
    entities,
    window: toIsoWindow(window),
    evidence: {
      figures: [
        figure(
          'daysOfCover',
          'Days of cover',
          'days',
          candidate.cover,
          { value: SLOW_COVER_DAYS, label: 'slow-mover threshold' },
          'units on hand / units per day over 28 days',
        ),
        figure(
          'excessUnits',
          `Units beyond ${KEEP_DAYS} days of sales`,
          'units',
          candidate.excessUnits,
          { value: 0, label: 'none in excess' },
          `on hand − ${KEEP_DAYS} × units per day`,
        ),
        figure(
          'excessValueCents',
          `Excess stock value ${valueLabel}`,
          'cents',
          excessValue,
          { value: shopGmv28, label: 'shop GMV of the last 28 days' },
          `excess units × unit ${facts.costCents === null ? 'price' : 'cost'}`,
        ),
        figure(
          'outlierZ',
          'How unusual among slow SKUs',
          'score',
          candidate.z,
          { value: Z_THRESHOLD, label: 'robust z threshold' },
          'robust z of log excess units among SKUs with > 90 days of cover',
        ),
      ],
      series: [],
    },
    confidence: candidate.z === null ? 0.6 : 0.85,
    strategies: [
      {
        kind: 'markdown-sku',
        title: `Mark ${facts.label} down ${formatPercent(markdown.discount)} for 30 days`,
        params: {
          skuId: String(sku.skuId),
          discount: markdown.discount,
          days: 30,
          priceCents: Math.round(facts.priceCents * (1 - markdown.discount)),
        },
        expectedImpact: {
          gmvCents: impactRange(markdown.gmvDeltaCents, 0.5),
          profitCents:
            markdown.profitDeltaCents === null ? null : impactRange(markdown.profitDeltaCents, 0.5),
        },
        risk: {
          level: 'medium',
          note: `Assumes price elasticity 2; frees ${markdown.cashFreedCents === null ? 'an unknown amount (no cost)' : money(markdown.cashFreedCents)} of stock value.`,
        },
      },
    ],
  };
}
