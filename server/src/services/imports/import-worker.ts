// The background worker: claims queued import jobs one at a time and runs them. Started with the
// server; wake() after an upload skips the poll delay. Stopping aborts the running job, whose
// transaction rolls back, and queues it again for the next start.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { prepareReader } from '../../imports/worker/open-in-worker.js';
import { log } from '../../lib/logger.js';
import { claimNextJob, type ImportJobRow, requeueInterruptedJobs } from './import-jobs.js';
import { runImportJob } from './run-import-job.js';
import { removeStaleUploads } from './upload-cleanup.js';

export interface ImportWorker {
  wake(): void;
  stop(): Promise<void>;
  /** Resolves when the queue is empty and nothing runs (for tests). */
  idle(): Promise<void>;
}

export interface ImportWorkerOptions {
  pollMs?: number;
  /** Uploaded files live here and are deleted once their job is done; other files (the CLI's) never are. */
  uploadDir?: string;
}

const runningWorkers = new Set<ImportWorker>();

/** Stops the workers of this process (server shutdown), before their database pool closes. */
export async function stopImportWorkers(): Promise<void> {
  await Promise.all([...runningWorkers].map((worker) => worker.stop()));
}

/** Wakes the workers of this process, e.g. after a job was queued through tRPC. */
export function wakeImportWorkers(): void {
  for (const worker of runningWorkers) worker.wake();
}

export function startImportWorker(pool: pg.Pool, options: ImportWorkerOptions = {}): ImportWorker {
  const pollMs = options.pollMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let current: { job: ImportJobRow; abort: AbortController } | null = null;
  let idleWaiters: Array<() => void> = [];
  /** Asked to run (woken, or idle() called) while a drain was running: run again right after it. */
  let again = false;

  const schedule = (delay: number) => {
    if (stopped || (pool as pg.Pool & { ending?: boolean }).ending) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    // An idle worker does not keep the process alive.
    timer.unref();
  };

  const tick = () => {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => log.error({ err: error }, 'import worker failed'))
      .finally(() => {
        running = null;
        schedule(again ? 0 : pollMs);
        again = false;
      });
  };

  async function drain() {
    // Only those who asked before this drain looked at the queue: a job queued while it ran may not be seen.
    const waiters = idleWaiters;
    idleWaiters = [];
    try {
      for (let job = await claimNextJob(pool); job && !stopped; job = await claimNextJob(pool)) {
        const abort = new AbortController();
        current = { job, abort };
        const outcome = await runImportJob(pool, job, { signal: abort.signal });
        current = null;
        if (stopped && outcome?.status === 'cancelled') {
          await pool.query(
            `UPDATE import_jobs SET status = 'queued', finished_at = NULL WHERE shop_id = $1 AND id = $2`,
            [job.shopId, job.id],
          );
          return;
        }
        const isKeptForNextStep =
          outcome?.status === 'validated' || (outcome?.status === 'failed' && outcome.rowsRejected > 0);
        if (!isKeptForNextStep && options.uploadDir && isInside(options.uploadDir, job.filePath)) {
          await rm(job.filePath, { force: true });
        }
      }
    } finally {
      for (const resolve of waiters) resolve();
    }
  }

  // Large files are read in a worker thread: one waits, started, for the first of them.
  prepareReader();
  const startup = requeueInterruptedJobs(pool)
    .then(async (n) => {
      if (n > 0) log.info({ jobs: n }, 'requeued interrupted imports');
      if (options.uploadDir) await removeStaleUploads(pool, options.uploadDir);
    })
    .catch((error) => log.error({ err: error }, 'could not requeue interrupted imports'))
    .finally(() => schedule(0));

  const worker: ImportWorker = {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      runningWorkers.delete(worker);
      if (timer) clearTimeout(timer);
      current?.abort.abort();
      // Its start-up chores use the pool too, which the caller is about to close.
      await startup;
      await running;
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        schedule(0);
      });
    },
  };
  runningWorkers.add(worker);
  return worker;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
