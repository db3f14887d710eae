import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { readAll, sampleFile } from './testing.js';

describe('detectFormat', () => {
  it('recognises each real sample file by its header', async () => {
    const formats = await Promise.all(
      [
        ['shopify', 'orders_export_devstore_79col.csv'],
        ['shopify', 'product_template_2023_48col.csv'],
        ['shopify', 'product_template_2025_53col.csv'],
        ['taobao_formats', 'taobao_order_report_header.csv'],
      ].map(
        async (parts) =>
          (await readAll(sampleFile(...parts), { context: { timeZone: 'UTC', currency: 'EUR' } })).format,
      ),
    );
    expect(formats).toEqual(['shopify-orders', 'shopify-products', 'shopify-products', 'taobao-orders']);
  });

  it('explains that a 淘宝助理 item package is not an order report', async () => {
    await expect(readAll(sampleFile('taobao_formats', 'taobao_assistant_items_sample.csv'))).rejects.toThrow(
      /淘宝助理 \(Taobao Assistant\) item package.*订单报表/,
    );
  });

  it('calls an unknown header generic, which then needs a mapping', async () => {
    expect(detectFormat(['day', 'campaign', 'spend'])).toBe('generic');
    await expect(readAll(sampleFile('ads', 'KAG_conversion_data.csv'))).rejects.toThrow(
      'This file is not a Shopify orders or products export nor a Taobao order report. Choose the generic format and map its columns.',
    );
  });
});
