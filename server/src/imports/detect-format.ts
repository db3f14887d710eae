// Recognises a file's format from its header row, by the columns only that format has.
import type { ImportFormat } from '@zhanggui/shared';
import { normalizeHeader } from './headers.js';
import { ImportFileError } from './import-file-error.js';

const SIGNATURES: Array<{ format: ImportFormat; columns: string[][] }> = [
  { format: 'shopify-orders', columns: [['Name'], ['Financial Status'], ['Lineitem name']] },
  { format: 'shopify-products', columns: [['Handle', 'URL handle'], ['Variant Price', 'Price'], ['Title']] },
  { format: 'taobao-orders', columns: [['订单编号'], ['订单状态'], ['订单创建时间']] },
];

/** The format the header belongs to; 'generic' when no known export matches (a mapping is then needed). */
export function detectFormat(header: string[]): ImportFormat {
  if (/^version \d/i.test(header[0]?.trim() ?? '') && header.length <= 2) {
    throw new ImportFileError({ code: 'taobaoAssistantPackage', params: {} }, { line: 1 });
  }
  const present = new Set(header.map(normalizeHeader));
  for (const { format, columns } of SIGNATURES) {
    if (columns.every((alternatives) => alternatives.some((c) => present.has(normalizeHeader(c))))) {
      return format;
    }
  }
  return 'generic';
}
