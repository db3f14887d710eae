// Where the hourly chart puts its x-axis labels: on round shop-local hours for short ranges,
// on shop-local midnights for long ones, about eight to twelve labels either way.
import { localHourOf } from '../../lib/shop-time';

export interface AxisTicks {
  /** Tick positions, epoch milliseconds of hour starts. */
  ticks: number[];
  /** Label ticks with the day ("11/11") or the clock ("20:00"). */
  unit: 'day' | 'hour';
}

const HOUR_STEPS = [
  { maxHours: 24, step: 3 },
  { maxHours: 48, step: 6 },
  { maxHours: 96, step: 12 },
];

export function chooseTicks(hourStarts: readonly number[], timeZone: string): AxisTicks {
  const hourStep = HOUR_STEPS.find((s) => hourStarts.length <= s.maxHours)?.step;
  if (hourStep) {
    return {
      unit: 'hour',
      ticks: hourStarts.filter((t) => localHourOf(new Date(t), timeZone) % hourStep === 0),
    };
  }
  const midnights = hourStarts.filter((t) => localHourOf(new Date(t), timeZone) === 0);
  const dayStep = Math.max(1, Math.ceil(midnights.length / 12));
  return { unit: 'day', ticks: midnights.filter((_, index) => index % dayStep === 0) };
}
