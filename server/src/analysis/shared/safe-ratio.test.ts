import { describe, expect, it } from 'vitest';
import { safeRatio } from './safe-ratio.js';

describe('safeRatio', () => {
  it('divides when the denominator is a non-zero number', () => {
    expect(safeRatio(3, 4)).toBe(0.75);
  });

  it('returns null instead of Infinity or NaN', () => {
    expect(safeRatio(1, 0)).toBeNull();
    expect(safeRatio(0, 0)).toBeNull();
    expect(safeRatio(null, 2)).toBeNull();
    expect(safeRatio(Number.NaN, 2)).toBeNull();
  });
});
