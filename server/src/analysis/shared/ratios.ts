// Ratios with explicit zero handling: a division by zero is "no figure" (null), never NaN or Infinity.
import { safeRatio } from '@zhanggui/shared';

export { safeRatio };

/** Rounds a ratio for evidence so figures compare exactly across runs (6 significant decimals). */
export function roundRatio(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}
