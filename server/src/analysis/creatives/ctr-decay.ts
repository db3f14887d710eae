// CTR fatigue on one creative's daily series: the recent click-through rate against the creative's own
// early baseline (its first days live), and the day the decline set in.
import { twoProportionZ } from '../shared/proportions.js';

export interface CreativeDay {
  day: string;
  impressions: number;
  clicks: number;
}

export interface CtrDecay {
  baselineCtr: number;
  recentCtr: number;
  /** recent ÷ baseline. */
  retained: number;
  z: number;
  /** Index of the first day of the decline. */
  onset: number;
  baselineDays: number;
  recentImpressions: number;
  recentClicks: number;
}

export interface CtrDecayOptions {
  baselineDays?: number;
  recentDays?: number;
  /** Flag when the recent CTR keeps at most this share of the baseline. */
  maxRetained?: number;
  zThreshold?: number;
  minBaselineClicks?: number;
}

const sum = (days: readonly CreativeDay[], key: 'impressions' | 'clicks') =>
  days.reduce((s, d) => s + d[key], 0);

/** Null when the creative is too new, too small or has not decayed. Days with no impressions are skipped. */
export function detectCtrDecay(
  series: readonly CreativeDay[],
  options: CtrDecayOptions = {},
): CtrDecay | null {
  const {
    baselineDays = 7,
    recentDays = 7,
    maxRetained = 0.7,
    zThreshold = -4,
    minBaselineClicks = 30,
  } = options;
  const live = series.filter((d) => d.impressions > 0);
  if (live.length < baselineDays + recentDays) return null;
  const early = live.slice(0, baselineDays);
  const recent = live.slice(-recentDays);
  const baselineClicks = sum(early, 'clicks');
  if (baselineClicks < minBaselineClicks) return null;
  const baselineCtr = baselineClicks / sum(early, 'impressions');
  const recentImpressions = sum(recent, 'impressions');
  const recentClicks = sum(recent, 'clicks');
  const recentCtr = recentClicks / recentImpressions;
  const retained = recentCtr / baselineCtr;
  const z = twoProportionZ(recentClicks, recentImpressions, baselineClicks, sum(early, 'impressions'));
  if (z === null || retained > maxRetained || z > zThreshold) return null;
  // The decline starts after the last day whose 3-day CTR was still within 15% of the baseline.
  let onsetLive = baselineDays;
  for (let i = baselineDays; i < live.length; i++) {
    const window = live.slice(Math.max(0, i - 2), i + 1);
    if (sum(window, 'clicks') / sum(window, 'impressions') >= 0.85 * baselineCtr) onsetLive = i + 1;
  }
  onsetLive = Math.min(onsetLive, live.length - recentDays);
  const onset = series.indexOf(live[onsetLive]!);
  return {
    baselineCtr,
    recentCtr,
    retained,
    z,
    onset,
    baselineDays,
    recentImpressions,
    recentClicks,
  };
}
