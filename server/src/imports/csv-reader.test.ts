import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_CHARS, openCsv } from './csv-reader.js';
import type { CsvRow } from './records.js';
import { tempFile } from './test-files.js';
import { sampleFile } from './testing.js';

async function allRows(file: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const batch of (await openCsv(file)).rows) rows.push(...batch);
  return rows;
}

describe('openCsv', () => {
  it('numbers rows by the line they start on, across quoted multi-line fields and CRLF', async () => {
    const file = await tempFile('multi.csv', 'a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,w\r\n');
    const rows = await allRows(file);
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny\r\nz']],
      [6, ['2', 'w']],
    ]);
  });

  it('reads the real 48-column product template with its quoted HTML bodies', async () => {
    const rows = await allRows(sampleFile('shopify', 'product_template_2023_48col.csv'));
    expect(rows).toHaveLength(18);
    expect(rows.every((r) => r.fields.length === 48)).toBe(true);
  });

  it('streams a file of many chunks without losing or splitting a row', async () => {
    const path = await tempFile('big.csv', '');
    const out = createWriteStream(path);
    out.write('n,text\n');
    for (let i = 0; i < 60_000; i++) out.write(`${i},"row ${i}, with a comma and ""quotes"""\n`);
    out.end();
    await once(out, 'finish');
    let count = 0;
    let sum = 0;
    let bytes = 0;
    const source = await openCsv(path, { onBytes: (n) => (bytes = n) });
    for await (const batch of source.rows) {
      for (const row of batch) {
        if (row.line === 1) continue;
        count++;
        sum += Number(row.fields[0]);
        if (row.fields[1] !== `row ${row.fields[0]}, with a comma and "quotes"`)
          throw new Error(`bad row ${row.line}`);
      }
    }
    expect(count).toBe(60_000);
    expect(sum).toBe((59_999 * 60_000) / 2);
    expect(bytes).toBe(source.fileBytes);
    expect(source.fileBytes).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('flags a quote that is never closed at the end of a cut-off file', async () => {
    const rows = await allRows(await tempFile('cut.csv', 'a,b\n1,2\n3,"unfinished'));
    expect(rows[2]).toMatchObject({ line: 3, problem: { code: 'unclosedQuote' } });
  });

  it('stops with a clear error instead of buffering a runaway quoted field', async () => {
    const path = await tempFile('runaway.csv', '');
    const out = createWriteStream(path);
    out.write('a,b\n1,"');
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i <= MAX_ROW_CHARS / block.length; i++) out.write(block);
    out.end();
    await once(out, 'finish');
    await expect(allRows(path)).rejects.toThrow(/row starting on line 2 is longer than 16 MB/);
  });
});
