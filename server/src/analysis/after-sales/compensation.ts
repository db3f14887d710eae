// Sizing goodwill: a coupon worth about a tenth of the order, in whole yuan steps of 5, between ¥5 and ¥50.

export const MIN_COUPON_CENTS = 500;
export const MAX_COUPON_CENTS = 5_000;

export function compensationCouponCents(orderValueCents: number): number {
  if (!Number.isFinite(orderValueCents) || orderValueCents <= 0) return MIN_COUPON_CENTS;
  const tenth = Math.round(orderValueCents / 10 / 500) * 500;
  return Math.min(MAX_COUPON_CENTS, Math.max(MIN_COUPON_CENTS, tenth));
}
