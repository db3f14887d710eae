// GMV = visitors × conversion × AOV. A change in GMV between two periods is split into the part each
// factor explains with Shapley values (the average marginal effect over every order of changing the
// factors), which sum exactly to the change and, unlike log-based splits, cope with a factor at zero.

export interface GmvPeriod {
  visitors: number;
  orders: number;
  gmvCents: number;
}

export interface GmvDecomposition {
  changeCents: number;
  visitorsCents: number;
  conversionCents: number;
  aovCents: number;
}

export type GmvDecompositionResult =
  | { ok: true; decomposition: GmvDecomposition }
  | { ok: false; reason: string };

/** Shapley split of x·y·z from (x0,y0,z0) to (x1,y1,z1): the share of each factor. */
export function shapleyThreeFactors(
  before: readonly [number, number, number],
  after: readonly [number, number, number],
): [number, number, number] {
  const share = (i: 0 | 1 | 2) => {
    const [j, k] = ([0, 1, 2] as const).filter((n) => n !== i) as [0 | 1 | 2, 0 | 1 | 2];
    const delta = after[i] - before[i];
    const others =
      (before[j] * before[k]) / 3 +
      (after[j] * before[k] + before[j] * after[k]) / 6 +
      (after[j] * after[k]) / 3;
    return delta * others;
  };
  return [share(0), share(1), share(2)];
}

function factors(period: GmvPeriod, fallbackAov: number): [number, number, number] {
  const conversion = period.orders / period.visitors;
  // Without orders the AOV is undefined and irrelevant (conversion is 0): borrow the other period's.
  const aov = period.orders === 0 ? fallbackAov : period.gmvCents / period.orders;
  return [period.visitors, conversion, aov];
}

/**
 * Decomposes after.gmv − before.gmv into visitors, conversion and AOV effects, in whole minor units
 * that add up to the change exactly (the rounding remainder goes to the largest effect).
 */
export function decomposeGmvChange(before: GmvPeriod, after: GmvPeriod): GmvDecompositionResult {
  for (const [name, period] of [
    ['baseline', before],
    ['current', after],
  ] as const) {
    if (period.visitors <= 0) {
      return { ok: false, reason: `The ${name} period has no visitors, so conversion is undefined.` };
    }
    if (period.orders === 0 && period.gmvCents !== 0) {
      return { ok: false, reason: `The ${name} period has GMV without orders; the data is inconsistent.` };
    }
  }
  if (before.orders === 0 && after.orders === 0) {
    return { ok: true, decomposition: { changeCents: 0, visitorsCents: 0, conversionCents: 0, aovCents: 0 } };
  }
  const aovBefore = before.orders === 0 ? after.gmvCents / after.orders : before.gmvCents / before.orders;
  const aovAfter = after.orders === 0 ? aovBefore : after.gmvCents / after.orders;
  const raw = shapleyThreeFactors(factors(before, aovAfter), factors(after, aovBefore));
  const changeCents = Math.round(after.gmvCents - before.gmvCents);
  const rounded = raw.map((v) => Math.round(v));
  const remainder = changeCents - rounded.reduce((sum, v) => sum + v, 0);
  const largest = rounded.reduce((best, v, i) => (Math.abs(v) > Math.abs(rounded[best]!) ? i : best), 0);
  rounded[largest]! += remainder;
  return {
    ok: true,
    decomposition: {
      changeCents,
      visitorsCents: rounded[0]!,
      conversionCents: rounded[1]!,
      aovCents: rounded[2]!,
    },
  };
}

export type GmvDriver = 'visitors' | 'conversion' | 'aov';

/** The factor that explains most of the change in its direction. */
export function dominantDriver(decomposition: GmvDecomposition): GmvDriver {
  const effects: [GmvDriver, number][] = [
    ['visitors', decomposition.visitorsCents],
    ['conversion', decomposition.conversionCents],
    ['aov', decomposition.aovCents],
  ];
  const sign = Math.sign(decomposition.changeCents) || -1;
  return effects.reduce((best, e) => (e[1] * sign > best[1] * sign ? e : best))[0];
}
