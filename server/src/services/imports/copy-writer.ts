// Feeds rows to PostgreSQL COPY ... FROM STDIN in text format, in 64 KB writes, waiting for the
// server when it is behind, so staging a million rows holds one small buffer in memory.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Small writes keep the encoded rows short-lived: large buffers moved them to the old heap and GC dominated.
const FLUSH_CHARS = 64 * 1024;

export type CopyValue = string | number | boolean | Date | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

export function copyLine(values: CopyValue[]): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = copyValue(values[i]);
  return `${cells.join('\t')}\n`;
}

export class CopyWriter {
  private chunks: string[] = [];
  private size = 0;
  rows = 0;

  private constructor(private readonly stream: ReturnType<typeof copyFrom>) {
    // An error before anyone awaits the stream must not crash the process; finish() reports it.
    stream.on('error', () => {});
  }

  static open(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[]): CopyWriter {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new CopyWriter(stream);
  }

  /** COPYs text already in COPY's format (one call, for loads prepared in advance). */
  static async copyText(
    client: pg.PoolClient | pg.Client,
    table: string,
    columns: readonly string[],
    text: string,
  ): Promise<void> {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    stream.end(text);
    await finished(stream);
  }

  /** Adds a row; call drain() between batches. */
  add(values: CopyValue[]): void {
    const line = copyLine(values);
    this.chunks.push(line);
    this.size += line.length;
    this.rows++;
  }

  /** Sends what is buffered once it is large enough, waiting while the server catches up. */
  async drain(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < FLUSH_CHARS)) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async finish(): Promise<number> {
    await this.drain(true);
    this.stream.end();
    await finished(this.stream);
    return this.rows;
  }

  /** Ends the COPY after a failure elsewhere; the transaction is rolled back by the caller. */
  abort(): void {
    this.stream.destroy();
  }
}
