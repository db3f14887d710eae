// Small builders for evidence figures and series, so every figure states its baseline and method.
import type { EvidenceFigure, EvidenceSeries } from '@zhanggui/shared';

const round = (value: number | null, unit: EvidenceFigure['unit']): number | null => {
  if (value === null || !Number.isFinite(value)) return null;
  // Money and counts are whole; ratios keep 6 decimals so re-runs compare exactly.
  if (unit === 'cents' || unit === 'count' || unit === 'units') return Math.round(value);
  return Math.round(value * 1e6) / 1e6;
};

export function figure(
  key: string,
  label: string,
  unit: EvidenceFigure['unit'],
  value: number | null,
  baseline: { value: number | null; label: string },
  method: string,
): EvidenceFigure {
  return {
    key,
    label,
    unit,
    value: round(value, unit),
    baseline: round(baseline.value, unit),
    baselineLabel: baseline.label,
    method,
  };
}

export function series(
  key: string,
  label: string,
  unit: EvidenceSeries['unit'],
  points: { at: Date | string; value: number | null; baseline?: number | null }[],
): EvidenceSeries {
  return {
    key,
    label,
    unit,
    points: points.map((p) => ({
      at: p.at instanceof Date ? p.at.toISOString() : p.at,
      value: round(p.value, unit),
      ...(p.baseline === undefined ? {} : { baseline: round(p.baseline, unit) }),
    })),
  };
}
