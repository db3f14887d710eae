// Win-back offers and their expected value. The return rates are assumptions, stated in every method
// text that uses them, until the shop has its own campaign history to measure them from.

/** Share of lapsed customers a coupon brings back to buy once (industry rule of thumb for e-mail/SMS win-back). */
export const WIN_BACK_RATE = 0.05;
/** Valuable customers who went quiet recently come back more often. */
export const CHURN_RISK_WIN_BACK_RATE = 0.15;

/** About 15% of the average order, in ¥5 steps, between ¥10 and ¥100. */
export function winBackCouponCents(averageOrderCents: number): number {
  if (!Number.isFinite(averageOrderCents) || averageOrderCents <= 0) return 1_000;
  const step = Math.round((averageOrderCents * 0.15) / 500) * 500;
  return Math.min(10_000, Math.max(1_000, step));
}

/**
 * Expected GMV of a coupon send: returning buyers × their average order. The coupon's cost is only
 * paid by those who return, so the net value is returning × (AOV − coupon).
 */
export function winBackValue(
  segmentSize: number,
  returnRate: number,
  averageOrderCents: number,
  couponCents: number,
) {
  const returning = segmentSize * returnRate;
  return {
    returningCustomers: returning,
    gmvCents: Math.round(returning * averageOrderCents),
    couponCostCents: Math.round(returning * couponCents),
    netCents: Math.round(returning * (averageOrderCents - couponCents)),
  };
}
