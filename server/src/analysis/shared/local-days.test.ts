import { describe, expect, it } from 'vitest';
import { fillDays, localDaysBefore, windowOfDays } from './local-days.js';

describe('localDaysBefore', () => {
  it('lists local days ending with the day of the moment, in the shop zone', () => {
    // 2026-11-11 01:30 in Shanghai is 2026-11-10 17:30 UTC.
    const local = localDaysBefore(new Date('2026-11-10T17:30:00Z'), 'Asia/Shanghai', 3);
    expect(local.days).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(local.from.toISOString()).toBe('2026-11-08T16:00:00.000Z');
  });

  it('turns day indexes into a UTC window that ends at the moment for the last day', () => {
    const at = new Date('2026-11-10T17:30:00Z');
    const local = localDaysBefore(at, 'Asia/Shanghai', 3);
    expect(windowOfDays(local, 0, 1, 'Asia/Shanghai')).toEqual({
      from: new Date('2026-11-08T16:00:00Z'),
      to: new Date('2026-11-09T16:00:00Z'),
    });
    expect(windowOfDays(local, 1, 3, 'Asia/Shanghai').to).toEqual(at);
  });

  it('fills days without rows with an empty row', () => {
    const local = localDaysBefore(new Date('2026-11-10T12:00:00Z'), 'UTC', 3);
    const filled = fillDays(local, [{ day: '2026-11-09', n: 4 }], (day) => ({ day, n: 0 }));
    expect(filled.map((r) => r.n)).toEqual([0, 4, 0]);
  });
});
