// diagnosis_1m_s: seconds for all six specialists' analyses of the 1M-order shop, warm (statistics
// gathered and one run first to fill caches, then the measured run). Reads the shop simulate_1m_s built.
import { diagnoseShop, SPECIALIST_ANALYSES } from '../server/src/analysis/diagnose.js';
import { createQueryFn } from '../server/src/analysis/query.js';
import { type BenchFigure, timeMs } from './harness.js';

export const diagnosis1m: BenchFigure = {
  name: 'diagnosis_1m_s',
  unit: 's',
  budget: 2,
  budgetKind: 'max',
  async measure({ db, shared }) {
    const shop = shared.get('shop-1m') as { slug: string } | undefined;
    if (!shop) throw new Error('diagnosis_1m_s needs the 1M-order shop: run it together with simulate_1m_s.');
    const query = createQueryFn(db.pool);
    // A live database has been vacuumed and analyzed by autovacuum (statistics, visibility map for
    // index-only scans); a shop loaded seconds ago may not have been yet.
    await db.pool.query('VACUUM ANALYZE');
    const warm = await diagnoseShop(query, { shop: shop.slug });
    const at = new Date(warm.at);
    const ms = await timeMs(() => diagnoseShop(query, { shop: shop.slug, at }));
    // Each specialist alone, for the record: where the time goes when the figure is over budget.
    const alone: string[] = [];
    for (const specialist of Object.keys(SPECIALIST_ANALYSES) as (keyof typeof SPECIALIST_ANALYSES)[]) {
      const t = await timeMs(() => diagnoseShop(query, { shop: shop.slug, at, specialists: [specialist] }));
      alone.push(`${specialist} ${(t / 1000).toFixed(2)} s`);
    }
    console.log(`  ${warm.findings.length} findings, ${warm.gaps.length} gaps; alone: ${alone.join(', ')}`);
    return ms / 1000;
  },
};
