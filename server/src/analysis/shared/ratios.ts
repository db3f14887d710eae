// Ratios with explicit zero handling: a division by zero is "no figure" (null), never NaN or Infinity.
import { safeRatio } from '@zhanggui/shared';

export { safeRatio };

/** (now − before) / before; null when there is no before. */
export function relativeChange(now: number, before: number): number | null {
  const ratio = safeRatio(now - before, before);
  return ratio === null || !Number.isFinite(ratio) ? null : ratio;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Rounds a ratio for evidence so figures compare exactly across runs (6 significant decimals). */
export function roundRatio(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}
