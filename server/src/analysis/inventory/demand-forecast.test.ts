import { describe, expect, it } from 'vitest';
import type { PromotionWindow } from '../shared/promotion.js';
import {
  dayUplift,
  forecastHourlyDemand,
  hourShares,
  regularDayGmv,
  regularDaysIn,
  regularDayVelocity,
} from './demand-forecast.js';

const TZ = 'Asia/Shanghai';
const day = (date: string) => new Date(`${date}T00:00:00+08:00`);
const startOfDay = (at: Date) => day(new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));

const promotion: PromotionWindow = {
  id: 1,
  name: '双11',
  from: day('2026-11-10'),
  to: day('2026-11-12'),
  gmvTargetCents: 1_000_000,
  phases: [{ kind: 'peak', from: day('2026-11-10'), to: day('2026-11-12'), gmvTargetCents: 1_000_000 }],
};

const calendar = {
  timeZone: TZ,
  regularDayGmv: 100_000,
  pastGmv: new Map([
    ['2026-11-01', 100_000],
    ['2026-11-02', 300_000],
  ]),
  promotions: [promotion],
  hourShares: hourShares(new Map()),
};

describe('promotion-aware demand', () => {
  it('reads past days by their actual GMV and future phase days by the target per day', () => {
    expect(dayUplift(calendar, day('2026-11-02'))).toBe(3);
    // ¥10,000 over two days = ¥5,000 a day against a ¥1,000 regular day.
    expect(dayUplift(calendar, day('2026-11-11'))).toBe(5);
    expect(dayUplift(calendar, day('2026-11-20'))).toBe(1);
  });

  it('normalises recent sales to a regular day before lifting them', () => {
    // 40 units over a regular day and a 3× day: 10 units per regular day.
    expect(regularDaysIn([day('2026-11-01'), day('2026-11-02')], calendar)).toBe(4);
    expect(regularDayVelocity(40, 4)).toBe(10);
    expect(regularDayVelocity(40, 0)).toBe(0);
  });

  it('spreads a day over its hours and lifts promotion days', () => {
    const demand = forecastHourlyDemand(24, day('2026-11-09'), day('2026-11-12'), calendar, startOfDay);
    expect(demand).toHaveLength(72);
    expect(demand[0]!.units).toBeCloseTo(1, 10);
    expect(demand[30]!.units).toBeCloseTo(5, 10);
    expect(demand.reduce((s, d) => s + d.units, 0)).toBeCloseTo(24 + 24 * 5 * 2, 8);
  });

  it('takes the median of non-promotion days as the regular day', () => {
    const past = new Map([
      ['2026-11-01', 100],
      ['2026-11-02', 120],
      ['2026-11-03', 110],
      ['2026-11-11', 5000],
    ]);
    expect(regularDayGmv(past, (d) => d === '2026-11-11')).toBe(110);
  });
});
