// Streams a CSV (or tab-separated) file as batches of rows, never holding more than one chunk and
// one unfinished row in memory. Bytes -> text (encoding detected) -> papaparse's core parser, fed
// chunk by chunk so the consumer's awaits give backpressure all the way down to the file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import type { ImportReason } from '@zhanggui/shared';
import Papa from 'papaparse';
import { ImportCancelledError, ImportFileError } from './import-file-error.js';
import { notACsvProblem } from './not-a-csv.js';
import type { CsvRow } from './records.js';
import { createDecoder, detectEncoding, type TextEncoding } from './text-encoding.js';

const SAMPLE_BYTES = 64 * 1024;
// Small chunks keep the rows of one parse young: 1 MB chunks made the GC cost four times the parse.
const CHUNK_BYTES = 64 * 1024;
/** A row longer than this is a quote that never closes, not data. */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

export interface CsvSource {
  encoding: TextEncoding;
  fileBytes: number;
  rows: AsyncGenerator<CsvRow[]>;
}

export interface OpenCsvOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far, for progress. */
  onBytes?: (bytesRead: number) => void;
}

export async function openCsv(filePath: string, options: OpenCsvOptions = {}): Promise<CsvSource> {
  const { size } = await stat(filePath);
  const handle = await open(filePath, 'r');
  const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
  try {
    await handle.read(sample, 0, sample.length, 0);
  } finally {
    await handle.close();
  }
  const problem = notACsvProblem(sample);
  if (problem) throw new ImportFileError(problem);
  const detected = detectEncoding(sample);
  return { encoding: detected.encoding, fileBytes: size, rows: readRows(filePath, detected, options) };
}

async function* readRows(
  filePath: string,
  detected: ReturnType<typeof detectEncoding>,
  { signal, onBytes }: OpenCsvOptions,
): AsyncGenerator<CsvRow[]> {
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      onBytes?.(bytesRead);
      callback(null, chunk);
    },
  });
  const text = pipeline(
    createReadStream(filePath, { highWaterMark: CHUNK_BYTES }),
    counter,
    createDecoder(detected),
    () => {},
  );
  let parser: Papa.Parser | null = null;
  let partial = '';
  let baseIndex = 0;
  const lines = { next: 1 };
  try {
    for await (const chunk of text) {
      if (signal?.aborted) throw new ImportCancelledError();
      const textChunk = String(chunk);
      parser ??= new Papa.Parser({ delimiter: guessDelimiter(textChunk), newline: guessNewline(textChunk) });
      const aggregate = partial + textChunk;
      const results = parser.parse(aggregate, baseIndex, true);
      partial = aggregate.substring(results.meta.cursor - baseIndex);
      baseIndex = results.meta.cursor;
      if (partial.length > MAX_ROW_CHARS) {
        throw new ImportFileError(
          { code: 'rowTooLong', params: { line: lines.next, maxChars: MAX_ROW_CHARS } },
          { line: lines.next },
        );
      }
      const rows = toRows(results, lines);
      if (rows.length > 0) yield rows;
    }
    if (parser && partial.length > 0) {
      const rows = toRows(parser.parse(partial, baseIndex, false), lines);
      if (rows.length > 0) yield rows;
    }
  } finally {
    text.destroy();
  }
}

interface PapaResults {
  data: string[][];
  errors: Array<{ code: string; message: string; row?: number }>;
}

function toRows(results: PapaResults, lines: { next: number }): CsvRow[] {
  const problems = new Map<number, ImportReason>();
  for (const error of results.errors) {
    if (error.row === undefined) continue;
    problems.set(error.row, describeParseError(error.code, error.message));
  }
  const rows: CsvRow[] = [];
  const { data } = results;
  for (let i = 0; i < data.length; i++) {
    const fields = data[i]!;
    const line = lines.next;
    lines.next += 1 + countNewlines(fields);
    if (fields.length === 1 && fields[0] === '' && !problems.has(i)) continue;
    const problem = problems.get(i);
    rows.push(problem ? { fields, line, problem } : { fields, line });
  }
  return rows;
}

function describeParseError(code: string, message: string): ImportReason {
  if (code === 'MissingQuotes') return { code: 'unclosedQuote', params: {} };
  if (code === 'InvalidQuotes') return { code: 'undoubledQuote', params: {} };
  return { code: 'parseError', params: { message } };
}

function countNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.length === 0) continue;
    let at = field.indexOf('\n');
    while (at !== -1) {
      count++;
      at = field.indexOf('\n', at + 1);
    }
  }
  return count;
}

export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The separator of the first line: comma, tab or semicolon, whichever occurs most. */
export function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
