// Simulates every order of the season hour by hour: who buys, from which source, which SKUs, at what
// price and discount, and how it was paid, shipped and delivered. Rows live in typed columns.

import { BuyerPicker } from './buyer-picker.js';
import {
  AFTER_DAY,
  HOUR,
  hourlyIntensity,
  LAUNCH_DAY,
  PEAK_DAY,
  PEAK_EVE_DAY,
  PREHEAT_DAY,
  type Season,
  TAIL_DAY,
} from './calendar.js';
import { type Catalog, SOURCE_COUNT } from './catalog.js';
import type { Customers } from './customers.js';
import { type Demand, type PriceBook, sourceMix } from './demand.js';
import { IntTable } from './int-table.js';
import { CANCELLED } from './order-status.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';
import { settleOrder } from './settle-order.js';
import { CITIES, WAREHOUSES } from './texts.js';

const ORDER_COLUMNS = [
  'placed',
  'paid',
  'cancelled',
  'promised',
  'shipped',
  'delivered',
  'status',
  'source',
  'warehouse',
  'customer',
  'coupon',
  'shipping',
  'total',
  'discount',
  'firstLine',
  'lineCount',
  'carrier',
] as const;
const LINE_COLUMNS = ['order', 'sku', 'qty', 'unitPrice', 'discount', 'total', 'slot'] as const;

export interface Sales {
  /** Times are season seconds; −1 means "has not happened". Index + 1 = order id. */
  orders: IntTable<(typeof ORDER_COLUMNS)[number]>;
  /** Index + 1 = order line id. */
  lines: IntTable<(typeof LINE_COLUMNS)[number]>;
  /** Orders placed (any status) per SKU, day and source: index ((sku−1)·days + day)·5 + source. */
  skuDaySourceOrders: Int32Array;
  /** Units sold (orders not cancelled) per SKU warehouse slot and day: ((sku−1)·2 + slot)·days + day. */
  unitsSold: Int32Array;
  linesByDaySource: Int32Array;
  purchaseSums: Float64Array;
  /** Per customer (index = id − 1): first and last order time (−1 when none) and order count. */
  customerFirst: Int32Array;
  customerLast: Int32Array;
  customerOrders: Int32Array;
  /** The time the planted stock-out SKU sold its last unit; −1 without one. */
  stockOutLastSale: number;
  /** Units of the stock-out SKU sold before it ran out: its opening stock. */
  stockOutUnitsBefore: number;
}

const LINE_COUNT_WEIGHTS = [0.72, 0.2, 0.06, 0.02];

function promoDiscount(day: number): number {
  if (day === PEAK_DAY) return 0.15;
  if (day >= LAUNCH_DAY && day <= PEAK_EVE_DAY) return 0.1;
  if (day >= TAIL_DAY && day < AFTER_DAY) return 0.05;
  return 0;
}

/** Orders per hour of the season: the demand shape scaled to the target count, with a little noise. */
export function ordersPerHour(rng: Rng, season: Season, target: number): Int32Array {
  const intensity = hourlyIntensity(season);
  let sum = 0;
  for (const x of intensity) sum += x;
  return Int32Array.from(intensity, (x) => rng.round((target * x * rng.between(0.94, 1.06)) / sum));
}

export function simulateOrders(
  rng: Rng,
  season: Season,
  target: number,
  catalog: Catalog,
  customers: Customers,
  plan: Plan,
  demand: Demand,
  prices: PriceBook,
): Sales {
  const perHour = ordersPerHour(rng, season, target);
  const orderCount = perHour.reduce((a, b) => a + b, 0);
  const days = season.days;
  const skuCount = catalog.skus.length;
  const sales: Sales = {
    orders: new IntTable(ORDER_COLUMNS, orderCount),
    lines: new IntTable(LINE_COLUMNS, Math.ceil(orderCount * 1.45)),
    skuDaySourceOrders: new Int32Array(skuCount * days * SOURCE_COUNT),
    unitsSold: new Int32Array(skuCount * 2 * days),
    linesByDaySource: new Int32Array(days * SOURCE_COUNT),
    purchaseSums: new Float64Array(days * SOURCE_COUNT),
    customerFirst: new Int32Array(customers.count).fill(-1),
    customerLast: new Int32Array(customers.count).fill(-1),
    customerOrders: new Int32Array(customers.count),
    stockOutLastSale: -1,
    stockOutUnitsBefore: 0,
  };
  const stockOutIndex = plan.stockOut ? plan.stockOut.skuId - 1 : -1;
  const outFrom = plan.stockOut?.outSec ?? 0;
  const outTo = plan.stockOut?.restockSec ?? 0;
  const late = plan.lateShipments;
  const orderSkus = new Int32Array(4);
  const buyers = new BuyerPicker(season, customers, plan, sales.customerLast, orderCount);

  for (let day = 0; day < days; day++) {
    const { pickers, purchaseSums } = demand.dayPickers(day);
    purchaseSums.forEach((sum, source) => {
      sales.purchaseSums[day * SOURCE_COUNT + source] = sum;
    });
    const mix = sourceMix(day);
    const discountRate = promoDiscount(day);
    const inPromotion = day >= PREHEAT_DAY && day < AFTER_DAY;
    for (let hour = 0; hour < 24; hour++) {
      const n = perHour[day * 24 + hour]!;
      const hourStart = (day * 24 + hour) * HOUR;
      for (let i = 0; i < n; i++) {
        const placed = hourStart + Math.floor(((i + rng.next()) * HOUR) / n);
        const source = rng.weighted(mix);
        const customer = buyers.pick(rng, day, placed);

        const wanted = Math.min(skuCount, 1 + rng.weighted(LINE_COUNT_WEIGHTS));
        let lineCount = 0;
        for (let attempt = 0; lineCount < wanted && attempt < wanted * 8; attempt++) {
          const sku = pickers[source]!.sample(rng);
          if (sku === stockOutIndex && placed >= outFrom && placed < outTo) continue;
          let duplicate = false;
          for (let j = 0; j < lineCount; j++) if (orderSkus[j] === sku) duplicate = true;
          if (!duplicate) orderSkus[lineCount++] = sku;
        }
        if (lineCount === 0) continue;

        const o = sales.orders.add();
        const oc = sales.orders.cols;
        const firstSku = catalog.skus[orderSkus[0]!]!;
        const region = CITIES[customers.cityIndex[customer]!]!.region;
        const warehouse =
          firstSku.warehouseIds.find((id) => WAREHOUSES[id - 1]!.region === region) ??
          firstSku.warehouseIds[0]!;
        const isFirstOrder = sales.customerFirst[customer] === -1;

        // Lines at list price less the promotion's instant discount.
        const firstLine = sales.lines.length;
        let subtotal = 0;
        for (let j = 0; j < lineCount; j++) {
          const l = sales.lines.add();
          const lc = sales.lines.cols;
          const sku = orderSkus[j]!;
          const qty = rng.chance(0.88) ? 1 : rng.chance(0.8) ? 2 : 3;
          const unit = prices.priceAt(sku, day);
          const discount = Math.round(qty * unit * discountRate);
          lc.order[l] = o;
          lc.sku[l] = sku + 1;
          lc.qty[l] = qty;
          lc.unitPrice[l] = unit;
          lc.discount[l] = discount;
          lc.total[l] = qty * unit - discount;
          lc.slot[l] = catalog.skus[sku]!.warehouseIds[1] === warehouse ? 1 : 0;
          subtotal += qty * unit - discount;
        }
        const lc = sales.lines.cols;

        // A coupon on some orders, spread over the lines in proportion to their totals.
        let coupon = 0;
        let couponCents = 0;
        if (inPromotion && subtotal >= 30_000 && rng.chance(0.4)) {
          coupon = 1;
          couponCents = Math.floor(subtotal / 30_000) * 5_000;
        } else if (isFirstOrder && subtotal >= 9_900 && rng.chance(0.2)) {
          coupon = 2;
          couponCents = 1_000;
        } else if (!inPromotion && subtotal >= 19_900 && rng.chance(0.08)) {
          coupon = 3;
          couponCents = 2_000;
        }
        let discountTotal = 0;
        let linesTotal = 0;
        let left = couponCents;
        for (let l = firstLine; l < firstLine + lineCount; l++) {
          const share =
            l === firstLine + lineCount - 1 ? left : Math.floor((couponCents * lc.total[l]!) / subtotal);
          left -= share;
          lc.discount[l] = lc.discount[l]! + share;
          lc.total[l] = lc.total[l]! - share;
          discountTotal += lc.discount[l]!;
          linesTotal += lc.total[l]!;
        }
        const shipping = linesTotal >= 9_900 ? 0 : 800;

        oc.placed[o] = placed;
        oc.source[o] = source;
        oc.warehouse[o] = warehouse;
        oc.customer[o] = customer + 1;
        oc.coupon[o] = coupon;
        oc.shipping[o] = shipping;
        oc.total[o] = linesTotal + shipping;
        oc.discount[o] = discountTotal;
        oc.firstLine[o] = firstLine;
        oc.lineCount[o] = lineCount;
        oc.carrier[o] = rng.int(5);
        settleOrder(rng, season, o, sales, day, late);

        sales.customerOrders[customer] = sales.customerOrders[customer]! + 1;
        if (isFirstOrder) sales.customerFirst[customer] = placed;
        sales.customerLast[customer] = placed;
        const counted = oc.status[o] !== CANCELLED;
        for (let l = firstLine; l < firstLine + lineCount; l++) {
          const sku = lc.sku[l]! - 1;
          const cell = (sku * days + day) * SOURCE_COUNT + source;
          sales.skuDaySourceOrders[cell] = sales.skuDaySourceOrders[cell]! + 1;
          const daySource = day * SOURCE_COUNT + source;
          sales.linesByDaySource[daySource] = sales.linesByDaySource[daySource]! + 1;
          if (!counted) continue;
          const unitsCell = (sku * 2 + lc.slot[l]!) * days + day;
          sales.unitsSold[unitsCell] = sales.unitsSold[unitsCell]! + lc.qty[l]!;
          if (sku === stockOutIndex && placed < outFrom) {
            sales.stockOutLastSale = placed;
            sales.stockOutUnitsBefore += lc.qty[l]!;
          }
        }
      }
    }
  }
  return sales;
}
