// Everything the loader writes for one shop, produced without a database: table rows as COPY text,
// the promotion plan and the manifest. Same options and shop id give byte-identical output.
import { createHash } from 'node:crypto';
import type { Manifest, ResolvedSimulateOptions } from '@zhanggui/shared';
import { activityTables } from './activity-tables.js';
import { chunked, type TableRows } from './copy-text.js';
import { buildManifest } from './manifest.js';
import { type PromotionPlan, planPromotion } from './promotion.js';
import { salesTables } from './sales-tables.js';
import { simulateWorld, type World } from './world.js';

export interface GeneratedShop {
  world: World;
  /** Rows for the shop with this id, in load order (parents before the tables referencing them). */
  tables(shopId: number): TableRows[];
  promotion: PromotionPlan;
  manifest: Manifest;
}

export function generateShop(options: ResolvedSimulateOptions): GeneratedShop {
  const world = simulateWorld(options);
  return {
    world,
    tables: (shopId) => [...salesTables(world, shopId), ...activityTables(world, shopId)],
    promotion: planPromotion(world),
    manifest: buildManifest(world, options.slug),
  };
}

/** SHA-256 over every generated row, the promotion and the manifest: the determinism fingerprint. */
export function fingerprint(shop: GeneratedShop, shopId = 1): string {
  const hash = createHash('sha256');
  for (const table of shop.tables(shopId)) {
    hash.update(`${table.table}(${table.columns.join(',')})\n`);
    for (const chunk of chunked(table.lines())) hash.update(chunk);
  }
  hash.update(JSON.stringify(shop.promotion));
  hash.update(JSON.stringify(shop.manifest));
  return hash.digest('hex');
}
