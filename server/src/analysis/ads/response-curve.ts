// Diminishing returns of ad spend: revenue(spend) = scale · spend^elasticity with 0 < elasticity < 1,
// fitted per campaign on its daily (spend, revenue) points by least squares in log-log space.
import { mean } from '../shared/robust-stats.js';

export interface SpendPoint {
  spendCents: number;
  revenueCents: number;
}

export interface ResponseCurve {
  scale: number;
  elasticity: number;
  /** False when the history did not vary enough to fit and the default elasticity was assumed. */
  isFitted: boolean;
}

/** Assumed when a campaign's spend barely varied: a common rule of thumb for paid search. */
export const DEFAULT_ELASTICITY = 0.6;
const MIN_ELASTICITY = 0.2;
const MAX_ELASTICITY = 0.95;
/** Log-spend spread below which a slope is noise, not a response. */
const MIN_LOG_SPEND_SD = 0.15;

export function fitResponseCurve(points: readonly SpendPoint[]): ResponseCurve | null {
  const spent = points.filter((p) => p.spendCents > 0);
  if (spent.length === 0) return null;
  const logged = spent.filter((p) => p.revenueCents > 0);
  if (logged.length >= 4 && logged.length === spent.length) {
    const xs = logged.map((p) => Math.log(p.spendCents));
    const ys = logged.map((p) => Math.log(p.revenueCents));
    const mx = mean(xs)!;
    const my = mean(ys)!;
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    if (Math.sqrt(sxx / xs.length) >= MIN_LOG_SPEND_SD) {
      const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
      const elasticity = Math.min(MAX_ELASTICITY, Math.max(MIN_ELASTICITY, sxy / sxx));
      const scale = Math.exp(mean(ys.map((y, i) => y - elasticity * xs[i]!))!);
      return { scale, elasticity, isFitted: true };
    }
  }
  // Ratio estimator through the origin: keeps total fitted revenue equal to total observed revenue.
  const revenue = spent.reduce((s, p) => s + p.revenueCents, 0);
  const driver = spent.reduce((s, p) => s + p.spendCents ** DEFAULT_ELASTICITY, 0);
  return { scale: revenue / driver, elasticity: DEFAULT_ELASTICITY, isFitted: false };
}

export function predictRevenue(curve: ResponseCurve, spendCents: number): number {
  return spendCents <= 0 ? 0 : curve.scale * spendCents ** curve.elasticity;
}

/** d revenue / d spend: what the next ¥1 of spend returns. */
export function marginalRoas(curve: ResponseCurve, spendCents: number): number | null {
  if (spendCents <= 0) return null;
  return curve.scale * curve.elasticity * spendCents ** (curve.elasticity - 1);
}
