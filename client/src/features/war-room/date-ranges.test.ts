import type { PromotionSummary } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { checkRange, defaultRange, isSameRange, lastDaysEnd, rangeChoices } from './date-ranges';

// Double 11 in Shanghai (UTC+8): local midnights are 16:00 UTC the day before.
const DOUBLE_11: PromotionSummary = {
  id: 1,
  name: 'Double 11 2026',
  startsAt: '2026-10-20T16:00:00.000Z',
  endsAt: '2026-11-14T16:00:00.000Z',
  gmvTargetCents: 100_000_000,
  phases: [
    {
      phase: 'preheat',
      startsAt: '2026-10-20T16:00:00.000Z',
      endsAt: '2026-10-30T16:00:00.000Z',
      gmvTargetCents: 1,
    },
    {
      phase: 'launch',
      startsAt: '2026-10-30T16:00:00.000Z',
      endsAt: '2026-11-03T16:00:00.000Z',
      gmvTargetCents: 1,
    },
    {
      phase: 'peak',
      startsAt: '2026-11-10T16:00:00.000Z',
      endsAt: '2026-11-11T16:00:00.000Z',
      gmvTargetCents: 1,
    },
    {
      phase: 'tail',
      startsAt: '2026-11-11T16:00:00.000Z',
      endsAt: '2026-11-14T16:00:00.000Z',
      gmvTargetCents: 1,
    },
  ],
};

describe('rangeChoices', () => {
  it('offers the whole promotion first, then each phase as shop-local days', () => {
    const choices = rangeChoices(DOUBLE_11, 'Asia/Shanghai');
    expect(choices.map((c) => [c.id, c.range.from, c.range.to])).toEqual([
      ['all', '2026-10-21', '2026-11-14'],
      ['preheat', '2026-10-21', '2026-10-30'],
      ['launch', '2026-10-31', '2026-11-03'],
      ['peak', '2026-11-11', '2026-11-11'],
      ['tail', '2026-11-12', '2026-11-14'],
    ]);
    expect(defaultRange(DOUBLE_11, 'Asia/Shanghai')).toEqual({ from: '2026-10-21', to: '2026-11-14' });
  });

  it('falls back to the last 7 days when the shop has no promotion', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    expect(rangeChoices(null, 'Asia/Shanghai', now)).toEqual([
      { id: 'last7', range: { from: '2026-11-25', to: '2026-12-01' } },
    ]);
  });
});

describe('lastDaysEnd', () => {
  const now = new Date('2026-11-23T17:00:00Z');

  it('ends the last 7 days now for a shop without orders or with orders in those days', () => {
    expect(lastDaysEnd(null, 'Asia/Shanghai', now)).toBe(now);
    expect(lastDaysEnd('2026-11-18T02:00:00Z', 'Asia/Shanghai', now)).toBe(now);
  });

  it("ends them at the latest order of an imported history, so the week shown is the shop's last", () => {
    // 2026-10-31 23:30 UTC is already 11-01 in Shanghai.
    const end = lastDaysEnd('2026-10-31T23:30:00Z', 'Asia/Shanghai', now);
    expect(end.toISOString()).toBe('2026-10-31T23:30:00.000Z');
    expect(defaultRange(null, 'Asia/Shanghai', end)).toEqual({ from: '2026-10-26', to: '2026-11-01' });
  });
});

describe('checkRange', () => {
  it('accepts a one-day range', () => {
    expect(checkRange({ from: '2026-11-11', to: '2026-11-11' })).toEqual({
      ok: true,
      range: { from: '2026-11-11', to: '2026-11-11' },
    });
  });

  it('names an inverted range with both dates', () => {
    expect(checkRange({ from: '2026-11-12', to: '2026-11-10' })).toEqual({
      ok: false,
      problem: { kind: 'inverted', from: '2026-11-12', to: '2026-11-10' },
    });
  });

  it('rejects a range over 366 days and an unfinished date', () => {
    expect(checkRange({ from: '2025-01-01', to: '2026-11-10' })).toEqual({
      ok: false,
      problem: { kind: 'tooLong' },
    });
    expect(checkRange({ from: '', to: '2026-11-10' })).toEqual({ ok: false, problem: { kind: 'badDate' } });
    expect(checkRange({ from: '2026-02-30', to: '2026-03-01' })).toEqual({
      ok: false,
      problem: { kind: 'badDate' },
    });
  });

  it('compares ranges by their days', () => {
    expect(
      isSameRange({ from: '2026-11-11', to: '2026-11-11' }, { from: '2026-11-11', to: '2026-11-11' }),
    ).toBe(true);
    expect(
      isSameRange({ from: '2026-11-11', to: '2026-11-12' }, { from: '2026-11-11', to: '2026-11-11' }),
    ).toBe(false);
    expect(isSameRange(null, { from: '2026-11-11', to: '2026-11-11' })).toBe(false);
  });
});
