// Writes orders as a Taobao/Tmall 订单报表 with the classic 41 columns, in GBK (as the seller center
// does) or UTF-8. Times are written in the shop's local wall clock, without an offset.
import type { OrderRecord } from '../records.js';
import { zoneOffsetMs } from '../values.js';
import { toCsvLine } from './csv-line.js';
import { encodeGbk } from './gbk.js';
import { formatAmount } from './shopify-orders-writer.js';

export const TAOBAO_ORDER_REPORT_HEADER = [
  '订单编号',
  '买家会员名',
  '买家支付宝账号',
  '买家应付货款',
  '买家应付邮费',
  '买家支付积分',
  '总金额',
  '返点积分',
  '买家实际支付金额',
  '买家实际支付积分',
  '订单状态',
  '买家留言',
  '收货人姓名',
  '收货地址',
  '运送方式',
  '联系电话',
  '联系手机',
  '订单创建时间',
  '订单付款时间',
  '宝贝标题',
  '宝贝种类',
  '物流单号',
  '物流公司',
  '订单备注',
  '宝贝总数量',
  '店铺Id',
  '店铺名称',
  '订单关闭原因',
  '卖家服务费',
  '买家服务费',
  '发票抬头',
  '是否手机订单',
  '分阶段订单信息',
  '特权订金订单id',
  '定金排名',
  '修改后的sku',
  '修改后的收货地址',
  '异常信息',
  '天猫卡券抵扣',
  '集分宝抵扣',
  '是否是O2O交易',
] as const;

const STATUS_TEXT = {
  pending: '等待买家付款',
  paid: '买家已付款，等待卖家发货',
  shipped: '卖家已发货，等待买家确认',
  delivered: '交易成功',
  cancelled: '交易关闭',
  refunded: '交易关闭',
} as const;

function localTime(at: Date | null, timeZone: string): string {
  if (!at) return '';
  const local = new Date(at.getTime() + zoneOffsetMs(timeZone, at.getTime())).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** One report row per order; an order of several kinds of goods lists their titles joined. */
export function taobaoOrderRow(order: OrderRecord, timeZone: string): string {
  const goods = order.lines.reduce((sum, l) => sum + l.totalCents, 0);
  const quantity = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  const isPaid = order.paidAt !== null && order.status !== 'pending';
  const row: Record<(typeof TAOBAO_ORDER_REPORT_HEADER)[number], string> = Object.fromEntries(
    TAOBAO_ORDER_REPORT_HEADER.map((h) => [h, '']),
  ) as never;
  row.订单编号 = `="${order.externalId}"`;
  row.买家会员名 = order.customer?.externalId ?? '';
  row.买家应付货款 = formatAmount(goods);
  row.买家应付邮费 = formatAmount(order.shippingCents);
  row.总金额 = formatAmount(goods + order.shippingCents);
  row.买家实际支付金额 = isPaid ? formatAmount(order.totalCents) : '0.00';
  row.订单状态 = STATUS_TEXT[order.status];
  row.收货地址 = order.customer?.city ? `浙江省 ${order.customer.city} 西湖区 文三路 1号(310000)` : '';
  row.订单创建时间 = localTime(order.placedAt, timeZone);
  row.订单付款时间 = localTime(order.paidAt, timeZone);
  row.宝贝标题 = order.lines.map((l) => l.skuName ?? '').join('，');
  row.宝贝种类 = String(order.lines.length);
  row.宝贝总数量 = String(quantity);
  row.订单关闭原因 =
    order.status === 'refunded' ? '买家申请退款' : order.status === 'cancelled' ? '买家取消' : '';
  return toCsvLine(TAOBAO_ORDER_REPORT_HEADER.map((h) => row[h]));
}

export function taobaoOrderReport(
  orders: Iterable<OrderRecord>,
  options: { timeZone: string; encoding: 'gbk' | 'utf-8' },
): Buffer {
  const lines = [toCsvLine(TAOBAO_ORDER_REPORT_HEADER)];
  for (const order of orders) lines.push(taobaoOrderRow(order, options.timeZone));
  const text = `${lines.join('\r\n')}\r\n`;
  return options.encoding === 'gbk' ? encodeGbk(text) : Buffer.from(text, 'utf8');
}
