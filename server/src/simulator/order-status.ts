// Order statuses as the generator stores them (small integers) and as the database spells them.
import { HOUR } from './calendar.js';

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export const PENDING = 0;
export const PAID = 1;
export const SHIPPED = 2;
export const DELIVERED = 3;
export const CANCELLED = 4;
export const REFUNDED = 5;
export const COUPON_CODES = ['', 'D11-300-50', 'NEW-10', 'FALL-20'];
/** The shop promises to ship within 48 hours of payment. */
export const SHIP_PROMISE_SECONDS = 48 * HOUR;
