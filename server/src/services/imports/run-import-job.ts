// Runs one import job: the import itself, with progress saved to the job row (where a cancel from the
// UI is picked up) and the outcome, counts and row errors recorded when it ends.
import type pg from 'pg';
import { log } from '../../lib/logger.js';
import { failJob, finishJob, type ImportJobRow, recordProgress } from './import-jobs.js';
import { type ImportOutcome, type ImportProgress, runImport } from './run-import.js';

export interface RunJobOptions {
  /** Aborts the run (process shutdown, Ctrl-C); the transaction is rolled back. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export async function runImportJob(
  pool: pg.Pool,
  job: ImportJobRow,
  options: RunJobOptions = {},
): Promise<ImportOutcome | null> {
  const cancel = new AbortController();
  const stopOnSignal = () => cancel.abort();
  options.signal?.addEventListener('abort', stopOnSignal, { once: true });
  try {
    const outcome = await runImport(pool, {
      shopId: job.shopId,
      filePath: job.filePath,
      format: job.format ?? undefined,
      mapping: job.mapping,
      phase: job.phase,
      importValidRows: job.importValidRows,
      signal: cancel.signal,
      onProgress: async (progress) => {
        options.onProgress?.(progress);
        if (await recordProgress(pool, job, progress)) cancel.abort();
      },
    });
    await finishJob(pool, job, outcome);
    return outcome;
  } catch (error) {
    log.error({ err: error, shopId: job.shopId, jobId: job.id }, 'import job failed');
    await failJob(pool, job, `The import stopped on an unexpected error: ${(error as Error).message}`);
    return null;
  } finally {
    options.signal?.removeEventListener('abort', stopOnSignal);
  }
}
