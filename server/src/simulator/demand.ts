// What each SKU would sell per traffic source and day: demand (what shoppers look for, which drives
// visits) and purchase weight (what they end up buying). Planted problems bend one or the other:
// a weak title cuts search demand; a price rise cuts purchases but not visits.
import { AFTER_DAY, LAUNCH_DAY, PEAK_DAY, PEAK_EVE_DAY, PREHEAT_DAY } from './calendar.js';
import { type Catalog, SOURCE_COUNT } from './catalog.js';
import type { Plan } from './plan.js';
import { AliasTable } from './random.js';

export const SEARCH = 0;
export const ADS = 2;

/** Share of orders per traffic source (search, recommendation, ads, direct, social) on a day. */
export function sourceMix(day: number): number[] {
  if (day === PEAK_DAY || day === PEAK_EVE_DAY) return [0.27, 0.2, 0.21, 0.24, 0.08];
  if (day >= LAUNCH_DAY && day < AFTER_DAY) return [0.31, 0.24, 0.2, 0.17, 0.08];
  if (day >= PREHEAT_DAY && day < LAUNCH_DAY) return [0.34, 0.27, 0.18, 0.13, 0.08];
  return [0.36, 0.28, 0.16, 0.12, 0.08];
}

export class Demand {
  private readonly searchFactor: Float64Array;
  private readonly priceRiseIndex: number;

  constructor(
    private readonly catalog: Catalog,
    private readonly plan: Plan,
  ) {
    this.searchFactor = new Float64Array(catalog.skus.length).fill(1);
    for (const id of plan.weakTitle?.skuIds ?? []) this.searchFactor[id - 1] = plan.weakTitle!.searchFactor;
    this.priceRiseIndex = plan.priceRise ? plan.priceRise.skuId - 1 : -1;
  }

  /** How much shoppers look for SKU (index) through a source: drives visits. */
  demand(skuIndex: number, source: number): number {
    const sku = this.catalog.skus[skuIndex]!;
    const factor = source === SEARCH ? this.searchFactor[skuIndex]! : 1;
    return sku.popularity * sku.sourceAffinity[source]! * factor;
  }

  /** How much they buy: demand times the conversion effect of a planted price rise. */
  purchase(skuIndex: number, source: number, day: number): number {
    const weight = this.demand(skuIndex, source);
    const rise = this.plan.priceRise;
    return skuIndex === this.priceRiseIndex && rise && day >= rise.day
      ? weight * rise.conversionFactor
      : weight;
  }

  /** One alias table per source over SKU indexes, by purchase weight, and the weight sums. */
  dayPickers(day: number): { pickers: AliasTable[]; purchaseSums: number[] } {
    const n = this.catalog.skus.length;
    const pickers: AliasTable[] = [];
    const purchaseSums: number[] = [];
    const weights = new Float64Array(n);
    for (let source = 0; source < SOURCE_COUNT; source++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        weights[i] = this.purchase(i, source, day);
        sum += weights[i]!;
      }
      pickers.push(new AliasTable(weights));
      purchaseSums.push(sum);
    }
    return { pickers, purchaseSums };
  }
}

/** List prices over the season, after price changes (effective at a local midnight). */
export class PriceBook {
  private readonly base: Int32Array;
  private readonly changeDay: Int32Array;
  private readonly changed: Int32Array;

  constructor(catalog: Catalog, plan: Plan) {
    const n = catalog.skus.length;
    this.base = Int32Array.from(catalog.skus, (s) => s.priceCents);
    this.changeDay = new Int32Array(n).fill(1 << 30);
    this.changed = Int32Array.from(this.base);
    for (const change of plan.priceChanges) {
      this.changeDay[change.skuId - 1] = change.day;
      this.changed[change.skuId - 1] = change.newPriceCents;
    }
  }

  priceAt(skuIndex: number, day: number): number {
    return day >= this.changeDay[skuIndex]! ? this.changed[skuIndex]! : this.base[skuIndex]!;
  }

  /** The price at the end of the season: what skus.price_cents says now. */
  current(skuIndex: number): number {
    return this.changed[skuIndex]!;
  }
}
