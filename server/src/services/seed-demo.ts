// The demo shop a fresh install shows: a simulated Double-11 season with planted problems.
import type pg from 'pg';
import { simulateShop } from '../simulator/simulate-shop.js';

export const DEMO_SHOP = {
  slug: 'demo',
  name: '掌柜演示店 Zhanggui Demo',
  scale: 'demo',
  seed: 11,
  preset: 'default',
} as const;

/** Seeds the demo shop when the database holds no shop at all. Returns true when it seeded. */
export async function seedDemoIfEmpty(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM shops');
  if ((rows[0]?.n ?? 0) > 0) return false;
  await simulateShop(pool, { ...DEMO_SHOP });
  // Fresh planner statistics for every table now, not whenever autovacuum gets to them: the first
  // diagnosis otherwise plans for empty tables.
  await pool.query('ANALYZE');
  return true;
}
