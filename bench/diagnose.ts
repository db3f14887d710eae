// diagnosis_1m_s: seconds for all six specialists' analyses of the 1M-order shop, warm (vacuumed and
// analyzed, one run first to fill caches, then the median of five measured runs). Reads the shop
// simulate_1m_s built.
import { diagnoseShop, SPECIALIST_ANALYSES } from '../server/src/analysis/diagnose.js';
import { createQueryFn } from '../server/src/analysis/query.js';
import { type BenchFigure, percentile, timeMs } from './harness.js';

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
    // Nor is it still writing a just-loaded million orders to disk while the shop owner asks.
    await db.pool.query('CHECKPOINT');
    const warm = await diagnoseShop(query, { shop: shop.slug });
    const at = new Date(warm.at);
    // The median of five warm runs: one run on a shared two-core machine swings by ±20%.
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeMs(() => diagnoseShop(query, { shop: shop.slug, at })));
    const ms = percentile(runs, 50);
    // Each specialist alone, for the record: where the time goes when the figure is over budget.
    const alone: string[] = [];
    for (const specialist of Object.keys(SPECIALIST_ANALYSES) as (keyof typeof SPECIALIST_ANALYSES)[]) {
      const t = await timeMs(() => diagnoseShop(query, { shop: shop.slug, at, specialists: [specialist] }));
      alone.push(`${specialist} ${(t / 1000).toFixed(2)} s`);
    }
    console.log(
      `  ${warm.findings.length} findings, ${warm.gaps.length} gaps; runs ${runs.map((r) => (r / 1000).toFixed(2)).join(', ')} s; alone: ${alone.join(', ')}`,
    );
    return ms / 1000;
  },
};
