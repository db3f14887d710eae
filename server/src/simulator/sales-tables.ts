// COPY lines for the catalogue, customers and sales tables. Ids are per shop, assigned here
// (row index + 1), so the manifest can name them before anything is written.
import { TRAFFIC_SOURCES } from '@zhanggui/shared';
import { LINE_COPY_COLUMNS } from '../services/imports/order-columns.js';
import { DAY, TimestampText } from './calendar.js';
import { CATEGORIES } from './categories.js';
import { NULL, nullable, type TableRows, text } from './copy-text.js';
import { customerName } from './customers.js';
import { COUPON_CODES, ORDER_STATUSES } from './order-status.js';
import { Rng } from './random.js';
import { CARRIERS, CITIES, WAREHOUSES } from './texts.js';
import type { World } from './world.js';

export const orderExternalId = (year: number, id: number) => `DD${year}${String(id).padStart(8, '0')}`;

export function salesTables(world: World, shopId: number): TableRows[] {
  const { season, catalog, sales, spec, options, prices } = world;
  const ts = new TimestampText(season);
  const opt = (sec: number) => (sec < 0 ? NULL : ts.format(sec));
  const oc = sales.orders.cols;
  const lc = sales.lines.cols;

  function orderLines(fromOrder: number, toOrder: number): TableRows {
    return {
      table: 'order_lines',
      columns: LINE_COPY_COLUMNS,
      *lines() {
        for (let o = fromOrder; o < toOrder; o++) {
          const first = oc.firstLine[o]!;
          for (let l = first; l < first + oc.lineCount[o]!; l++) {
            yield `${shopId}\t${o + 1}\t${l - first + 1}\t${lc.sku[l]}\t${lc.qty[l]}\t${lc.unitPrice[l]}\t${lc.discount[l]}\t${lc.total[l]}\n`;
          }
        }
      },
    };
  }

  return [
    {
      table: 'warehouses',
      columns: ['shop_id', 'id', 'code', 'name', 'region'],
      *lines() {
        for (let i = 0; i < spec.warehouses; i++) {
          const w = WAREHOUSES[i]!;
          yield `${shopId}\t${i + 1}\t${w.code}\t${w.name}\t${w.region}\n`;
        }
      },
    },
    {
      table: 'products',
      columns: ['shop_id', 'id', 'external_id', 'title', 'category', 'attributes', 'created_at'],
      *lines() {
        const rng = new Rng(options.seed, 'product-rows');
        for (const p of catalog.products) {
          const category = CATEGORIES[p.categoryIndex]!;
          const attributes = text(JSON.stringify({ brand: p.title.split(' ')[0] }));
          const created = ts.format(-Math.floor(rng.between(20, 400) * DAY));
          yield `${shopId}\t${p.id}\tP${100000 + p.id}\t${text(p.title)}\t${category.name}\t${attributes}\t${created}\n`;
        }
      },
    },
    {
      table: 'skus',
      columns: [
        'shop_id',
        'id',
        'product_id',
        'external_id',
        'name',
        'attributes',
        'price_cents',
        'cost_cents',
      ],
      *lines() {
        for (const s of catalog.skus) {
          const attributes = text(JSON.stringify(s.attributes));
          const external = `P${100000 + s.productId}-${s.id}`;
          yield `${shopId}\t${s.id}\t${s.productId}\t${external}\t${text(s.name)}\t${attributes}\t${prices.current(s.id - 1)}\t${nullable(s.costCents)}\n`;
        }
      },
    },
    {
      table: 'sku_price_changes',
      columns: ['shop_id', 'id', 'sku_id', 'effective_at', 'old_price_cents', 'new_price_cents'],
      *lines() {
        let id = 0;
        for (const c of world.plan.priceChanges) {
          const old = catalog.skus[c.skuId - 1]!.priceCents;
          yield `${shopId}\t${++id}\t${c.skuId}\t${ts.format(c.day * DAY)}\t${old}\t${c.newPriceCents}\n`;
        }
      },
    },
    {
      table: 'customers',
      columns: ['shop_id', 'id', 'external_id', 'name', 'email', 'city', 'first_seen_at'],
      *lines() {
        const rng = new Rng(options.seed, 'customer-rows');
        for (let i = 0; i < world.customers.count; i++) {
          const id = i + 1;
          const name = customerName(options.seed, id);
          const email = rng.chance(0.25) ? `user${id}@example.com` : NULL;
          const first = sales.customerFirst[i]!;
          // Most buyers knew the shop before the season; some arrived with their first order.
          const firstSeen =
            first >= 0 && rng.chance(0.4)
              ? first - Math.floor(rng.between(0, 3) * DAY)
              : -Math.floor(rng.between(1, 700) * DAY);
          const city = CITIES[world.customers.cityIndex[i]!]!.city;
          yield `${shopId}\t${id}\tC${String(id).padStart(7, '0')}\t${name}\t${email}\t${city}\t${ts.format(firstSeen)}\n`;
        }
      },
    },
    {
      table: 'orders',
      columns: [
        'shop_id',
        'id',
        'external_id',
        'customer_id',
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
        'warehouse_id',
        'updated_at',
      ],
      *lines() {
        for (let o = 0; o < sales.orders.length; o++) {
          const id = o + 1;
          const updated = Math.max(
            oc.placed[o]!,
            oc.paid[o]!,
            oc.cancelled[o]!,
            oc.shipped[o]!,
            oc.delivered[o]!,
          );
          const coupon = oc.coupon[o]! === 0 ? NULL : COUPON_CODES[oc.coupon[o]!];
          yield `${shopId}\t${id}\t${orderExternalId(options.year, id)}\t${oc.customer[o]}\t${ORDER_STATUSES[oc.status[o]!]}\t${ts.format(oc.placed[o]!)}\t${opt(oc.paid[o]!)}\t${opt(oc.shipped[o]!)}\t${opt(oc.delivered[o]!)}\t${opt(oc.cancelled[o]!)}\t${oc.total[o]}\t${oc.discount[o]}\t${oc.shipping[o]}\t${TRAFFIC_SOURCES[oc.source[o]!]}\t${coupon}\t${oc.warehouse[o]}\t${ts.format(updated)}\n`;
        }
      },
    },
    // Two halves, so a loader can COPY them on two connections at once.
    orderLines(0, Math.floor(sales.orders.length / 2)),
    orderLines(Math.floor(sales.orders.length / 2), sales.orders.length),
    {
      table: 'shipments',
      columns: [
        'shop_id',
        'id',
        'order_id',
        'warehouse_id',
        'carrier',
        'promised_at',
        'shipped_at',
        'delivered_at',
      ],
      *lines() {
        let id = 0;
        for (let o = 0; o < sales.orders.length; o++) {
          if (oc.promised[o]! < 0) continue;
          yield `${shopId}\t${++id}\t${o + 1}\t${oc.warehouse[o]}\t${CARRIERS[oc.carrier[o]!]}\t${ts.format(oc.promised[o]!)}\t${opt(oc.shipped[o]!)}\t${opt(oc.delivered[o]!)}\n`;
        }
      },
    },
  ];
}
