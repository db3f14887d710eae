// PostgreSQL COPY text format: one line per row, tab-separated, \N for NULL.

/** A table's rows as COPY text lines, produced lazily so millions of rows never sit in memory. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  lines(): Iterable<string>;
}

export const NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escapes free text for COPY; the generator's templates rarely need it, so test first. */
export function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

export function nullable(value: number | string | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

/** Joins lines into chunks of about `size` characters: fewer, larger writes to the COPY stream. */
export function* chunked(lines: Iterable<string>, size = 1 << 16): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
