// Finds columns by header name, the way merchants' exports differ: case, spacing, a BOM, and the
// names that changed between Shopify's template generations.
import { ImportFileError } from './import-file-error.js';

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export type ColumnSpec = { names: readonly string[]; required: boolean };

/**
 * Maps each wanted field to its column index (-1 when an optional column is absent). A missing
 * required column fails the file with the list of what is missing.
 */
export function locateColumns<K extends string>(
  header: string[],
  spec: Record<K, ColumnSpec>,
  formatLabel: string,
): { index: Record<K, number>; name: Record<K, string> } {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!positions.has(key)) positions.set(key, i);
  });
  const index = {} as Record<K, number>;
  const name = {} as Record<K, string>;
  const missing: string[] = [];
  for (const field of Object.keys(spec) as K[]) {
    const { names, required } = spec[field];
    const found = names.find((n) => positions.has(normalizeHeader(n)));
    index[field] = found === undefined ? -1 : positions.get(normalizeHeader(found))!;
    name[field] = found ?? names[0]!;
    if (found === undefined && required) missing.push(names.join(' / '));
  }
  if (missing.length > 0) {
    const columns = missing.map((m) => `"${m}"`).join(', ');
    throw new ImportFileError(
      { code: 'missingColumns', params: { format: formatLabel, columns } },
      { line: 1 },
    );
  }
  return { index, name };
}
