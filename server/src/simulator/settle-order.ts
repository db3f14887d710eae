// What happened to an order after it was placed: payment (or the 30-minute timeout), shipping against
// the 48-hour promise (late more often in a busy week, far more often at a planted slow warehouse),
// delivery, and the status all that adds up to when the season's data is taken.
import { HOUR, PEAK_EVE_DAY, type Season, TAIL_DAY } from './calendar.js';
import {
  CANCELLED,
  DELIVERED,
  PAID,
  PENDING,
  REFUNDED,
  SHIP_PROMISE_SECONDS,
  SHIPPED,
} from './order-status.js';
import type { Sales } from './orders.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';

/** Payment, cancellation, shipping and delivery times and the status they add up to at season end. */
export function settleOrder(
  rng: Rng,
  season: Season,
  o: number,
  sales: Sales,
  day: number,
  late: Plan['lateShipments'],
) {
  const oc = sales.orders.cols;
  const placed = oc.placed[o]!;
  const now = season.nowSec;
  oc.paid[o] = -1;
  oc.cancelled[o] = -1;
  oc.promised[o] = -1;
  oc.shipped[o] = -1;
  oc.delivered[o] = -1;
  const paidAt = placed + 20 + Math.floor(rng.next() ** 2 * 900);
  if (rng.chance(0.03)) {
    // Not paid within the 30-minute window: cancelled by the platform.
    const cancelledAt = placed + 1800;
    oc.status[o] = cancelledAt <= now ? CANCELLED : PENDING;
    if (cancelledAt <= now) oc.cancelled[o] = cancelledAt;
    return;
  }
  if (paidAt > now) {
    oc.status[o] = PENDING;
    return;
  }
  oc.paid[o] = paidAt;
  if (rng.chance(0.012)) {
    // Refunded before shipping (ordered by mistake); the refund rows come with the after-sales pass.
    oc.status[o] = REFUNDED;
    return;
  }
  const promised = paidAt + SHIP_PROMISE_SECONDS;
  oc.promised[o] = promised;
  const busy = day >= PEAK_EVE_DAY && day <= TAIL_DAY;
  const lateRate =
    late && oc.warehouse[o] === late.warehouseId && promised >= late.fromSec && promised < late.toSec
      ? late.lateRate
      : busy
        ? 0.07
        : 0.04;
  const shipped = rng.chance(lateRate)
    ? promised + Math.floor(rng.between(1, 40) * HOUR)
    : paidAt + Math.floor(rng.between(busy ? 8 : 3, busy ? 46 : 36) * HOUR);
  const delivered = shipped + Math.floor(rng.between(18, 90) * HOUR);
  if (shipped > now) {
    oc.status[o] = PAID;
    return;
  }
  oc.shipped[o] = shipped;
  if (delivered > now) {
    oc.status[o] = SHIPPED;
    return;
  }
  oc.delivered[o] = delivered;
  oc.status[o] = DELIVERED;
}
