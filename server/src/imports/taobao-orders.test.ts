import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './records.js';
import { tempFile } from './test-files.js';
import { readAll, sampleFile } from './testing.js';
import { sampleOrders } from './writers/sample-orders.js';
import { taobaoOrderReport } from './writers/taobao-orders-writer.js';

const SHANGHAI = { timeZone: 'Asia/Shanghai', currency: 'CNY' };
const orders = [
  ...sampleOrders({
    count: 14,
    startAt: new Date('2026-11-10T16:00:00Z'),
    prefix: '',
    firstNumber: 3_812_000_001,
  }),
];

describe('Taobao order report', () => {
  it('recognises the real 41-column header and reads no rows from it', async () => {
    const result = await readAll(sampleFile('taobao_formats', 'taobao_order_report_header.csv'));
    expect(result.format).toBe('taobao-orders');
    expect(result.rowsRead).toBe(0);
  });

  it('reads a GBK report: detected encoding, Chinese statuses, local times in the shop zone', async () => {
    const file = await tempFile(
      'ExportOrderList.csv',
      taobaoOrderReport(orders, { timeZone: 'Asia/Shanghai', encoding: 'gbk' }),
    );
    const result = await readAll<OrderRecord>(file, { context: SHANGHAI });
    expect(result.encoding).toBe('gb18030');
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(14);
    const first = result.records[0]!;
    expect(first.externalId).toBe('3812000001');
    expect(first.placedAt).toEqual(orders[0]!.placedAt);
    expect(first.customer).toBeNull();
    expect(result.records[1]!.customer).toEqual({
      externalId: 'buyer1@example.com',
      name: 'buyer1@example.com',
      email: null,
      city: '上海市',
    });
    expect(result.records.map((o) => o.status)).toEqual(
      orders.map((o) => (o.status === 'refunded' && o.paidAt ? 'refunded' : o.status)),
    );
    expect(result.records.map((o) => o.totalCents)).toEqual(
      orders.map((o) => o.lines.reduce((s, l) => s + l.totalCents, 0) + o.shippingCents),
    );
  });

  it('keeps the SKU of a one-kind order (at its net unit price) and leaves it unknown for a mixed order, with goods and units intact', async () => {
    const file = await tempFile(
      'report.csv',
      taobaoOrderReport(orders.slice(0, 2), { timeZone: 'Asia/Shanghai', encoding: 'utf-8' }),
    );
    const { records, encoding } = await readAll<OrderRecord>(file, { context: SHANGHAI });
    expect(encoding).toBe('utf-8');
    expect(records[0]!.lines).toEqual([
      {
        lineNo: 1,
        skuExternalId: `title:${orders[0]!.lines[0]!.skuName}`,
        skuName: orders[0]!.lines[0]!.skuName,
        quantity: 1,
        unitPriceCents: 890,
        discountCents: 0,
        totalCents: 890,
      },
    ]);
    const mixed = records[1]!.lines[0]!;
    expect(mixed.skuExternalId).toBeNull();
    expect(mixed.quantity).toBe(orders[1]!.lines.reduce((s, l) => s + l.quantity, 0));
    expect(mixed.totalCents).toBe(orders[1]!.lines.reduce((s, l) => s + l.totalCents, 0));
  });

  it('names an unknown 订单状态 and a bad amount by line and column', async () => {
    const lines = taobaoOrderReport(orders.slice(0, 3), { timeZone: 'Asia/Shanghai', encoding: 'utf-8' })
      .toString('utf8')
      .split('\r\n');
    lines[1] = lines[1]!.replace(/,8\.90,/, ',八块,');
    lines[2] = lines[2]!.replace('卖家已发货，等待买家确认', '火星订单');
    const text = lines.join('\r\n');
    const { records, errors } = await readAll<OrderRecord>(await tempFile('r.csv', text), {
      context: SHANGHAI,
    });
    expect(records).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, '买家应付货款', '八块'],
      [3, '订单状态', '火星订单'],
    ]);
  });
});
