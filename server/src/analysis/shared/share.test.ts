import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../types.js';
import { shareWithinDiagnosis } from './share.js';

function context(shared?: Map<string, Promise<unknown>>): AnalysisContext {
  return { shopId: 1, at: new Date(0), timeZone: 'UTC', currency: 'CNY', query: async () => [], shared };
}

describe('shareWithinDiagnosis', () => {
  it('reads once per key within a diagnosis, and hands every caller the same result', async () => {
    let reads = 0;
    const load = async () => ({ read: ++reads });
    const diagnosis = context(new Map());
    const [a, b] = await Promise.all([
      shareWithinDiagnosis(diagnosis, 'traffic:2026-10-24', load),
      shareWithinDiagnosis(diagnosis, 'traffic:2026-10-24', load),
    ]);
    expect(reads).toBe(1);
    expect(b).toBe(a);
    await shareWithinDiagnosis(diagnosis, 'traffic:2026-10-25', load);
    expect(reads).toBe(2);
  });

  it('reads every time for an analysis run on its own', async () => {
    let reads = 0;
    const alone = context();
    await shareWithinDiagnosis(alone, 'k', async () => ++reads);
    await shareWithinDiagnosis(alone, 'k', async () => ++reads);
    expect(reads).toBe(2);
  });
});
