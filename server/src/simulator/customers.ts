// The shop's customers: a heavy-tailed purchase rate (a few loyal heavy buyers, many one-off buyers)
// and a city whose region decides the warehouse that usually serves them.
import { AliasTable, hash32, type Rng } from './random.js';
import type { ScaleSpec } from './scales.js';
import { CITIES, GIVEN_NAME_CHARS, SURNAMES } from './texts.js';

export interface Customers {
  count: number;
  /** Relative purchase rate; index = customer id − 1. */
  weight: Float64Array;
  cityIndex: Uint8Array;
  /** Draws a customer index by weight; rebuilt when the plan changes weights. */
  picker: AliasTable;
}

export function buildCustomers(rng: Rng, spec: ScaleSpec): Customers {
  const count = spec.customers;
  const weight = new Float64Array(count);
  const cityIndex = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    weight[i] = Math.exp(1.15 * rng.normal());
    cityIndex[i] = rng.int(CITIES.length);
  }
  return { count, weight, cityIndex, picker: new AliasTable(weight) };
}

/** Customer ids (1-based) from the heaviest buyer down. */
export function customersByWeight(customers: Customers): number[] {
  const ids = Array.from({ length: customers.count }, (_, i) => i + 1);
  return ids.sort((a, b) => customers.weight[b - 1]! - customers.weight[a - 1]! || a - b);
}

/** A Chinese name for a customer, fixed by seed and id. */
export function customerName(seed: number, id: number): string {
  const h = hash32(seed, id);
  const given = GIVEN_NAME_CHARS[(h >>> 8) % GIVEN_NAME_CHARS.length]!;
  const second = h % 10 < 3 ? '' : GIVEN_NAME_CHARS[(h >>> 16) % GIVEN_NAME_CHARS.length]!;
  return SURNAMES[(h >>> 24) % SURNAMES.length]! + given + second;
}
