// Opens an import file in a worker thread: the same OpenedImport as readImportFile, with the
// decoding, parsing and validation on another core while the caller writes batches to the database.
import { Worker } from 'node:worker_threads';
import { ImportCancelledError, ImportFileError } from '../import-file-error.js';
import type { OpenedImport, ReadImportOptions, RecordBatch } from '../read-import-file.js';
import type { ParentMessage, ReaderJob, SerializedError, WorkerMessage } from './messages.js';
import { unpackOrders } from './packed-orders.js';

/** Batches the worker may read ahead of the import: enough to keep both busy, few enough to bound memory. */
const READ_AHEAD = 3;
/** The worker's young generation: its batches live until posted, and a small nursery promotes them all. */
const YOUNG_GENERATION_MB = 64;

const WORKER_URL = new URL(
  `./read-in-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

/** Running from TypeScript sources (tsx, vitest), the worker needs the same loader to start. */
function workerExecArgv(): string[] {
  if (!WORKER_URL.pathname.endsWith('.ts')) return process.execArgv;
  const loader = import.meta.resolve('tsx');
  if (process.execArgv.includes(loader)) return process.execArgv;
  return [...process.execArgv, '--import', loader];
}

function startReader(): Worker {
  return new Worker(WORKER_URL, {
    execArgv: workerExecArgv(),
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
}

/** A reader started ahead of its file: starting a thread and loading its modules takes a few hundred ms. */
let spare: Worker | null = null;

/**
 * Starts a reader to wait for the next large file, unless one waits already. It does not keep the
 * process alive, and one that stops on its own is forgotten.
 */
export function prepareReader(): void {
  if (spare) return;
  const reader = startReader();
  reader.unref();
  const forget = () => {
    if (spare === reader) spare = null;
  };
  reader.once('exit', forget);
  reader.once('error', forget);
  spare = reader;
}

function takeReader(): Worker {
  const reader = spare ?? startReader();
  spare = null;
  reader.ref();
  return reader;
}

function rebuild(error: SerializedError): Error {
  const rebuilt =
    error.name === 'ImportFileError'
      ? new ImportFileError(error.reason ?? { code: 'parseError', params: { message: error.message } }, {
          line: error.line,
        })
      : Object.assign(new Error(error.message), { name: error.name });
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

export async function openImportFileInWorker(
  filePath: string,
  options: ReadImportOptions,
): Promise<OpenedImport> {
  const job: ReaderJob = {
    filePath,
    format: options.format,
    mapping: options.mapping,
    context: options.context,
  };
  const worker = takeReader();
  const inbox: WorkerMessage[] = [];
  let waiting: (() => void) | null = null;
  let exitError: Error | null = null;
  const notify = () => {
    waiting?.();
    waiting = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    exitError = error;
    notify();
  });
  worker.on('exit', (code) => {
    exitError ??= new Error(`The file reader stopped unexpectedly (exit code ${code}).`);
    notify();
  });
  const ask = (batches: number) => worker.postMessage({ type: 'more', batches } satisfies ParentMessage);
  worker.postMessage({ type: 'read', job } satisfies ParentMessage);

  const abort = () => notify();
  options.signal?.addEventListener('abort', abort);
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      const message = inbox.shift();
      if (message) {
        if (message.type === 'failed') throw rebuild(message.error);
        return message;
      }
      if (exitError) throw exitError;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    options.signal?.removeEventListener('abort', abort);
    worker.removeAllListeners('exit');
    await worker.terminate();
    // The next large file finds its reader started: this import has read its file and is writing the
    // last of it, mostly PostgreSQL's work, while the new thread loads.
    prepareReader();
  };

  try {
    const opened = await next();
    if (opened.type !== 'opened') throw new Error(`The file reader sent ${opened.type} before opening.`);
    ask(READ_AHEAD);
    async function* batches(): AsyncGenerator<RecordBatch<unknown>> {
      try {
        for (;;) {
          const message = await next();
          if (message.type === 'done') return;
          if (message.type !== 'batch') throw new Error(`The file reader sent ${message.type} mid-file.`);
          options.onBytes?.(message.bytesRead);
          ask(1);
          if (message.orders) message.batch.records = unpackOrders(message.orders);
          yield message.batch;
        }
      } finally {
        await stop();
      }
    }
    const { type: _, ...described } = opened;
    return { ...described, batches: batches(), close: stop } as OpenedImport;
  } catch (error) {
    await stop();
    throw error;
  }
}
