import { describe, expect, it } from 'vitest';
import { addDays, lastDays, localDateOf, localDaysOf, localHourOf, offsetLabel } from './shop-time';

describe('shop-local dates', () => {
  it('puts 17:00 UTC on Nov 10 on Nov 11 in Shanghai', () => {
    expect(localDateOf('2026-11-10T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-11');
    expect(localDateOf('2026-11-10T15:59:59Z', 'Asia/Shanghai')).toBe('2026-11-10');
    expect(localHourOf('2026-11-10T16:00:00Z', 'Asia/Shanghai')).toBe(0);
  });

  it('excludes the end instant of a phase that ends at local midnight', () => {
    // Peak day Nov 11 in Shanghai: [Nov 10 16:00Z, Nov 11 16:00Z).
    expect(localDaysOf('2026-11-10T16:00:00Z', '2026-11-11T16:00:00Z', 'Asia/Shanghai')).toEqual({
      from: '2026-11-11',
      to: '2026-11-11',
    });
  });

  it('counts the last 7 days including today in the shop’s zone', () => {
    const now = new Date('2026-11-11T18:30:00Z'); // already Nov 12 in Shanghai
    expect(lastDays(7, 'Asia/Shanghai', now)).toEqual({ from: '2026-11-06', to: '2026-11-12' });
    expect(lastDays(7, 'America/Los_Angeles', now)).toEqual({ from: '2026-11-05', to: '2026-11-11' });
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-10-30', 3)).toBe('2026-11-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names the zone offset', () => {
    expect(offsetLabel('Asia/Shanghai')).toBe('GMT+08:00');
  });
});
