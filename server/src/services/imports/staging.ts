// Temporary staging tables (dropped at commit): every import first COPYs its normalized records here,
// then merges them into the shop's tables with a few set-based statements.
import type pg from 'pg';
import type {
  AdDayRecord,
  OrderRecord,
  RecordKind,
  SkuRecord,
  SkuTrafficDailyRecord,
  TrafficHourlyRecord,
} from '../../imports/records.js';
import { type CopyValue, CopyWriter } from './copy-writer.js';
import { orderValues } from './order-columns.js';

/** Where a staged row goes: a COPY stream, or a batch of COPY text. */
export interface RowSink {
  add(values: CopyValue[]): void;
}

interface StageTable<R> {
  table: string;
  ddl: string;
  columns: readonly string[];
  add(writer: RowSink, record: R): void;
}

/** One row per order line; order-level columns are filled on line 1 only. */
export const ORDER_STAGE: StageTable<OrderRecord> = {
  table: 'stage_order_lines',
  ddl: `CREATE TEMP TABLE stage_order_lines (
    line int, order_ext text, line_no int,
    customer_ext text, customer_name text, customer_email text, customer_city text,
    status text, placed_at timestamptz, paid_at timestamptz, shipped_at timestamptz,
    delivered_at timestamptz, cancelled_at timestamptz,
    total_cents int, discount_cents int, shipping_cents int, traffic_source text, coupon_code text,
    refunded_cents int,
    sku_ext text, sku_name text, quantity int, unit_price_cents int, line_discount_cents int, line_total_cents int
  ) ON COMMIT DROP`,
  columns: [
    'line',
    'order_ext',
    'line_no',
    'customer_ext',
    'customer_name',
    'customer_email',
    'customer_city',
    'status',
    'placed_at',
    'paid_at',
    'shipped_at',
    'delivered_at',
    'cancelled_at',
    'total_cents',
    'discount_cents',
    'shipping_cents',
    'traffic_source',
    'coupon_code',
    'refunded_cents',
    'sku_ext',
    'sku_name',
    'quantity',
    'unit_price_cents',
    'line_discount_cents',
    'line_total_cents',
  ],
  add(writer, o) {
    for (const l of o.lines) {
      const line = o.line + l.lineNo - 1;
      const tail = [l.skuExternalId, l.skuName, l.quantity, l.unitPriceCents, l.discountCents, l.totalCents];
      if (l.lineNo !== 1) {
        writer.add([line, o.externalId, l.lineNo, ...EMPTY_ORDER_FIELDS, ...tail]);
        continue;
      }
      const c = o.customer;
      writer.add([
        line,
        o.externalId,
        l.lineNo,
        c?.externalId,
        c?.name,
        c?.email,
        c?.city,
        ...orderValues(o),
        o.refundedCents,
        ...tail,
      ]);
    }
  },
};
const EMPTY_ORDER_FIELDS = new Array(16).fill(null);

export const SKU_STAGE: StageTable<SkuRecord> = {
  table: 'stage_skus',
  ddl: `CREATE TEMP TABLE stage_skus (
    line int, product_ext text, product_title text, category text, sku_ext text, sku_name text,
    attributes jsonb, price_cents int, cost_cents int, active boolean
  ) ON COMMIT DROP`,
  columns: [
    'line',
    'product_ext',
    'product_title',
    'category',
    'sku_ext',
    'sku_name',
    'attributes',
    'price_cents',
    'cost_cents',
    'active',
  ],
  add(writer, r) {
    writer.add([
      r.line,
      r.productExternalId,
      r.productTitle,
      r.category,
      r.skuExternalId,
      r.skuName,
      JSON.stringify(r.attributes),
      r.priceCents,
      r.costCents,
      r.active,
    ]);
  },
};

export const TRAFFIC_HOURLY_STAGE: StageTable<TrafficHourlyRecord> = {
  table: 'stage_traffic_hourly',
  ddl: 'CREATE TEMP TABLE stage_traffic_hourly (line int, hour timestamptz, source text, visitors int, page_views int) ON COMMIT DROP',
  columns: ['line', 'hour', 'source', 'visitors', 'page_views'],
  add(writer, r) {
    writer.add([r.line, r.hour, r.source, r.visitors, r.pageViews]);
  },
};

export const SKU_TRAFFIC_STAGE: StageTable<SkuTrafficDailyRecord> = {
  table: 'stage_sku_traffic',
  ddl: `CREATE TEMP TABLE stage_sku_traffic (
    line int, day date, sku_ext text, source text, impressions int, visits int, add_to_cart int, orders int
  ) ON COMMIT DROP`,
  columns: ['line', 'day', 'sku_ext', 'source', 'impressions', 'visits', 'add_to_cart', 'orders'],
  add(writer, r) {
    const day = r.day.toISOString().slice(0, 10);
    writer.add([r.line, day, r.skuExternalId, r.source, r.impressions, r.visits, r.addToCart, r.orders]);
  },
};

export const AD_DAY_STAGE: StageTable<AdDayRecord> = {
  table: 'stage_ad_days',
  ddl: `CREATE TEMP TABLE stage_ad_days (
    line int, campaign_ext text, campaign_name text, channel text, day date, budget_cents int,
    spend_cents int, impressions int, clicks int, conversions int, revenue_cents bigint
  ) ON COMMIT DROP`,
  columns: [
    'line',
    'campaign_ext',
    'campaign_name',
    'channel',
    'day',
    'budget_cents',
    'spend_cents',
    'impressions',
    'clicks',
    'conversions',
    'revenue_cents',
  ],
  add(writer, r) {
    writer.add([
      r.line,
      r.campaignExternalId,
      r.campaignName,
      r.channel,
      r.day.toISOString().slice(0, 10),
      r.budgetCents,
      r.spendCents,
      r.impressions,
      r.clicks,
      r.conversions,
      r.revenueCents,
    ]);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: each kind's stage takes its own record type
export const STAGES: Record<RecordKind, StageTable<any>> = {
  orders: ORDER_STAGE,
  skus: SKU_STAGE,
  'traffic-hours': TRAFFIC_HOURLY_STAGE,
  'sku-traffic-days': SKU_TRAFFIC_STAGE,
  'campaign-days': AD_DAY_STAGE,
};

/** Creates the kind's staging table in the client's transaction and opens a COPY into it. */
export async function openStage<R>(client: pg.PoolClient, stage: StageTable<R>) {
  await client.query(stage.ddl);
  const writer = CopyWriter.open(client, stage.table, stage.columns);
  return {
    writer,
    add: (record: R) => stage.add(writer, record),
  };
}
