import { describe, expect, it } from 'vitest';
import { buildFindingId } from './finding-id.js';
import { formatMoney } from './money.js';
import {
  addLocalDays,
  formatLocalHour,
  localDate,
  localDateStart,
  localHour,
  startOfLocalDay,
  zoneOffsetMinutes,
} from './shop-time.js';

describe('shop time', () => {
  it('reads local dates and hours in the shop’s zone', () => {
    const at = new Date('2026-11-10T16:30:00Z');
    expect(zoneOffsetMinutes(at, 'Asia/Shanghai')).toBe(480);
    expect(localDate(at, 'Asia/Shanghai')).toBe('2026-11-11');
    expect(localHour(at, 'Asia/Shanghai')).toBe(0);
    expect(formatLocalHour(at, 'Asia/Shanghai')).toBe('2026-11-11 00:00');
    expect(startOfLocalDay(at, 'Asia/Shanghai').toISOString()).toBe('2026-11-10T16:00:00.000Z');
    expect(localDateStart('2026-11-11', 'Asia/Shanghai').toISOString()).toBe('2026-11-10T16:00:00.000Z');
  });

  it('keeps the local wall-clock time across a daylight-saving change', () => {
    // New York leaves DST on 2026-11-01: midnight is 04:00Z before and 05:00Z after.
    const before = new Date('2026-10-31T04:00:00Z');
    expect(zoneOffsetMinutes(before, 'America/New_York')).toBe(-240);
    expect(addLocalDays(before, 2, 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-02T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });
});

describe('finding ids and money', () => {
  it('builds the same id from the same specialist, type and entities', () => {
    const entities = [{ kind: 'campaign' as const, id: '12' }];
    expect(buildFindingId('ads', 'roas-collapse', entities)).toBe('ads:roas-collapse:campaign-12');
    expect(buildFindingId('analytics', 'orders-drop', [], '2026-11-11')).toBe(
      'analytics:orders-drop:shop:2026-11-11',
    );
  });

  it('formats minor units as yuan, with fen only when there are any', () => {
    expect(formatMoney(300_000, 'CNY')).toBe('¥3,000');
    expect(formatMoney(300_050, 'CNY')).toBe('¥3,000.50');
  });
});
