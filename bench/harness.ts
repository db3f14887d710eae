// What a benchmark figure is. Figures run in the order listed in figures.ts and share one database,
// so a later figure can use the shop an earlier one built (e.g. the 1M-order shop).
import type { Db } from '../server/src/db/client.js';

export interface BenchContext {
  db: Db;
  url: string;
  /** Values shared between figures, e.g. the id of the 1M-order shop. */
  shared: Map<string, unknown>;
}

export interface BenchFigure {
  name: string;
  unit: string;
  budget: number;
  /** 'max': the value must stay at or below the budget (time); 'min': at or above (throughput). */
  budgetKind: 'max' | 'min';
  measure(context: BenchContext): Promise<number>;
}

export interface BenchResult {
  value: number;
  unit: string;
  budget: number;
}

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
