// One import of one file into one shop, in one transaction: stream the file's records into a
// staging table, reject what cannot be merged, merge, refresh the rollups, then commit — or roll
// back for a dry run, a cancel, or a file with rejected rows when only a clean file may import.
import {
  type ColumnMapping,
  type ImportCounts,
  type ImportFormat,
  type ImportPhase,
  type ImportRowError,
  rowError,
} from '@zhanggui/shared';
import type pg from 'pg';
import { withTransaction } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { ImportCancelledError, ImportFileError } from '../../imports/import-file-error.js';
import { openImportFile } from '../../imports/open-import-file.js';
import type { OpenedImport } from '../../imports/read-import-file.js';
import { openLoader } from './loaders.js';
import type { MergeCounts } from './merge-result.js';

/** Errors kept for the report; error_count counts them all. */
export const MAX_KEPT_ERRORS = 10_000;
const PROGRESS_EVERY_MS = 200;

export interface ImportProgress {
  bytesRead: number;
  fileBytes: number;
  rowsRead: number;
  rowsRejected: number;
}

export interface RunImportInput {
  shopId: number;
  filePath: string;
  format?: ImportFormat;
  mapping?: ColumnMapping | null;
  /** 'validate' does everything, then rolls back: exact counts, nothing written. */
  phase: ImportPhase;
  /** Import the valid rows of a file with rejected rows (otherwise such a file imports nothing). */
  importValidRows: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export type ImportOutcomeStatus = 'validated' | 'succeeded' | 'failed' | 'cancelled';

export interface ImportOutcome extends ImportCounts {
  status: ImportOutcomeStatus;
  format: ImportFormat | null;
  encoding: string | null;
  fileBytes: number;
  errorCount: number;
  /** The first MAX_KEPT_ERRORS errors, in file order. */
  errors: ImportRowError[];
  message: string;
}

class RollBack extends Error {}

export async function runImport(pool: pg.Pool, input: RunImportInput): Promise<ImportOutcome> {
  const shop = await readShop(pool, input.shopId);
  const tally = newTally();
  let opened: OpenedImport | null = null;
  let outcome: ImportOutcome | null = null;
  let close = async () => {};
  try {
    await withTransaction(pool, async (client) => {
      let lastProgress = 0;
      let bytesRead = 0;
      const reportProgress = async (force = false) => {
        const now = Date.now();
        if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        await input.onProgress?.({
          bytesRead,
          fileBytes: opened?.fileBytes ?? 0,
          rowsRead: tally.rowsRead,
          rowsRejected: tally.rowsRejected,
        });
      };
      opened = await openImportFile(input.filePath, {
        format: input.format,
        mapping: input.mapping,
        context: { timeZone: shop.timeZone, currency: shop.currency },
        signal: input.signal,
        onBytes: (n) => {
          bytesRead = n;
        },
      });
      close = opened.close;
      const loader = await openLoader(client, input.shopId, opened.kind);
      try {
        for await (const batch of opened.batches as AsyncGenerator<{
          records: unknown[];
          errors: ImportRowError[];
          rowsRead: number;
          rowsRejected: number;
        }>) {
          if (input.signal?.aborted) throw new ImportCancelledError();
          for (const record of batch.records) loader.add(record);
          tally.add(batch.errors, batch.rowsRead, batch.rowsRejected);
          const rejected = await loader.afterBatch();
          tally.add(rejected.errors, 0, rejected.rows);
          await reportProgress();
        }
        const rejected = await loader.endOfFile();
        tally.add(rejected.errors, 0, rejected.rows);
      } catch (error) {
        await loader.abort();
        throw error;
      }
      await reportProgress(true);
      const isBlocked = tally.rowsRejected > 0 && !input.importValidRows;
      if (isBlocked && input.phase === 'import') {
        outcome = finish(opened, tally, 'failed', null);
        throw new RollBack();
      }
      if (input.signal?.aborted) throw new ImportCancelledError();
      const counts = await loader.merge();
      if (input.signal?.aborted) throw new ImportCancelledError();
      outcome = finish(opened, tally, input.phase === 'validate' ? 'validated' : 'succeeded', counts);
      if (input.phase === 'validate') throw new RollBack();
    });
  } catch (error) {
    if (error instanceof RollBack && outcome) return outcome;
    if (error instanceof ImportCancelledError) return finish(opened, tally, 'cancelled', null, error.message);
    if (error instanceof ImportFileError) {
      tally.errors.unshift(rowError(error.line, null, null, error.reason));
      tally.errorCount++;
      return finish(opened, tally, 'failed', null, error.message);
    }
    throw error;
  } finally {
    await close();
  }
  return outcome!;
}

async function readShop(pool: pg.Pool, shopId: number) {
  const { rows } = await pool.query<{ currency: string; time_zone: string }>(
    'SELECT currency, time_zone FROM shops WHERE id = $1',
    [shopId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', { message: `Shop ${shopId} does not exist.` });
  return { currency: rows[0].currency.toUpperCase(), timeZone: rows[0].time_zone };
}

function newTally() {
  return {
    rowsRead: 0,
    rowsRejected: 0,
    errorCount: 0,
    errors: [] as ImportRowError[],
    add(errors: ImportRowError[], rowsRead: number, rowsRejected: number) {
      this.rowsRead += rowsRead;
      this.rowsRejected += rowsRejected;
      this.errorCount += errors.length;
      const room = MAX_KEPT_ERRORS - this.errors.length;
      if (room > 0) this.errors.push(...errors.slice(0, room));
    },
  };
}

function finish(
  opened: OpenedImport | null,
  tally: ReturnType<typeof newTally>,
  status: ImportOutcomeStatus,
  counts: MergeCounts | null,
  fileProblem?: string,
): ImportOutcome {
  const recordKind = opened?.kind ?? null;
  const result = {
    status,
    format: opened?.format ?? null,
    encoding: opened?.encoding ?? null,
    fileBytes: opened?.fileBytes ?? 0,
    rowsRead: tally.rowsRead,
    rowsRejected: tally.rowsRejected,
    recordKind,
    recordsInserted: counts?.inserted ?? 0,
    recordsUpdated: counts?.updated ?? 0,
    recordsUnchanged: counts?.unchanged ?? 0,
    errorCount: tally.errorCount,
    errors: [...tally.errors].sort((a, b) => a.line - b.line),
  };
  return { ...result, message: fileProblem ?? describeOutcome(result) };
}

export function describeOutcome(o: Omit<ImportOutcome, 'message'>): string {
  const kind = o.recordKind ?? 'records';
  const valid = o.rowsRead - o.rowsRejected;
  const rejected = o.rowsRejected > 0 ? `, ${o.rowsRejected} rejected` : '';
  if (o.status === 'failed') {
    return `${o.rowsRejected} of ${o.rowsRead} rows were rejected, so nothing was imported. Fix them and import the file again, or import the ${valid} valid rows.`;
  }
  const effect = `${o.recordsInserted} new ${kind}, ${o.recordsUpdated} updated, ${o.recordsUnchanged} unchanged`;
  if (o.status === 'validated')
    return `Checked ${o.rowsRead} rows${rejected}. Importing would give ${effect}.`;
  if (o.rowsRejected > 0)
    return `Imported the ${valid} valid rows of ${o.rowsRead} (${o.rowsRejected} rejected): ${effect}.`;
  return `Imported ${o.rowsRead} rows: ${effect}.`;
}
