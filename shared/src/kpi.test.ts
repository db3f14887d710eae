import { describe, expect, it } from 'vitest';
import { DateRangeSchema, ShopKpisInputSchema, safeRatio } from './index.js';

describe('DateRangeSchema', () => {
  it('accepts a one-day range', () => {
    expect(DateRangeSchema.parse({ from: '2026-11-11', to: '2026-11-11' })).toEqual({
      from: '2026-11-11',
      to: '2026-11-11',
    });
  });

  it('rejects an inverted range with a message that says so', () => {
    const result = DateRangeSchema.safeParse({ from: '2026-11-12', to: '2026-11-10' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/inverted/);
  });

  it.each(['2026-02-30', '11/11/2026', '2026-11-1', 'yesterday'])(
    'rejects the unparseable date %s',
    (value) => {
      expect(DateRangeSchema.safeParse({ from: value, to: '2026-11-11' }).success).toBe(false);
    },
  );

  it('rejects ranges longer than a year', () => {
    expect(DateRangeSchema.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(false);
  });
});

describe('ShopKpisInputSchema', () => {
  it('rejects a slug with spaces or capitals', () => {
    expect(
      ShopKpisInputSchema.safeParse({ shop: 'My Shop', range: { from: '2026-11-11', to: '2026-11-11' } })
        .success,
    ).toBe(false);
  });
});

describe('safeRatio', () => {
  it('divides, and gives null for a zero denominator', () => {
    expect(safeRatio(1, 4)).toBe(0.25);
    expect(safeRatio(1, 0)).toBeNull();
  });
});
