import { describe, expect, it } from 'vitest';
import { lastZeroRun } from './stock-out.js';

describe('lastZeroRun', () => {
  it('takes the latest run of consecutive zero-stock days', () => {
    expect(lastZeroRun(['2026-11-01', '2026-11-02', '2026-11-11', '2026-11-12', '2026-11-13'])).toEqual([
      '2026-11-11',
      '2026-11-13',
    ]);
    expect(lastZeroRun(['2026-11-30', '2026-12-01'])).toEqual(['2026-11-30', '2026-12-01']);
    expect(lastZeroRun([])).toBeNull();
  });
});
