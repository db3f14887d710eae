// Builds the shop's catalogue: products with Chinese titles from category keywords, their SKUs
// (colour / size variants) with prices, costs, long-tail (Zipf) popularity and home warehouses.
import { BRANDS, CATEGORIES, type Category, VAGUE_WORDS } from './categories.js';
import { AliasTable, type Rng } from './random.js';
import type { ScaleSpec } from './scales.js';

export const SOURCE_COUNT = 5; // search, recommendation, ads, direct, social (TRAFFIC_SOURCES order)

export interface Product {
  id: number;
  categoryIndex: number;
  title: string;
  skuIds: number[];
}

export interface Sku {
  id: number;
  productId: number;
  categoryIndex: number;
  name: string;
  attributes: Record<string, string>;
  /** List price before any price change in the season. */
  priceCents: number;
  /** Null: the merchant never told us the cost. */
  costCents: number | null;
  /** Relative demand; 0 = most popular rank. */
  popularity: number;
  rank: number;
  /** Visit-to-order conversion of the SKU page. */
  conversion: number;
  /** Demand multiplier per traffic source; 0 where the SKU gets no traffic from that source. */
  sourceAffinity: number[];
  /** Warehouse ids stocking the SKU (one, or two for best sellers). */
  warehouseIds: number[];
}

export interface Catalog {
  products: Product[];
  /** Index = SKU id − 1. */
  skus: Sku[];
}

export function categoryHasSizes(category: Category): boolean {
  return category.variant.label === 'size';
}

function priceCents(rng: Rng, [min, max]: [number, number]): number {
  const yuan = Math.exp(rng.between(Math.log(min), Math.log(max)));
  return Math.max(9, Math.round(yuan / 10) * 10 - 1) * 100;
}

/** A title a searcher finds: the head keyword, two more keywords, modifiers and a brand. */
export function goodTitle(rng: Rng, category: Category): string {
  const [head, ...rest] = category.keywords;
  const keywords = rng.shuffled(rest).slice(0, 2);
  const modifiers = rng.shuffled(category.modifiers).slice(0, 2);
  return `${rng.pick(BRANDS)} ${modifiers[0]}${keywords[0]}${head} ${keywords[1]}${modifiers[1]}`;
}

/** A title without the words people search for: style words and a vague noun. */
export function weakTitle(rng: Rng, category: Category): string {
  const words = rng.shuffled(VAGUE_WORDS).slice(0, 2);
  return `${rng.pick(BRANDS)} ${words[0]}${category.vagueNoun} ${words[1]}`;
}

export function buildCatalog(rng: Rng, spec: ScaleSpec): Catalog {
  const categoryPicker = new AliasTable(CATEGORIES.map((c) => c.weight));
  const products: Product[] = [];
  const skus: Sku[] = [];
  while (skus.length < spec.skus) {
    const categoryIndex = categoryPicker.sample(rng);
    const category = CATEGORIES[categoryIndex]!;
    const product: Product = {
      id: products.length + 1,
      categoryIndex,
      title: goodTitle(rng, category),
      skuIds: [],
    };
    products.push(product);
    const basePrice = priceCents(rng, category.priceYuan);
    const costShare = rng.between(0.35, 0.6);
    const values = rng.shuffled(category.variant.values);
    const variantCount = Math.min(spec.skus - skus.length, values.length, rng.weighted([0, 25, 35, 25, 15]));
    const color = category.colors.length > 0 ? rng.pick(category.colors) : null;
    for (let v = 0; v < variantCount; v++) {
      const value = values[v]!;
      const attributes: Record<string, string> = { [category.variant.label]: value };
      if (color) attributes.color = color;
      const id = skus.length + 1;
      product.skuIds.push(id);
      skus.push({
        id,
        productId: product.id,
        categoryIndex,
        name: color ? `${color} ${value}` : value,
        attributes,
        priceCents: basePrice,
        costCents: rng.chance(0.03) ? null : Math.round(basePrice * costShare),
        popularity: 0,
        rank: 0,
        conversion: rng.between(0.04, 0.09),
        sourceAffinity: [],
        warehouseIds: [],
      });
    }
  }
  assignPopularity(rng, skus, spec);
  return { products, skus };
}

function assignPopularity(rng: Rng, skus: Sku[], spec: ScaleSpec): void {
  const order = rng.shuffled(skus.map((_, i) => i));
  order.forEach((skuIndex, rank) => {
    const sku = skus[skuIndex]!;
    sku.rank = rank;
    sku.popularity = 1 / (rank + 2) ** spec.zipf;
    const share = rank / skus.length;
    // Every source can send shoppers to any SKU, in similar proportions: a SKU's search share is a
    // trait of the SKU (its title), not of its popularity tier.
    sku.sourceAffinity = Array.from({ length: SOURCE_COUNT }, () => rng.between(0.8, 1.2));
    const home = 1 + rng.int(spec.warehouses);
    sku.warehouseIds =
      share < 0.1 && spec.warehouses > 1
        ? [home, 1 + ((home + rng.int(spec.warehouses - 1)) % spec.warehouses)]
        : [home];
  });
}

/** SKU ids from most to least popular. */
export function skusByRank(catalog: Catalog): number[] {
  const ids = new Array<number>(catalog.skus.length);
  for (const sku of catalog.skus) ids[sku.rank] = sku.id;
  return ids;
}
