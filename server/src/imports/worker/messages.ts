// What the file-reading worker thread and the import it serves say to each other.
import type { ColumnMapping, ImportFormat, ImportReason } from '@zhanggui/shared';
import type { RecordBatch } from '../read-import-file.js';
import type { ReaderContext, RecordKind } from '../records.js';
import type { TextEncoding } from '../text-encoding.js';
import type { PackedOrders } from './packed-orders.js';

export interface ReaderJob {
  filePath: string;
  format?: ImportFormat;
  mapping?: ColumnMapping | null;
  context: ReaderContext;
}

/** A failure of the worker, rebuilt as the same error class on the other side. */
export interface SerializedError {
  name: string;
  message: string;
  line?: number;
  reason?: ImportReason;
  stack?: string;
}

export type WorkerMessage =
  | { type: 'opened'; kind: RecordKind; format: ImportFormat; encoding: TextEncoding; fileBytes: number }
  | {
      type: 'batch';
      batch: RecordBatch<unknown>;
      /** A batch of orders comes packed, its records empty. */
      orders?: PackedOrders;
      bytesRead: number;
    }
  | { type: 'done' }
  | { type: 'failed'; error: SerializedError };

/**
 * The import gives the worker its file (a worker is started before there is one, see prepareReader),
 * then asks for more batches; the worker never runs further ahead than it was allowed.
 */
export type ParentMessage = { type: 'read'; job: ReaderJob } | { type: 'more'; batches: number };
