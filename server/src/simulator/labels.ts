// Shared wording of manifest entries: entity labels, percentages, and the draft shape of a problem.
import type { PlantedEntity, PlantedProblem } from '@zhanggui/shared';
import { WAREHOUSES } from './texts.js';
import type { World } from './world.js';

/** A planted problem before it gets its id and ISO window; times are season seconds. */
export type Draft = Omit<PlantedProblem, 'id' | 'specialist' | 'window'> & { fromSec: number; toSec: number };

export function skuLabel(world: World, skuId: number): string {
  const sku = world.catalog.skus[skuId - 1]!;
  return `${world.catalog.products[sku.productId - 1]!.title} ${sku.name}`;
}

export const skuEntity = (world: World, id: number): PlantedEntity => ({
  kind: 'sku',
  id: String(id),
  label: skuLabel(world, id),
});

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const warehouseName = (id: number) => WAREHOUSES[id - 1]!.name;
