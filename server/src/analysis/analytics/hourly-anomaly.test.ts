import { describe, expect, it } from 'vitest';
import { detectHourlyAnomalies, hoursBetween, sameHourBaseline } from './hourly-anomaly.js';

const TZ = 'Asia/Shanghai';
// 2026-11-01 00:00 in Shanghai.
const DAY0 = Date.parse('2026-10-31T16:00:00Z');
const H = 3_600_000;

/** 10 days of an hourly series: 10 + hour-of-day, with overrides. */
function series(overrides: Record<number, number> = {}): Map<number, number> {
  const values = new Map<number, number>();
  for (let h = 0; h < 240; h++) values.set(DAY0 + h * H, 10 + (h % 24));
  for (const [h, v] of Object.entries(overrides)) values.set(DAY0 + Number(h) * H, v);
  return values;
}

const regular = { timeZone: TZ, dayKind: () => 'regular', dataStart: new Date(DAY0) };

describe('sameHourBaseline', () => {
  it('uses the same local hour of the previous days, not the previous hours', () => {
    // Day 9, 20:00 local: previous days at 20:00 all hold 30.
    const baseline = sameHourBaseline(series(), new Date(DAY0 + (9 * 24 + 20) * H), regular);
    expect(baseline?.median).toBe(30);
    expect(baseline?.sampleSize).toBe(7);
  });

  it('ignores one outlier day in its history (median, not mean)', () => {
    const baseline = sameHourBaseline(
      series({ [8 * 24 + 20]: 900 }),
      new Date(DAY0 + (9 * 24 + 20) * H),
      regular,
    );
    expect(baseline?.median).toBe(30);
  });

  it('compares a promotion day only with days of the same phase kind', () => {
    const peakDays = new Set([DAY0 + 5 * 24 * H, DAY0 + 9 * 24 * H]);
    const dayKind = (hour: Date) =>
      peakDays.has(hour.getTime() - ((hour.getTime() - DAY0) % (24 * H))) ? 'peak' : 'regular';
    const baseline = sameHourBaseline(series(), new Date(DAY0 + (9 * 24 + 20) * H), {
      ...regular,
      dayKind,
      minComparableDays: 1,
    });
    expect(baseline?.sampleSize).toBe(1);
    expect(
      sameHourBaseline(series(), new Date(DAY0 + (9 * 24 + 20) * H), { ...regular, dayKind }),
    ).toBeNull();
  });

  it('stops at the start of the data instead of reading missing days as zeros', () => {
    const baseline = sameHourBaseline(series(), new Date(DAY0 + (2 * 24 + 5) * H), regular);
    expect(baseline).toBeNull();
  });
});

describe('detectHourlyAnomalies', () => {
  it('finds a three-hour drop on the last day and merges it into one anomaly', () => {
    const last = 9 * 24;
    const values = series({ [last + 19]: 3, [last + 20]: 2, [last + 21]: 4 });
    const hours = hoursBetween(new Date(DAY0 + last * H), new Date(DAY0 + (last + 24) * H));
    const scan = detectHourlyAnomalies(values, hours, regular);
    expect(scan.hoursJudged).toBe(24);
    expect(scan.anomalies).toHaveLength(1);
    const [drop] = scan.anomalies;
    expect(drop!.direction).toBe('drop');
    expect(drop!.from.toISOString()).toBe(new Date(DAY0 + (last + 19) * H).toISOString());
    expect(drop!.to.toISOString()).toBe(new Date(DAY0 + (last + 22) * H).toISOString());
    expect(drop!.totalValue).toBe(9);
    expect(drop!.totalBaseline).toBe(29 + 30 + 31);
  });

  it('stays quiet on a normal day and on hours too thin to judge', () => {
    const last = 9 * 24;
    const hours = hoursBetween(new Date(DAY0 + last * H), new Date(DAY0 + (last + 24) * H));
    expect(detectHourlyAnomalies(series(), hours, regular).anomalies).toEqual([]);
    // 0 against a baseline of 25 is a drop (z = −5), unless hours under 30 are too thin to judge.
    const values = series({ [last + 15]: 0 });
    expect(detectHourlyAnomalies(values, hours, regular).anomalies).toHaveLength(1);
    expect(detectHourlyAnomalies(values, hours, { ...regular, minBaselineMedian: 30 }).anomalies).toEqual([]);
  });

  it('counts the hours it could not judge for want of comparable days', () => {
    const hours = hoursBetween(new Date(DAY0), new Date(DAY0 + 24 * H));
    const scan = detectHourlyAnomalies(series(), hours, regular);
    expect(scan.hoursWithoutBaseline).toBe(24);
    expect(scan.hoursJudged).toBe(0);
  });
});
