// Normalized records: what every format (and the Shopify webhook) turns its rows into before they
// are staged. Money in integer cents of the shop's currency, instants in UTC.
import type { ImportReason, ImportRowError } from '@zhanggui/shared';

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
export type TrafficSource = 'search' | 'recommendation' | 'ads' | 'direct' | 'social';

export interface CustomerRecord {
  externalId: string;
  name: string | null;
  email: string | null;
  city: string | null;
}

export interface OrderLineRecord {
  lineNo: number;
  /** Null when the source does not say which SKU (a Taobao order of several kinds of goods). */
  skuExternalId: string | null;
  skuName: string | null;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  totalCents: number;
}

export interface OrderRecord {
  /** File line of the order's first row (0 for a webhook). */
  line: number;
  /** Lines of the file this order came from. */
  rows: number;
  externalId: string;
  customer: CustomerRecord | null;
  status: OrderStatus;
  placedAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  totalCents: number;
  discountCents: number;
  shippingCents: number;
  trafficSource: TrafficSource | null;
  couponCode: string | null;
  /** Total refunded on the order; 0 removes an earlier imported refund. */
  refundedCents: number;
  lines: OrderLineRecord[];
}

export interface SkuRecord {
  line: number;
  productExternalId: string;
  productTitle: string;
  category: string;
  skuExternalId: string;
  skuName: string;
  attributes: Record<string, string>;
  priceCents: number;
  costCents: number | null;
  active: boolean;
}

export interface TrafficHourlyRecord {
  line: number;
  hour: Date;
  source: TrafficSource;
  visitors: number;
  pageViews: number;
}

export interface SkuTrafficDailyRecord {
  line: number;
  day: Date;
  skuExternalId: string;
  source: TrafficSource;
  impressions: number;
  visits: number;
  addToCart: number;
  orders: number;
}

export interface AdDayRecord {
  line: number;
  campaignExternalId: string;
  campaignName: string | null;
  channel: string | null;
  day: Date;
  budgetCents: number | null;
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenueCents: number;
}

export type RecordKind = 'orders' | 'skus' | 'traffic-hours' | 'sku-traffic-days' | 'campaign-days';

export interface RecordSink<R> {
  accept(record: R): void;
  /** rows: how many file rows the rejection covers (all lines of a rejected order). */
  reject(errors: ImportRowError[], rows: number): void;
}

export interface ReaderContext {
  timeZone: string;
  currency: string;
}

/** One row of the file: its cells and the 1-based line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
  /** Set when the row cannot be trusted: broken quoting, or a column count unlike the header's. */
  problem?: ImportReason;
}

export interface RowConsumer {
  row(row: CsvRow): void;
  /** Called once after the last row, to flush what is buffered (the last order). */
  end(): void;
}

export interface FormatReader<R> {
  kind: RecordKind;
  /** Reads the header; throws ImportFileError when a required column is missing. */
  open(header: string[], context: ReaderContext, sink: RecordSink<R>): RowConsumer;
}
