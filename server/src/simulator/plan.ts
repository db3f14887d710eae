// The problem catalogue: which entities and windows each planted problem uses, drawn from the seed.
// The 'clean' preset plans none; both presets get the same harmless background (small price changes).
import type { SimulationPreset } from '@zhanggui/shared';
import { AFTER_DAY, DAY, HOUR, PEAK_DAY, PEAK_EVE_DAY, SEASON_DAYS, TAIL_DAY } from './calendar.js';
import { type Catalog, categoryHasSizes, skusByRank, weakTitle } from './catalog.js';
import { CATEGORIES } from './categories.js';
import { type Customers, customersByWeight } from './customers.js';
import { AliasTable, type Rng } from './random.js';
import type { ScaleSpec } from './scales.js';

export interface PriceChange {
  skuId: number;
  /** Takes effect at this day's local midnight. */
  day: number;
  newPriceCents: number;
}

export interface Plan {
  weakTitle: { productIds: number[]; skuIds: number[]; searchFactor: number } | null;
  stockOut: { skuId: number; outSec: number; restockSec: number } | null;
  overstock: { skuIds: number[]; coverDays: number[] } | null;
  priceRise: { skuId: number; day: number; conversionFactor: number } | null;
  churn: { customerIds: number[]; cutDays: number[] } | null;
  returnSpike: { skuId: number; fromSec: number; toSec: number; reason: string; rate: number } | null;
  lateShipments: { warehouseId: number; fromSec: number; toSec: number; lateRate: number } | null;
  reviewSurge: { skuId: number; fromSec: number; toSec: number } | null;
  roasCollapse: { campaignId: number; fromDay: number; toDay: number; conversionFactor: number } | null;
  budgetExhausted: { campaignId: number; localHour: number } | null;
  creativeFatigue: { creativeId: number; fromDay: number; days: number; floor: number } | null;
  /** Background changes (both presets) plus the planted price rise. */
  priceChanges: PriceChange[];
}

/** Picks distinct SKUs (and distinct products) for problems, so one problem never masks another. */
class SkuPicker {
  private readonly usedProducts = new Set<number>();
  readonly byRank: number[];

  constructor(
    private readonly rng: Rng,
    private readonly catalog: Catalog,
  ) {
    this.byRank = skusByRank(catalog);
  }

  reserveProduct(productId: number): void {
    this.usedProducts.add(productId);
  }

  isFree(skuId: number): boolean {
    return !this.usedProducts.has(this.catalog.skus[skuId - 1]!.productId);
  }

  /** A free SKU with popularity rank in [from, to), optionally matching a predicate. */
  pick(from: number, to: number, accept: (skuId: number) => boolean = () => true): number {
    const candidates = this.byRank.slice(from, to).filter((id) => this.isFree(id) && accept(id));
    const skuId =
      candidates.length > 0
        ? this.rng.pick(candidates)
        : this.byRank.find((id) => this.isFree(id) && accept(id));
    if (skuId === undefined) throw new Error('The catalogue is too small to plant every problem.');
    this.reserveProduct(this.catalog.skus[skuId - 1]!.productId);
    return skuId;
  }
}

export function planProblems(
  rng: Rng,
  preset: SimulationPreset,
  spec: ScaleSpec,
  catalog: Catalog,
  customers: Customers,
): Plan {
  const picker = new SkuPicker(rng, catalog);
  const priceChanges = backgroundPriceChanges(rng, catalog, picker);
  const none: Plan = {
    weakTitle: null,
    stockOut: null,
    overstock: null,
    priceRise: null,
    churn: null,
    returnSpike: null,
    lateShipments: null,
    reviewSurge: null,
    roasCollapse: null,
    budgetExhausted: null,
    creativeFatigue: null,
    priceChanges,
  };
  if (preset === 'clean') return none;

  const n = catalog.skus.length;
  const stockOutSku = picker.pick(0, 3);
  // The hot SKU sells from one warehouse only, so "stocked out" means out everywhere.
  catalog.skus[stockOutSku - 1]!.warehouseIds.splice(1);
  const reviewSku = picker.pick(0, 4);
  const returnSku = picker.pick(0, Math.max(12, n / 100), (id) =>
    categoryHasSizes(CATEGORIES[catalog.skus[id - 1]!.categoryIndex]!),
  );
  const priceRiseSku = picker.pick(0, 6);
  // Two weak titles in two different categories, each with enough peers to be compared with.
  const weakCategories = new Set<number>();
  const peerCounts = new Map<number, number>();
  for (const id of picker.byRank.slice(0, n / 2)) {
    const category = catalog.skus[id - 1]!.categoryIndex;
    peerCounts.set(category, (peerCounts.get(category) ?? 0) + 1);
  }
  const peersOf = (category: number) => peerCounts.get(category) ?? 0;
  const weakProducts = [0, 1].map(() => {
    const skuId = picker.pick(4, Math.max(30, n / 100), (id) => {
      const category = catalog.skus[id - 1]!.categoryIndex;
      return !weakCategories.has(category) && peersOf(category) >= 8;
    });
    weakCategories.add(catalog.skus[skuId - 1]!.categoryIndex);
    return catalog.skus[skuId - 1]!.productId;
  });
  const overstockSkus = [0, 1, 2].map(() => picker.pick(Math.floor(n * 0.3), Math.floor(n * 0.5)));

  const weakSkuIds: number[] = [];
  for (const productId of weakProducts) {
    const product = catalog.products[productId - 1]!;
    product.title = weakTitle(rng, CATEGORIES[product.categoryIndex]!);
    weakSkuIds.push(...product.skuIds);
  }
  const priceRiseDay = rng.intBetween(10, 15);
  const priceRiseSpec = catalog.skus[priceRiseSku - 1]!;
  priceChanges.push({
    skuId: priceRiseSku,
    day: priceRiseDay,
    newPriceCents: Math.round((priceRiseSpec.priceCents * rng.between(1.2, 1.4)) / 100) * 100,
  });

  const byWeight = customersByWeight(customers);
  const heavyBuyers = byWeight.slice(0, Math.max(10, Math.floor(customers.count * 0.02)));
  const churners = rng.shuffled(heavyBuyers).slice(0, Math.max(3, Math.round(customers.count / 8000)));
  // Loyal, frequent buyers before they went quiet: clearly top-percentile, and frequent enough
  // (about 60 orders a season at the smallest scale) to have a usual interval before the cut.
  const totalWeight = customers.weight.reduce((a, b) => a + b, 0);
  const topPercentile = customers.weight[byWeight[Math.floor(customers.count * 0.01)]! - 1]!;
  const churnerWeight = Math.max(topPercentile * 1.5, (60 / spec.orders) * totalWeight);
  for (const id of churners) customers.weight[id - 1] = churnerWeight;
  customers.picker = new AliasTable(customers.weight);
  const campaignIds = rng.shuffled(Array.from({ length: spec.campaigns }, (_, i) => i + 1));
  const fatigueCampaign = campaignIds[2]!;
  // Lines delivered in the window come back; it closes 3 days before the season ends, so they can.
  const returnFrom = rng.intBetween(PEAK_EVE_DAY, PEAK_DAY);
  const lateFrom = rng.intBetween(PEAK_DAY, PEAK_DAY + 2);
  const reviewFrom = rng.intBetween(PEAK_EVE_DAY - 2, TAIL_DAY + 2);
  const roasFrom = rng.intBetween(12, 20);
  const restockDay = rng.intBetween(TAIL_DAY + 2, AFTER_DAY - 1);
  return {
    ...none,
    weakTitle: { productIds: weakProducts, skuIds: weakSkuIds, searchFactor: 0.12 },
    stockOut: {
      skuId: stockOutSku,
      outSec: PEAK_DAY * DAY + rng.intBetween(2 * HOUR, 17 * HOUR),
      restockSec: restockDay * DAY + 10 * HOUR,
    },
    overstock: { skuIds: overstockSkus, coverDays: overstockSkus.map(() => rng.between(150, 300)) },
    priceRise: { skuId: priceRiseSku, day: priceRiseDay, conversionFactor: 0.25 },
    churn: { customerIds: churners, cutDays: churners.map(() => rng.intBetween(11, 13)) },
    returnSpike: {
      skuId: returnSku,
      fromSec: returnFrom * DAY,
      toSec: (returnFrom + 7) * DAY,
      reason: CATEGORIES[catalog.skus[returnSku - 1]!.categoryIndex]!.spikeReason,
      rate: 0.6,
    },
    lateShipments: {
      warehouseId: 1 + rng.int(spec.warehouses),
      fromSec: lateFrom * DAY,
      toSec: (lateFrom + 6) * DAY,
      lateRate: 0.45,
    },
    reviewSurge: { skuId: reviewSku, fromSec: reviewFrom * DAY, toSec: (reviewFrom + 6) * DAY },
    roasCollapse: {
      campaignId: campaignIds[0]!,
      fromDay: roasFrom,
      toDay: roasFrom + 6,
      conversionFactor: 0.1,
    },
    budgetExhausted: { campaignId: campaignIds[1]!, localHour: rng.intBetween(13, 16) },
    creativeFatigue: {
      creativeId: (fatigueCampaign - 1) * spec.creativesPerCampaign + 1 + rng.int(spec.creativesPerCampaign),
      fromDay: rng.intBetween(8, 20),
      days: 10,
      floor: 0.38,
    },
  };
}

/** Small (3–8%) price moves on about 2% of SKUs: normal shop life, with no effect on conversion. */
function backgroundPriceChanges(rng: Rng, catalog: Catalog, picker: SkuPicker): PriceChange[] {
  const count = Math.max(2, Math.round(catalog.skus.length * 0.02));
  // Outside the top 8, which the planted SKU problems draw from.
  const chosen = rng.shuffled(picker.byRank.slice(8, 8 + Math.max(count * 3, 30))).slice(0, count);
  return chosen.map((skuId) => {
    picker.reserveProduct(catalog.skus[skuId - 1]!.productId);
    const sign = rng.chance(0.5) ? 1 : -1;
    const price = catalog.skus[skuId - 1]!.priceCents;
    return {
      skuId,
      day: rng.intBetween(3, SEASON_DAYS - 3),
      newPriceCents: Math.round((price * (1 + sign * rng.between(0.03, 0.08))) / 100) * 100,
    };
  });
}
