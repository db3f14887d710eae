// Reads an import file end to end: encoding, header, format (detected or given), then each row through
// its format's reader, yielding normalized records and row errors in batches of one file chunk.
import type { ColumnMapping, ImportFormat, ImportReason, ImportRowError } from '@zhanggui/shared';
import { openCsv } from './csv-reader.js';
import { detectFormat } from './detect-format.js';
import { type GenericRecord, genericReader } from './generic.js';
import { ImportFileError } from './import-file-error.js';
import type {
  CsvRow,
  FormatReader,
  OrderRecord,
  ReaderContext,
  RecordKind,
  RowConsumer,
  SkuRecord,
} from './records.js';
import { shopifyOrdersReader } from './shopify-orders.js';
import { shopifyProductsReader } from './shopify-products.js';
import { taobaoOrdersReader } from './taobao-orders.js';
import type { TextEncoding } from './text-encoding.js';

export interface RecordBatch<R> {
  records: R[];
  errors: ImportRowError[];
  rowsRead: number;
  rowsRejected: number;
}

export type ImportRecords =
  | { kind: 'orders'; batches: AsyncGenerator<RecordBatch<OrderRecord>> }
  | { kind: 'skus'; batches: AsyncGenerator<RecordBatch<SkuRecord>> }
  | {
      kind: Exclude<RecordKind, 'orders' | 'skus'>;
      batches: AsyncGenerator<RecordBatch<GenericRecord>>;
    };

export type OpenedImport = ImportRecords & {
  format: ImportFormat;
  encoding: TextEncoding;
  fileBytes: number;
  /** Releases the file (and any reader thread) when the batches are not read to the end. */
  close(): Promise<void>;
};

export interface ReadImportOptions {
  format?: ImportFormat;
  mapping?: ColumnMapping | null;
  context: ReaderContext;
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
}

/** Opens the file and reads up to its header; the batches then stream the rest. */
export async function readImportFile(filePath: string, options: ReadImportOptions): Promise<OpenedImport> {
  const source = await openCsv(filePath, { signal: options.signal, onBytes: options.onBytes });
  const first = await firstRows(source.rows);
  const header = first.rows[0];
  if (!header) throw new ImportFileError({ code: 'emptyFile', params: {} });
  if (header.problem) {
    const params = { ...header.problem.params, problemCode: header.problem.code };
    throw new ImportFileError({ code: 'headerUnreadable', params }, { line: header.line });
  }
  const format = options.format ?? detectFormat(header.fields);
  if (format === 'generic' && !options.mapping) {
    throw new ImportFileError(
      { code: options.format ? 'mappingNeeded' : 'notRecognized', params: {} },
      { line: 1 },
    );
  }
  const close = async () => {
    await source.rows.return(undefined);
  };
  const common = { format, encoding: source.encoding, fileBytes: source.fileBytes, close };
  const rest = { header, pending: first.rows.slice(1), more: source.rows, context: options.context };
  if (format === 'shopify-orders')
    return { ...common, kind: 'orders', batches: stream(shopifyOrdersReader, rest) };
  if (format === 'taobao-orders')
    return { ...common, kind: 'orders', batches: stream(taobaoOrdersReader, rest) };
  if (format === 'shopify-products')
    return { ...common, kind: 'skus', batches: stream(shopifyProductsReader, rest) };
  const reader = genericReader(options.mapping!);
  return {
    ...common,
    kind: reader.kind as Exclude<RecordKind, 'orders' | 'skus'>,
    batches: stream(reader, rest),
  };
}

/** The first non-empty batch; next() rather than for-await, which would close the generator. */
async function firstRows(rows: AsyncGenerator<CsvRow[]>): Promise<{ rows: CsvRow[] }> {
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (next.value.length > 0) return { rows: next.value };
  }
  return { rows: [] };
}

interface StreamInput {
  header: CsvRow;
  pending: CsvRow[];
  more: AsyncGenerator<CsvRow[]>;
  context: ReaderContext;
}

async function* stream<R>(reader: FormatReader<R>, input: StreamInput): AsyncGenerator<RecordBatch<R>> {
  let batch: RecordBatch<R> = { records: [], errors: [], rowsRead: 0, rowsRejected: 0 };
  const consumer: RowConsumer = reader.open(input.header.fields, input.context, {
    accept: (record) => batch.records.push(record),
    reject: (errors, rows) => {
      batch.errors.push(...errors);
      batch.rowsRejected += rows;
    },
  });
  const columns = input.header.fields.length;
  const feed = (rows: CsvRow[]) => {
    for (const row of rows) {
      batch.rowsRead++;
      const problem = row.problem ?? columnCountProblem(row.fields.length, columns);
      consumer.row(problem ? { ...row, problem } : row);
    }
  };
  const take = () => {
    const full = batch;
    batch = { records: [], errors: [], rowsRead: 0, rowsRejected: 0 };
    return full;
  };
  feed(input.pending);
  yield take();
  for await (const rows of input.more) {
    feed(rows);
    yield take();
  }
  consumer.end();
  yield take();
}

function columnCountProblem(found: number, expected: number): ImportReason | null {
  if (found === expected) return null;
  return { code: found < expected ? 'rowCutOff' : 'rowTooWide', params: { found, expected } };
}
