// Stock arithmetic: how long stock lasts, when it runs out hour by hour, and how much to reorder.

export interface HourDemand {
  hour: Date;
  units: number;
}

/** Days the stock lasts at a velocity; null when nothing sells (cover is unbounded, not a number). */
export function daysOfCover(availableUnits: number, unitsPerDay: number): number | null {
  if (unitsPerDay <= 0) return null;
  return Math.max(0, availableUnits) / unitsPerDay;
}

export interface StockOut {
  /** Start of the first hour with demand the stock cannot serve. */
  hour: Date;
  /** Demand from that hour to the end of the horizon that the stock cannot serve. */
  unmetUnits: number;
}

/** Walks hourly demand forward from the stock on hand; null when the stock outlasts the horizon. */
export function projectStockOut(availableUnits: number, demand: readonly HourDemand[]): StockOut | null {
  let left = Math.max(0, availableUnits);
  for (let i = 0; i < demand.length; i++) {
    const { hour, units } = demand[i]!;
    if (units > left) {
      const after = demand.slice(i + 1).reduce((s, d) => s + d.units, 0);
      return { hour, unmetUnits: units - left + after };
    }
    left -= units;
  }
  return null;
}

export interface ReorderInput {
  /** Forecast units per day over the lead time and review period. */
  unitsPerDay: number;
  /** Standard deviation of daily units (demand uncertainty). */
  unitsPerDaySd: number;
  leadTimeDays: number;
  /** Days until the next chance to reorder; stock must cover them too. */
  reviewDays: number;
  availableUnits: number;
  inboundUnits: number;
  /** 1.65 ≈ 95% chance of not running out during the lead time. */
  serviceZ?: number;
}

export interface ReorderPlan {
  safetyStockUnits: number;
  reorderPointUnits: number;
  orderUpToUnits: number;
  quantity: number;
}

/** Order-up-to policy with safety stock z·σ·√L for demand uncertainty over the lead time. */
export function planReorder(input: ReorderInput): ReorderPlan {
  const z = input.serviceZ ?? 1.65;
  const lead = Math.max(0, input.leadTimeDays);
  const safetyStockUnits = Math.ceil(z * Math.max(0, input.unitsPerDaySd) * Math.sqrt(lead));
  const reorderPointUnits = Math.ceil(input.unitsPerDay * lead + safetyStockUnits);
  const orderUpToUnits = Math.ceil(
    input.unitsPerDay * (lead + Math.max(0, input.reviewDays)) + safetyStockUnits,
  );
  const position = Math.max(0, input.availableUnits) + Math.max(0, input.inboundUnits);
  return {
    safetyStockUnits,
    reorderPointUnits,
    orderUpToUnits,
    quantity: Math.max(0, orderUpToUnits - position),
  };
}

export interface WarehouseStock {
  warehouseId: string;
  availableUnits: number;
  unitsPerDay: number;
}

export interface Transfer {
  fromWarehouseId: string;
  toWarehouseId: string;
  units: number;
}

/**
 * Moves stock from warehouses holding more than `keepCoverDays` of their own demand to those holding
 * less than `targetCoverDays`, largest surplus to largest need, without leaving a donor short.
 */
export function planTransfers(
  stocks: readonly WarehouseStock[],
  options: { targetCoverDays: number; keepCoverDays: number },
): Transfer[] {
  const needs = stocks
    .map((s) => ({
      id: s.warehouseId,
      left: Math.ceil(s.unitsPerDay * options.targetCoverDays - s.availableUnits),
    }))
    .filter((n) => n.left > 0)
    .sort((a, b) => b.left - a.left || a.id.localeCompare(b.id));
  const surpluses = stocks
    .map((s) => ({
      id: s.warehouseId,
      left: Math.floor(s.availableUnits - s.unitsPerDay * options.keepCoverDays),
    }))
    .filter((s) => s.left > 0)
    .sort((a, b) => b.left - a.left || a.id.localeCompare(b.id));
  const transfers: Transfer[] = [];
  for (const need of needs) {
    for (const surplus of surpluses) {
      if (need.left <= 0) break;
      const units = Math.min(need.left, surplus.left);
      if (units <= 0 || surplus.id === need.id) continue;
      transfers.push({ fromWarehouseId: surplus.id, toWarehouseId: need.id, units });
      need.left -= units;
      surplus.left -= units;
    }
  }
  return transfers;
}

export interface DemandProfile {
  hours: readonly Date[];
  /** cumulative[i] = demand of hours 0..i for one unit of velocity. */
  cumulative: Float64Array;
}

export function demandProfile(demandPerUnitVelocity: readonly HourDemand[]): DemandProfile {
  const cumulative = new Float64Array(demandPerUnitVelocity.length);
  let sum = 0;
  demandPerUnitVelocity.forEach((d, i) => {
    sum += d.units;
    cumulative[i] = sum;
  });
  return { hours: demandPerUnitVelocity.map((d) => d.hour), cumulative };
}

/**
 * projectStockOut for demand = velocity × a shared profile, by binary search on the cumulative
 * profile: thousands of SKUs share one calendar, so each costs a few steps instead of a walk.
 */
export function projectScaledStockOut(
  availableUnits: number,
  velocity: number,
  profile: DemandProfile,
): StockOut | null {
  const n = profile.cumulative.length;
  // A hair of tolerance: float sums of hourly shares must not run out a stock they exactly cover.
  const stock = Math.max(0, availableUnits) + 1e-9;
  if (n === 0 || velocity <= 0 || velocity * profile.cumulative[n - 1]! <= stock) return null;
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (velocity * profile.cumulative[mid]! > stock) high = mid;
    else low = mid + 1;
  }
  return {
    hour: profile.hours[low]!,
    unmetUnits: velocity * profile.cumulative[n - 1]! - Math.max(0, availableUnits),
  };
}
