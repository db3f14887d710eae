// kpi_query_p95_ms: p95 latency of shop.kpis (current + previous period + target) on the 1M-order shop.
import { getHourlyGmv, getShopKpis } from '../server/src/services/kpis/shop-kpis.js';
import { type BenchFigure, percentile, timeMs } from './harness.js';

const RANGES = [
  { from: '2026-11-11', to: '2026-11-11' },
  { from: '2026-11-01', to: '2026-11-11' },
  { from: '2026-10-15', to: '2026-11-20' },
  { from: '2026-11-09', to: '2026-11-12' },
];

export const kpiQueryP95: BenchFigure = {
  name: 'kpi_query_p95_ms',
  unit: 'ms',
  budget: 100,
  budgetKind: 'max',
  async measure({ db, shared }) {
    const shop = shared.get('shop-1m') as { slug: string } | undefined;
    if (!shop)
      throw new Error('kpi_query_p95_ms needs the 1M-order shop: run it together with simulate_1m_s.');
    for (const range of RANGES) await getShopKpis(db, { shop: shop.slug, range });
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const range = RANGES[i % RANGES.length]!;
      samples.push(await timeMs(() => getShopKpis(db, { shop: shop.slug, range })));
    }
    return percentile(samples, 95);
  },
};

export const hourlyGmvP95: BenchFigure = {
  name: 'hourly_gmv_query_p95_ms',
  unit: 'ms',
  budget: 100,
  budgetKind: 'max',
  async measure({ db, shared }) {
    const shop = shared.get('shop-1m') as { slug: string } | undefined;
    if (!shop)
      throw new Error('hourly_gmv_query_p95_ms needs the 1M-order shop: run it together with simulate_1m_s.');
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) {
      const range = RANGES[i % RANGES.length]!;
      samples.push(await timeMs(() => getHourlyGmv(db, { shop: shop.slug, range })));
    }
    return percentile(samples, 95);
  },
};
