// Churn risk of valuable repeat customers: each customer's silence since the last order against
// their own median interval between orders. A customer with one order has no interval and is not judged.
// The scan itself is in buyer-scan.ts.

/** Silent for this many of their own median intervals. */
export const CHURN_INTERVAL_MULTIPLE = 3;
/** …and at least this many days, so a weekly buyer is not "churned" after three quiet weeks of a holiday. */
export const CHURN_MIN_SILENT_DAYS = 14;
/** Valuable = spend at or above this percent rank among repeat customers. */
export const HIGH_VALUE_PERCENT_RANK = 0.8;

export interface ChurnRiskCustomer {
  customerId: number;
  label: string;
  orders: number;
  spendCents: number;
  lastOrderAt: Date;
  medianIntervalDays: number;
  silentDays: number;
}

export interface ChurnScan {
  repeatCustomers: number;
  highValueRepeatCustomers: number;
  atRisk: ChurnRiskCustomer[];
  /** Median spend of a repeat customer over the lookback. */
  medianSpendCents: number | null;
}

/** Silent for ≥ 3 of the customer's own median intervals and at least 14 days. */
export function isChurnRisk(silentDays: number, medianIntervalDays: number): boolean {
  return silentDays >= Math.max(CHURN_INTERVAL_MULTIPLE * medianIntervalDays, CHURN_MIN_SILENT_DAYS);
}
