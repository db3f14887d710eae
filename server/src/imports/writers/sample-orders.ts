// Deterministic orders for tests and the benchmark, in our normalized shape, so a writer can turn
// them into any format and a reader's output can be compared with what was written.
import type { OrderRecord, OrderStatus } from '../records.js';

export interface SampleOrdersOptions {
  count: number;
  /** Placement of the first order; the others follow every intervalSeconds. */
  startAt: Date;
  intervalSeconds?: number;
  /** Lines per order cycle through 1..maxLines. */
  maxLines?: number;
  skuCount?: number;
  customerCount?: number;
  /** Prefix of the order numbers, e.g. "#" for Shopify's #1001. */
  prefix?: string;
  firstNumber?: number;
}

const STATUSES: OrderStatus[] = ['paid', 'shipped', 'paid', 'shipped', 'pending', 'refunded', 'cancelled'];
const CITIES = ['杭州市', '上海市', 'Ottawa', 'Toronto', '广州市'];

export function* sampleOrders(options: SampleOrdersOptions): Generator<OrderRecord> {
  const interval = (options.intervalSeconds ?? 37) * 1000;
  const maxLines = options.maxLines ?? 4;
  const skuCount = options.skuCount ?? 200;
  const customerCount = options.customerCount ?? 5000;
  const prefix = options.prefix ?? '#';
  const first = options.firstNumber ?? 1001;
  for (let i = 0; i < options.count; i++) {
    const placedAt = new Date(options.startAt.getTime() + i * interval);
    const status = STATUSES[i % STATUSES.length]!;
    const lineCount = 1 + (i % maxLines);
    const lines = Array.from({ length: lineCount }, (_, j) => {
      const sku = (i * 7 + j * 13) % skuCount;
      const quantity = 1 + ((i + j) % 3);
      const unitPriceCents = 990 + sku * 100;
      const discountCents = j === 0 && i % 5 === 0 ? 100 : 0;
      return {
        lineNo: j + 1,
        skuExternalId: `SKU-${sku}`,
        skuName: `商品 ${sku} Product`,
        quantity,
        unitPriceCents,
        discountCents,
        totalCents: quantity * unitPriceCents - discountCents,
      };
    });
    const goods = lines.reduce((sum, l) => sum + l.totalCents, 0);
    const shippingCents = i % 4 === 0 ? 0 : 800;
    const customer = i % 9 === 0 ? null : i % customerCount;
    const isPaid = status !== 'pending' && status !== 'cancelled';
    yield {
      line: 0,
      rows: lineCount,
      externalId: `${prefix}${first + i}`,
      customer:
        customer === null
          ? null
          : {
              externalId: `buyer${customer}@example.com`,
              email: `buyer${customer}@example.com`,
              name: `Buyer ${customer}`,
              city: CITIES[customer % CITIES.length]!,
            },
      status,
      placedAt,
      paidAt: isPaid ? new Date(placedAt.getTime() + 60_000) : null,
      shippedAt: status === 'shipped' ? new Date(placedAt.getTime() + 86_400_000) : null,
      deliveredAt: null,
      cancelledAt: status === 'cancelled' ? new Date(placedAt.getTime() + 3_600_000) : null,
      totalCents: goods + shippingCents,
      discountCents: lines.reduce((sum, l) => sum + l.discountCents, 0),
      shippingCents,
      trafficSource: null,
      couponCode: i % 5 === 0 ? 'WELCOME1' : null,
      refundedCents: status === 'refunded' ? goods : 0,
      lines,
    };
  }
}
