import { describe, expect, it } from 'vitest';
import { ImportCancelledError, ImportFileError } from '../import-file-error.js';
import type { OrderRecord } from '../records.js';
import { tempFile } from '../test-files.js';
import { readAll, sampleFile } from '../testing.js';
import { sampleOrders } from '../writers/sample-orders.js';
import { shopifyOrdersCsv } from '../writers/shopify-orders-writer.js';
import { taobaoOrderReport } from '../writers/taobao-orders-writer.js';
import { openImportFileInWorker } from './open-in-worker.js';

const SHANGHAI = { timeZone: 'Asia/Shanghai', currency: 'CNY' };

/** Reads the file on this thread and in a worker; both must give the same records, errors and counts. */
async function readBothWays(file: string, options: Parameters<typeof readAll>[1] = {}) {
  const here = await readAll(file, options);
  const there = await readAll(file, options, openImportFileInWorker);
  return { here, there };
}

describe('reading an import file in a worker thread', () => {
  it('gives the same orders as reading on this thread, Dates included, across many messages', async () => {
    const orders = [...sampleOrders({ count: 6000, startAt: new Date('2026-11-10T16:00:00Z') })];
    const file = await tempFile('orders.csv', shopifyOrdersCsv(orders, 'CNY'));
    const { here, there } = await readBothWays(file, { context: SHANGHAI });
    expect(there.records).toHaveLength(6000);
    expect(there).toEqual(here);
    expect((there.records[0] as OrderRecord).placedAt).toBeInstanceOf(Date);
  });

  it('gives the same records and row errors for the real Shopify export and a GBK Taobao report', async () => {
    const real = await readBothWays(sampleFile('shopify', 'orders_export_devstore_79col.csv'), {
      context: { timeZone: 'UTC', currency: 'CNY' },
    });
    expect(real.there.errors.length).toBeGreaterThan(0);
    expect(real.there).toEqual(real.here);
    const orders = [...sampleOrders({ count: 20, startAt: new Date('2026-11-10T16:00:00Z'), prefix: '' })];
    const gbk = await tempFile(
      'report.csv',
      taobaoOrderReport(orders, { timeZone: 'Asia/Shanghai', encoding: 'gbk' }),
    );
    const taobao = await readBothWays(gbk, { context: SHANGHAI });
    expect(taobao.there.encoding).toBe('gb18030');
    expect(taobao.there).toEqual(taobao.here);
  });

  it('rethrows a problem with the whole file as the same ImportFileError, line included', async () => {
    const file = await tempFile('cut.csv', 'Name,Email\n#1,a@b.c\n');
    const error = await readAll(file, {}, openImportFileInWorker).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).message).toMatch(/Shopify orders|generic/);
    const expected = await readAll(file).catch((e: unknown) => e);
    expect((error as ImportFileError).message).toBe((expected as Error).message);
    expect((error as ImportFileError).line).toBe((expected as ImportFileError).line);
  });

  it('stops with ImportCancelledError when the signal aborts mid-file', async () => {
    const orders = [...sampleOrders({ count: 6000, startAt: new Date('2026-11-10T16:00:00Z') })];
    const file = await tempFile('orders.csv', shopifyOrdersCsv(orders, 'CNY'));
    const controller = new AbortController();
    const opened = await openImportFileInWorker(file, { context: SHANGHAI, signal: controller.signal });
    let batches = 0;
    const reading = (async () => {
      for await (const _ of opened.batches) {
        batches++;
        controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelledError);
    expect(batches).toBe(1);
    await opened.close();
  });

  it('can be closed before its batches are read, releasing the worker', async () => {
    const file = await tempFile(
      'orders.csv',
      shopifyOrdersCsv([...sampleOrders({ count: 50, startAt: new Date('2026-11-10T16:00:00Z') })], 'CNY'),
    );
    const opened = await openImportFileInWorker(file, { context: SHANGHAI });
    await opened.close();
    await opened.close();
  });
});
