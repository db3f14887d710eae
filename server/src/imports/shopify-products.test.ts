import { describe, expect, it } from 'vitest';
import type { SkuRecord } from './records.js';
import { tempFile } from './test-files.js';
import { readAll, sampleFile } from './testing.js';

describe('Shopify products CSV', () => {
  it('reads the 48-column template: 16 variants of 3 products, skipping the image-only row', async () => {
    const result = await readAll<SkuRecord>(sampleFile('shopify', 'product_template_2023_48col.csv'));
    expect(result.format).toBe('shopify-products');
    expect(result.errors).toEqual([]);
    expect(result.rowsRead).toBe(17);
    expect(result.records).toHaveLength(16);
    expect(new Set(result.records.map((r) => r.productExternalId))).toEqual(
      new Set(['example-shirt', 'example-pants', 'example-hat']),
    );
    const jeans = result.records.find((r) => r.skuExternalId === 'PNT_DEN_305')!;
    expect(jeans).toMatchObject({
      productTitle: 'Example Jeans',
      category: 'Pants',
      skuName: 'Example Jeans - 30',
      priceCents: 9500,
      costCents: 5000,
      active: false,
      line: 15,
    });
    const beanie = result.records.find((r) => r.productExternalId === 'example-hat')!;
    expect(beanie).toMatchObject({
      skuName: 'Example Beanie',
      priceCents: 1799,
      costCents: 850,
      active: false,
    });
    expect(result.records[3]!.attributes).toEqual({ Color: 'Blue', Size: 'S' });
  });

  it('reads the 53-column template with its renamed columns', async () => {
    const result = await readAll<SkuRecord>(sampleFile('shopify', 'product_template_2025_53col.csv'));
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(15);
    const ebook = result.records.filter(
      (r) => r.productExternalId === 'digital-product-the-history-of-rock-music',
    );
    expect(ebook.map((r) => [r.skuExternalId, r.priceCents, r.costCents])).toEqual([
      ['HRM-EBK-PDF', 1499, 400],
      ['HRM-EBK-AUD', 2199, 800],
      ['HRM-EBK-KND', 999, 400],
    ]);
    expect(ebook[0]).toMatchObject({ category: 'Digital book', active: true });
  });

  it('rejects a variant without a price and a product whose first row lacks its title', async () => {
    const csv = [
      'Handle,Title,Variant SKU,Variant Price,Option1 Name,Option1 Value',
      'mug,Mug,MUG-1,12.00,Size,S',
      'mug,,MUG-2,,Size,M',
      'cup,,CUP-1,3.00,Size,S',
    ].join('\n');
    const result = await readAll<SkuRecord>(await tempFile('products.csv', csv));
    expect(result.records.map((r) => r.skuExternalId)).toEqual(['MUG-1']);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Variant Price'],
      [4, 'Title'],
    ]);
  });
});
