// Who places the next order: customers drawn by their purchase rate, except planted churners after
// they went quiet and, mostly, customers who ordered very recently.
import { HOUR, type Season } from './calendar.js';
import type { Customers } from './customers.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';

export class BuyerPicker {
  private readonly cutDay: Int32Array;
  /** Half of each customer's mean interval between orders, in seconds. */
  private readonly halfInterval: Float64Array;

  constructor(
    season: Season,
    private readonly customers: Customers,
    plan: Plan,
    /** Each customer's last order time (−1 before the first), kept current by the caller. */
    private readonly lastOrder: Int32Array,
    orderCount: number,
  ) {
    this.cutDay = new Int32Array(customers.count).fill(1 << 30);
    plan.churn?.customerIds.forEach((id, i) => {
      this.cutDay[id - 1] = plan.churn!.cutDays[i]!;
    });
    const totalWeight = customers.weight.reduce((a, b) => a + b, 0);
    const seasonSeconds = season.days * 24 * HOUR;
    this.halfInterval = Float64Array.from(
      customers.weight,
      (weight) => (0.5 * seasonSeconds * totalWeight) / (weight * orderCount),
    );
  }

  /** A customer index for an order placed at `at` (season seconds) on `day`. */
  pick(rng: Rng, day: number, at: number): number {
    for (;;) {
      const customer = this.customers.picker.sample(rng);
      if (this.cutDay[customer]! > day && !this.isTooSoon(rng, customer, at)) return customer;
    }
  }

  // People reorder at their own pace: drawn again soon after an order, a customer mostly passes. That
  // keeps intervals regular (no accidental burst followed by a churn-like silence).
  private isTooSoon(rng: Rng, customer: number, at: number): boolean {
    const last = this.lastOrder[customer]!;
    if (last < 0) return false;
    const half = this.halfInterval[customer]!;
    return at - last < half && rng.next() * half > at - last;
  }
}
