import { isLeftOutWithOrder } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './records.js';
import { tempFile } from './test-files.js';
import { readAll, sampleFile } from './testing.js';
import { sampleOrders } from './writers/sample-orders.js';
import { SHOPIFY_ORDERS_HEADER, shopifyOrdersCsv } from './writers/shopify-orders-writer.js';

const REAL_EXPORT = sampleFile('shopify', 'orders_export_devstore_79col.csv');
const EUR_SHOP = { timeZone: 'America/Toronto', currency: 'EUR' };

describe('Shopify orders export (real 79-column dev-store file)', () => {
  it('groups the 40 line-item rows into 19 orders with their order-level fields', async () => {
    const result = await readAll<OrderRecord>(REAL_EXPORT, { context: EUR_SHOP });
    expect(result.format).toBe('shopify-orders');
    expect(result.errors).toMatchObject([]);
    expect(result.rowsRead).toBe(40);
    expect(result.records).toHaveLength(19);
    expect(result.records.reduce((n, o) => n + o.lines.length, 0)).toBe(40);
    const first = result.records[0]!;
    expect(first).toMatchObject({
      externalId: '#1001',
      status: 'shipped',
      totalCents: 165995,
      line: 2,
      rows: 4,
    });
    expect(first.placedAt).toEqual(new Date('2025-05-11T13:55:16Z'));
    expect(first.lines.map((l) => l.totalCents)).toEqual([1000, 2495, 60000, 102500]);
    expect(first.lines[0]!.skuExternalId).toBe('name:Gift Card - $10');
  });

  it('maps statuses, customers and SKU codes from the real rows', async () => {
    const { records } = await readAll<OrderRecord>(REAL_EXPORT, { context: EUR_SHOP });
    const byName = new Map(records.map((o) => [o.externalId, o]));
    expect(byName.get('#1013')!.status).toBe('pending');
    expect(byName.get('#1017')!.status).toBe('paid');
    expect(byName.get('#1005')!.customer).toEqual({
      externalId: 'karine.ruby@example.com',
      email: 'karine.ruby@example.com',
      name: null,
      city: 'Ottawa',
    });
    expect(byName.get('#1006')!.lines[1]!.skuExternalId).toBe('sku-untracked-1');
    expect(new Set(records.map((o) => o.customer?.externalId ?? null)).size).toBe(4);
  });

  it('rejects the file currency when the shop keeps another currency', async () => {
    const result = await readAll<OrderRecord>(REAL_EXPORT, { context: { timeZone: 'UTC', currency: 'CNY' } });
    expect(result.records).toHaveLength(0);
    expect(result.rowsRejected).toBe(40);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 'Currency', value: 'EUR' });
    expect(result.errors[0]!.reason).toContain("differs from the shop's currency CNY");
  });
});

describe('Shopify orders written by our writer', () => {
  const orders = [...sampleOrders({ count: 30, startAt: new Date('2026-11-10T16:00:00Z') })];

  it('reads back exactly the orders that were written', async () => {
    const file = await tempFile('orders.csv', shopifyOrdersCsv(orders, 'CNY'));
    const result = await readAll<OrderRecord>(file);
    expect(result.errors).toMatchObject([]);
    const strip = (o: OrderRecord) => ({ ...o, line: 0, deliveredAt: null, status: o.status });
    expect(result.records.map(strip)).toEqual(orders.map(strip));
  });

  it('rejects a whole order when one of its lines has a bad number, naming line, column and value', async () => {
    const bad = shopifyOrdersCsv(orders.slice(0, 3), 'CNY').split('\n');
    bad[3] = bad[3]!.replace(/,(\d+\.\d\d),,/, ',abc,,');
    const file = await tempFile('bad.csv', bad.join('\n'));
    const result = await readAll<OrderRecord>(file);
    expect(result.records.map((o) => o.externalId)).toEqual(['#1001', '#1003']);
    expect(result.rowsRejected).toBe(2);
    expect(result.errors).toMatchObject([
      {
        line: 3,
        column: null,
        value: null,
        reason: 'Left out with order #1002: its line 4 is rejected.',
      },
      {
        line: 4,
        column: 'Lineitem price',
        value: 'abc',
        reason: 'Lineitem price "abc" is not an amount; write it like 1659.95',
      },
    ]);
  });

  it('rejects bad dates and a truncated last line without crashing, and keeps the good orders', async () => {
    const lines = shopifyOrdersCsv(orders.slice(0, 4), 'CNY').trimEnd().split('\n');
    const cells = lines[1]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Created at')] = '2026-13-45 10:00:00 -0400';
    lines[1] = cells.join(',');
    const last = lines.length - 1;
    lines[last] = lines[last]!.slice(0, 30);
    const file = await tempFile('broken.csv', lines.join('\n'));
    const result = await readAll<OrderRecord>(file);
    expect(result.records.map((o) => o.externalId)).toEqual(['#1002', '#1003']);
    const problems = result.errors.filter((e) => !isLeftOutWithOrder(e));
    expect(problems.map((e) => [e.line, e.column])).toEqual([
      [2, 'Created at'],
      [last + 1, null],
    ]);
    expect(problems[1]!.reason).toMatch(/has \d+ of the header's 79 columns: the line looks cut off/);
    // Every rejected row is listed: the other rows of both orders are left out with them.
    expect(result.errors).toHaveLength(result.rowsRejected);
    expect(result.errors.map((e) => e.line)).toEqual(
      [...result.errors.map((e) => e.line)].sort((a, b) => a - b),
    );
  });

  it('rejects the rows of an order that continue away from its first row, and says why', async () => {
    const lines = shopifyOrdersCsv(orders.slice(0, 3), 'CNY').trimEnd().split('\n');
    const moved = [lines[0]!, lines[2]!, lines[1]!, lines[3]!, ...lines.slice(4)];
    const result = await readAll<OrderRecord>(await tempFile('moved.csv', moved.join('\n')));
    expect(result.records.map((o) => [o.externalId, o.lines.length])).toEqual([
      ['#1002', 1],
      ['#1001', 1],
      ['#1003', 3],
    ]);
    expect(result.rowsRejected).toBe(1);
    expect(result.errors).toMatchObject([
      {
        line: 4,
        column: 'Financial Status',
        value: '',
        reason:
          "Order #1002 continues here, but its first row (with Financial Status and Total) is not directly above, so these rows are left out. Keep an order's rows together, as Shopify exports them, and import the file again.",
      },
    ]);
  });

  it('fails the file with the missing columns named when the header is not a Shopify export', async () => {
    const header = SHOPIFY_ORDERS_HEADER.filter((h) => h !== 'Lineitem price' && h !== 'Total');
    const file = await tempFile('cut.csv', `${header.join(',')}\n`);
    await expect(readAll(file, { format: 'shopify-orders' })).rejects.toThrow(
      'This Shopify orders file has no column "Total". Export the file again with all columns, or choose another format.',
    );
  });
});
