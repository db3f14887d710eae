// Shopify products CSV (the official template: 48-column "Handle" generation and the 53/57-column
// "URL handle" generation). Rows of one product share the handle; only the first carries the
// product's fields. Each variant row becomes a SKU; image-only rows carry no variant and are skipped.

import { rowError } from '@zhanggui/shared';
import { locateColumns } from './headers.js';
import type { FormatReader, SkuRecord } from './records.js';
import { bindRow, cell, rowProblemError, validateRow } from './row-schema.js';

const COLUMNS = {
  handle: { names: ['Handle', 'URL handle'], required: true },
  title: { names: ['Title'], required: true },
  productCategory: { names: ['Product Category'], required: false },
  type: { names: ['Type'], required: false },
  status: { names: ['Status'], required: false },
  option1Name: { names: ['Option1 Name'], required: false },
  option1Value: { names: ['Option1 Value'], required: false },
  option2Name: { names: ['Option2 Name'], required: false },
  option2Value: { names: ['Option2 Value'], required: false },
  option3Name: { names: ['Option3 Name'], required: false },
  option3Value: { names: ['Option3 Value'], required: false },
  sku: { names: ['Variant SKU', 'SKU'], required: false },
  price: { names: ['Variant Price', 'Price'], required: true },
  cost: { names: ['Cost per item'], required: false },
} as const;

const rowShape = {
  handle: cell.text(255),
  title: cell.optionalText(255),
  productCategory: cell.optionalText(500),
  type: cell.optionalText(255),
  status: cell.optionalText(20),
  option1Name: cell.optionalText(255),
  option1Value: cell.optionalText(255),
  option2Name: cell.optionalText(255),
  option2Value: cell.optionalText(255),
  option3Name: cell.optionalText(255),
  option3Value: cell.optionalText(255),
  sku: cell.optionalText(100),
  price: cell.optional(cell.money()),
  cost: cell.optional(cell.money()),
};

interface ProductHead {
  handle: string;
  title: string | null;
  category: string;
  active: boolean;
  optionNames: Array<string | null>;
}

/** "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts" -> T-Shirts. */
function categoryOf(type: string | null, productCategory: string | null): string {
  if (type) return type;
  const last = productCategory?.split('>').pop()?.trim();
  return last || 'uncategorized';
}

export const shopifyProductsReader: FormatReader<SkuRecord> = {
  kind: 'skus',
  open(header, _context, sink) {
    const cols = locateColumns(header, COLUMNS, 'Shopify products');
    const bound = bindRow(rowShape, cols.index, cols.name);
    let head: ProductHead | null = null;

    return {
      row(row) {
        if (row.problem) {
          sink.reject([rowProblemError(row)], 1);
          return;
        }
        const { fields, line } = row;
        const result = validateRow(bound, fields, line);
        if (!result.ok) {
          sink.reject(result.errors, 1);
          return;
        }
        const r = result.value;
        if (head?.handle !== r.handle) {
          head = {
            handle: r.handle,
            title: r.title,
            category: categoryOf(r.type, r.productCategory),
            active: r.status === null || r.status.toLowerCase() === 'active',
            optionNames: [r.option1Name, r.option2Name, r.option3Name],
          };
        }
        const values = [r.option1Value, r.option2Value, r.option3Value];
        const isImageOnly = values.every((v) => v === null) && r.sku === null && r.price === null;
        if (isImageOnly) return;
        if (!head.title) {
          const reason = { code: 'productWithoutTitle', params: { handle: r.handle } } as const;
          sink.reject([rowError(line, cols.name.title, null, reason)], 1);
          return;
        }
        if (r.price === null) {
          const reason = { code: 'variantWithoutPrice', params: { column: cols.name.price } } as const;
          sink.reject([rowError(line, cols.name.price, '', reason)], 1);
          return;
        }
        const attributes: Record<string, string> = {};
        values.forEach((value, i) => {
          if (value !== null) attributes[head!.optionNames[i] ?? `Option${i + 1}`] = value;
        });
        const variantKey = values.filter((v) => v !== null).join('/');
        sink.accept({
          line,
          productExternalId: head.handle,
          productTitle: head.title,
          category: head.category,
          skuExternalId: r.sku ?? `${head.handle}/${variantKey || 'default'}`,
          skuName:
            variantKey && variantKey !== 'Default Title' ? `${head.title} - ${variantKey}` : head.title,
          attributes,
          priceCents: r.price,
          costCents: r.cost,
          active: head.active,
        });
      },
      end() {},
    };
  },
};
