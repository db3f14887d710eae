// Worker-thread entry: waits for its file, then reads it (decode, parse, validate, normalize) off the import's
// thread and posts its batches back, a few at a time as the import asks for them. Parsing a large
// export and writing it to PostgreSQL then run side by side instead of taking turns.
import { parentPort } from 'node:worker_threads';
import { ImportFileError } from '../import-file-error.js';
import { type RecordBatch, readImportFile } from '../read-import-file.js';
import type { OrderRecord } from '../records.js';
import type { ParentMessage, ReaderJob, SerializedError, WorkerMessage } from './messages.js';
import { packOrders } from './packed-orders.js';

/** Records per message: fewer, larger messages cost less to pass than one per file chunk. */
const RECORDS_PER_MESSAGE = 2000;
/** The first messages are smaller (doubling up to RECORDS_PER_MESSAGE), so the import can start writing sooner. */
const FIRST_MESSAGE_RECORDS = 500;

const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;

port.on('message', (message: ParentMessage) => {
  if (message.type === 'read') {
    run(message.job).catch((error: unknown) => post({ type: 'failed', error: serialize(error) }));
    return;
  }
  credit += message.batches;
  wake?.();
  wake = null;
});

const post = (message: WorkerMessage) =>
  // A batch's numbers are handed over, not copied.
  port.postMessage(
    message,
    message.type === 'batch' && message.orders ? [message.orders.numbers.buffer] : [],
  );

async function waitForCredit(): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
}

function serialize(error: unknown): SerializedError {
  if (error instanceof ImportFileError)
    return {
      name: error.name,
      message: error.message,
      line: error.line,
      reason: error.reason,
      stack: error.stack,
    };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

async function run(job: ReaderJob): Promise<void> {
  let bytesRead = 0;
  const opened = await readImportFile(job.filePath, {
    format: job.format,
    mapping: job.mapping,
    context: job.context,
    onBytes: (n) => {
      bytesRead = n;
    },
  });
  post({
    type: 'opened',
    kind: opened.kind,
    format: opened.format,
    encoding: opened.encoding,
    fileBytes: opened.fileBytes,
  });
  let pending: RecordBatch<unknown> = { records: [], errors: [], rowsRead: 0, rowsRejected: 0 };
  let perMessage = FIRST_MESSAGE_RECORDS;
  const send = async () => {
    const message: WorkerMessage =
      opened.kind === 'orders'
        ? {
            type: 'batch',
            batch: { ...pending, records: [] },
            orders: packOrders(pending.records as OrderRecord[]),
            bytesRead,
          }
        : { type: 'batch', batch: pending, bytesRead };
    await waitForCredit();
    post(message);
    pending = { records: [], errors: [], rowsRead: 0, rowsRejected: 0 };
    perMessage = Math.min(perMessage * 2, RECORDS_PER_MESSAGE);
  };
  for await (const batch of opened.batches as AsyncGenerator<RecordBatch<unknown>>) {
    for (const record of batch.records) pending.records.push(record);
    for (const error of batch.errors) pending.errors.push(error);
    pending.rowsRead += batch.rowsRead;
    pending.rowsRejected += batch.rowsRejected;
    if (pending.records.length >= perMessage || pending.errors.length >= perMessage) await send();
  }
  await send();
  post({ type: 'done' });
}
