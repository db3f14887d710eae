// simulate_1m_s: seconds to simulate and load the 1M-order shop (COPY and rollups included). Later
// figures (KPI, diagnosis) read that shop through context.shared.get('shop-1m').
import { simulateShop } from '../server/src/simulator/simulate-shop.js';
import type { BenchFigure } from './harness.js';

export const simulate1m: BenchFigure = {
  name: 'simulate_1m_s',
  unit: 's',
  budget: 60,
  budgetKind: 'max',
  async measure({ db, shared }) {
    const started = performance.now();
    const result = await simulateShop(
      db.pool,
      { slug: 'bench-1m', scale: '1m', seed: 7, preset: 'default', replace: true },
      (p) => {
        if (p.step === 'table')
          console.log(`  ${p.table.padEnd(22)} ${String(p.rows).padStart(9)}  ${p.seconds.toFixed(1)} s`);
        else console.log(`  ${p.step.padEnd(22)} ${''.padStart(9)}  ${p.seconds.toFixed(1)} s`);
      },
    );
    shared.set('shop-1m', { shopId: result.shopId, slug: result.slug });
    return (performance.now() - started) / 1000;
  },
};
