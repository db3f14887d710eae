// Taobao/Tmall seller-center order report (订单报表, ExportOrderList*.csv): one row per order, Chinese
// headers, GBK or UTF-8, times in the shop's time zone without an offset. The report has no line
// items, so each order becomes one line with the order's goods total; its SKU is known only when the
// order holds one kind of goods (宝贝种类 = 1).

import { rowError } from '@zhanggui/shared';
import { locateColumns } from './headers.js';
import type { FormatReader, OrderRecord, OrderStatus } from './records.js';
import { bindRow, cell, rowProblemError, validateRow } from './row-schema.js';

const COLUMNS = {
  orderId: { names: ['订单编号'], required: true },
  buyer: { names: ['买家会员名'], required: false },
  goods: { names: ['买家应付货款'], required: true },
  postage: { names: ['买家应付邮费'], required: false },
  total: { names: ['总金额'], required: true },
  paid: { names: ['买家实际支付金额'], required: true },
  status: { names: ['订单状态'], required: true },
  address: { names: ['收货地址', '收货地址 '], required: false },
  createdAt: { names: ['订单创建时间'], required: true },
  paidAt: { names: ['订单付款时间', '订单付款时间 '], required: false },
  title: { names: ['宝贝标题', '宝贝标题 '], required: true },
  kinds: { names: ['宝贝种类', '宝贝种类 '], required: false },
  quantity: { names: ['宝贝总数量'], required: true },
  closeReason: { names: ['订单关闭原因'], required: false },
} as const;

/** Known 订单状态 texts, by a phrase each contains, in the order they are tested. */
const STATUS_PHRASES: Array<[string, OrderStatus]> = [
  ['交易成功', 'delivered'],
  ['交易关闭', 'cancelled'],
  ['已发货', 'shipped'],
  ['部分发货', 'shipped'],
  ['已付款', 'paid'],
  ['等待卖家发货', 'paid'],
  ['等待买家付款', 'pending'],
];

export function taobaoOrderStatus(
  text: string,
  hasPaid: boolean,
  closeReason: string | null,
): OrderStatus | null {
  const found = STATUS_PHRASES.find(([phrase]) => text.includes(phrase));
  if (!found) return null;
  if (found[1] === 'cancelled' && hasPaid && closeReason?.includes('退款')) return 'refunded';
  return found[1];
}

/** Long numbers in the report may be wrapped as ="…" so spreadsheets keep every digit. */
export function unwrapSpreadsheetText(value: string): string {
  return value.length > 3 && value.startsWith('="') && value.endsWith('"') ? value.slice(2, -1) : value;
}

/** "浙江省 杭州市 西湖区 文三路 1号(310000)" -> 杭州市. */
export function cityOfAddress(address: string | null): string | null {
  if (!address) return null;
  const parts = address.trim().split(/\s+/);
  return parts.length >= 2 ? parts[1]! : null;
}

export const taobaoOrdersReader: FormatReader<OrderRecord> = {
  kind: 'orders',
  open(header, context, sink) {
    const cols = locateColumns(header, COLUMNS, 'Taobao order report');
    const instant = cell.instant(context.timeZone);
    const bound = bindRow(
      {
        orderId: cell.text(64),
        buyer: cell.optionalText(100),
        goods: cell.money(),
        postage: cell.optional(cell.money()),
        total: cell.money(),
        paid: cell.money(),
        status: cell.text(50),
        address: cell.optionalText(500),
        createdAt: instant,
        paidAt: cell.optional(instant),
        title: cell.text(2000),
        kinds: cell.optional(cell.count()),
        quantity: cell.count(),
        closeReason: cell.optionalText(200),
      },
      cols.index,
      cols.name,
    );
    return {
      row(row) {
        if (row.problem) {
          sink.reject([rowProblemError(row)], 1);
          return;
        }
        const { fields, line } = row;
        const result = validateRow(bound, fields.map(unwrapSpreadsheetText), line);
        if (!result.ok) {
          sink.reject(result.errors, 1);
          return;
        }
        const o = result.value;
        const status = taobaoOrderStatus(o.status, o.paidAt !== null, o.closeReason);
        if (!status) {
          const reason = { code: 'unknownTaobaoStatus', params: { status: o.status } } as const;
          sink.reject([rowError(line, cols.name.status, o.status, reason)], 1);
          return;
        }
        if (o.quantity === 0) {
          sink.reject([rowError(line, cols.name.quantity, '0', { code: 'zeroQuantity', params: {} })], 1);
          return;
        }
        const isPaid = o.paidAt !== null && status !== 'pending';
        const unitPriceCents = Math.round(o.goods / o.quantity);
        const hasOneKind = (o.kinds ?? 1) === 1;
        const order: OrderRecord = {
          line,
          rows: 1,
          externalId: o.orderId,
          customer: o.buyer
            ? { externalId: o.buyer, name: o.buyer, email: null, city: cityOfAddress(o.address) }
            : null,
          status,
          placedAt: o.createdAt,
          paidAt: o.paidAt,
          shippedAt: null,
          deliveredAt: null,
          cancelledAt: null,
          totalCents: isPaid ? o.paid : o.total,
          discountCents: isPaid ? Math.max(0, o.total - o.paid) : 0,
          shippingCents: o.postage ?? 0,
          trafficSource: null,
          couponCode: null,
          refundedCents: status === 'refunded' ? o.paid : 0,
          lines: [
            {
              lineNo: 1,
              skuExternalId: hasOneKind ? `title:${o.title}` : null,
              skuName: hasOneKind ? o.title : null,
              quantity: o.quantity,
              unitPriceCents,
              discountCents: unitPriceCents * o.quantity - o.goods,
              totalCents: o.goods,
            },
          ],
        };
        sink.accept(order);
      },
      end() {},
    };
  },
};
