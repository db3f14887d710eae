// The ground-truth manifest: for each planted problem, its entities (real per-shop ids), window (UTC,
// exclusive end) and magnitude measured on the generated rows.
import { type Manifest, type PlantedProblem, PROBLEM_SPECIALIST, type ProblemType } from '@zhanggui/shared';
import { DAY, PEAK_DAY, PEAK_LOCAL_HOUR, toIso } from './calendar.js';
import { CATEGORIES } from './categories.js';
import { customerName } from './customers.js';
import { type Draft, pct, skuEntity } from './labels.js';
import {
  campaignSum,
  creativeCtr,
  dayOf,
  daysOfCover,
  funnelTotals,
  lastSpendHour,
  median,
  ratio,
  round4,
  searchShare,
  skuUnits,
} from './measure.js';
import { afterSalesMeasures } from './measure-after-sales.js';
import type { World } from './world.js';

export function buildManifest(world: World, shopSlug: string): Manifest {
  const { options, season } = world;
  const drafts = [
    ...analyticsProblems(world),
    ...adsProblems(world),
    ...inventoryProblems(world),
    ...customerProblems(world),
    ...afterSalesMeasures(world),
  ];
  const counters = new Map<ProblemType, number>();
  const problems = drafts.map(({ fromSec, toSec, ...draft }): PlantedProblem => {
    const n = (counters.get(draft.type) ?? 0) + 1;
    counters.set(draft.type, n);
    return {
      id: `${draft.type}-${n}`,
      specialist: PROBLEM_SPECIALIST[draft.type],
      ...draft,
      window: { from: toIso(season, fromSec), to: toIso(season, toSec) },
      magnitude: {
        metric: draft.magnitude.metric,
        baseline: round4(draft.magnitude.baseline),
        actual: round4(draft.magnitude.actual),
      },
    };
  });
  return { seed: options.seed, scale: options.scale, preset: options.preset, shopSlug, problems };
}

function analyticsProblems(world: World): Draft[] {
  const { plan, catalog, season } = world;
  const drafts: Draft[] = [];
  const rise = plan.priceRise;
  const totals = funnelTotals(world, rise?.skuId ?? null);
  if (plan.weakTitle) {
    const weak = new Set(plan.weakTitle.skuIds);
    const categories = new Set(plan.weakTitle.skuIds.map((id) => catalog.skus[id - 1]!.categoryIndex));
    const peers = catalog.skus.filter(
      (s) => categories.has(s.categoryIndex) && !weak.has(s.id) && s.rank < catalog.skus.length / 4,
    );
    const baseline = median(peers.map((s) => searchShare(totals, [s.id])));
    const actual = searchShare(totals, plan.weakTitle.skuIds);
    const names = [...categories].map((c) => CATEGORIES[c]!.name).join('、');
    drafts.push({
      type: 'search-traffic-gap',
      entities: plan.weakTitle.skuIds.map((id) => skuEntity(world, id)),
      fromSec: 0,
      toSec: season.nowSec,
      magnitude: { metric: 'search_visit_share', baseline, actual },
      description: `Titles of these SKUs lack the search keywords of ${names} (e.g. ${CATEGORIES[[...categories][0]!]!.keywords.slice(0, 2).join(', ')}); search brings ${pct(actual)} of their visits against a median ${pct(baseline)} for top-quarter peers of the same category.`,
    });
  }
  if (rise) {
    const change = plan.priceChanges.find((c) => c.skuId === rise.skuId)!;
    const conversion = (from: number, to: number) => {
      let orders = 0;
      let visits = 0;
      for (let d = from; d < to; d++) {
        orders += totals.dailyOrders[d]!;
        visits += totals.dailyVisits[d]!;
      }
      return ratio(orders, visits);
    };
    const baseline = conversion(rise.day - 10, rise.day);
    const actual = conversion(rise.day, rise.day + 10);
    const old = catalog.skus[rise.skuId - 1]!.priceCents;
    drafts.push({
      type: 'price-rise-conversion-drop',
      entities: [skuEntity(world, rise.skuId)],
      fromSec: rise.day * DAY,
      toSec: (rise.day + 10) * DAY,
      magnitude: { metric: 'conversion_rate', baseline, actual },
      description: `Price raised ${pct(change.newPriceCents / old - 1)} (${old / 100} → ${change.newPriceCents / 100} yuan); visit-to-order conversion fell from ${pct(baseline)} in the 10 days before to ${pct(actual)} in the 10 days after, while visits held.`,
    });
  }
  return drafts;
}

function adsProblems(world: World): Draft[] {
  const { plan, ads } = world;
  const drafts: Draft[] = [];
  const collapse = plan.roasCollapse;
  if (collapse) {
    const campaign = ads.campaigns[collapse.campaignId - 1]!;
    const roas = (from: number, to: number) =>
      ratio(
        campaignSum(world, campaign.id, 'revenue', from, to),
        campaignSum(world, campaign.id, 'spend', from, to),
      );
    const baseline = roas(collapse.fromDay - 7, collapse.fromDay);
    const actual = roas(collapse.fromDay, collapse.toDay);
    drafts.push({
      type: 'roas-collapse',
      entities: [{ kind: 'campaign', id: String(campaign.id), label: campaign.name }],
      fromSec: collapse.fromDay * DAY,
      toSec: collapse.toDay * DAY,
      magnitude: { metric: 'roas', baseline, actual },
      description: `ROAS (ad revenue / spend) fell from ${baseline.toFixed(2)} in the 7 days before to ${actual.toFixed(2)}: clicks and spend continued, conversions did not.`,
    });
  }
  const exhausted = plan.budgetExhausted;
  if (exhausted) {
    const campaign = ads.campaigns[exhausted.campaignId - 1]!;
    const hour = lastSpendHour(world, campaign.id);
    drafts.push({
      type: 'budget-exhausted-before-peak',
      entities: [{ kind: 'campaign', id: String(campaign.id), label: campaign.name }],
      fromSec: PEAK_DAY * DAY,
      toSec: (PEAK_DAY + 1) * DAY,
      magnitude: { metric: 'budget_exhausted_local_hour', baseline: PEAK_LOCAL_HOUR, actual: hour },
      description: `On November 11 the daily budget ran out in the ${hour}:00 hour (shop time); the campaign spent nothing from ${hour + 1}:00, through the ${PEAK_LOCAL_HOUR}:00–22:00 peak.`,
    });
  }
  const fatigue = plan.creativeFatigue;
  if (fatigue) {
    const creative = ads.creatives[fatigue.creativeId - 1]!;
    const end = fatigue.fromDay + fatigue.days;
    const baseline = creativeCtr(world, creative.id, fatigue.fromDay - 7, fatigue.fromDay);
    const actual = creativeCtr(world, creative.id, end - 2, end);
    drafts.push({
      type: 'creative-fatigue',
      entities: [
        { kind: 'creative', id: String(creative.id), label: `${creative.name}：${creative.headline}` },
      ],
      fromSec: fatigue.fromDay * DAY,
      toSec: end * DAY,
      magnitude: { metric: 'ctr', baseline, actual },
      description: `Daily CTR decayed over ${fatigue.days} days from ${pct(baseline)} (7 days before) to ${pct(actual)} (last 2 days of the window).`,
    });
  }
  return drafts;
}

function inventoryProblems(world: World): Draft[] {
  const { plan, season, sales, catalog } = world;
  const drafts: Draft[] = [];
  const out = plan.stockOut;
  if (out) {
    const from = sales.stockOutLastSale >= 0 ? sales.stockOutLastSale : out.outSec;
    const fromDay = dayOf(from);
    const baseline = skuUnits(world, out.skuId, fromDay - 7, fromDay) / 7;
    const fullDays = dayOf(out.restockSec) - (fromDay + 1);
    const actual =
      fullDays > 0 ? skuUnits(world, out.skuId, fromDay + 1, fromDay + 1 + fullDays) / fullDays : 0;
    drafts.push({
      type: 'stock-out',
      entities: [skuEntity(world, out.skuId)],
      fromSec: from,
      toSec: out.restockSec,
      magnitude: { metric: 'daily_units_sold', baseline, actual },
      description: `A best seller sold its last unit during the peak and stayed at 0 on hand until the restock; visits continued while sales stopped (${baseline.toFixed(1)} units/day in the 7 days before).`,
    });
  }
  const over = plan.overstock;
  if (over) {
    const planted = new Set(over.skuIds);
    const covers = catalog.skus
      .filter((s) => !planted.has(s.id))
      .map((s) => daysOfCover(world, s.id))
      .filter((c): c is number => c !== null);
    const actual = Math.min(...over.skuIds.map((id) => daysOfCover(world, id) ?? Number.POSITIVE_INFINITY));
    drafts.push({
      type: 'overstock',
      entities: over.skuIds.map((id) => skuEntity(world, id)),
      fromSec: 0,
      toSec: season.nowSec,
      magnitude: { metric: 'days_of_cover', baseline: median(covers), actual },
      description: `Slow SKUs hold stock for at least ${Math.round(actual)} days at their last-28-day sales rate (shop median ${Math.round(median(covers))} days).`,
    });
  }
  return drafts;
}

function customerProblems(world: World): Draft[] {
  const { plan, sales, season, options } = world;
  if (!plan.churn) return [];
  const churners = plan.churn.customerIds.filter((id) => sales.customerOrders[id - 1]! >= 3);
  if (churners.length === 0) return [];
  const intervals = churners.map(
    (id) =>
      (sales.customerLast[id - 1]! - sales.customerFirst[id - 1]!) /
      (sales.customerOrders[id - 1]! - 1) /
      DAY,
  );
  const silences = churners.map((id) => (season.nowSec - sales.customerLast[id - 1]!) / DAY);
  return [
    {
      type: 'churn-risk',
      entities: churners.map((id) => ({
        kind: 'customer',
        id: String(id),
        label: customerName(options.seed, id),
      })),
      fromSec: Math.max(...churners.map((id) => sales.customerLast[id - 1]!)),
      toSec: season.nowSec,
      magnitude: { metric: 'days_since_last_order', baseline: median(intervals), actual: median(silences) },
      description: `Frequent buyers (an order every ${median(intervals).toFixed(1)} days, median) have not ordered for ${median(silences).toFixed(0)} days.`,
    },
  ];
}
