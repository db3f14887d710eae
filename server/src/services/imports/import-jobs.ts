// Import jobs as rows of import_jobs: created by an upload or the CLI, claimed by a worker, updated
// with progress, finished with counts and row errors, cancelled or started again. The UI and the CLI
// read progress from the row (import-job-reads.ts), so it survives a page reload and a server restart.
import type { ColumnMapping, ImportFormat, ImportJob, ImportPhase, ImportRowError } from '@zhanggui/shared';
import type pg from 'pg';
import { AppError } from '../../errors.js';
import { AUTO_FORMAT, getImportJob, JOB_COLUMNS, type JobRecord } from './import-job-reads.js';
import type { ImportOutcome, ImportProgress } from './run-import.js';

export interface ImportJobRow {
  shopId: number;
  id: number;
  format: ImportFormat | null;
  mapping: ColumnMapping | null;
  filePath: string;
  phase: ImportPhase;
  importValidRows: boolean;
}

function toJobRow(r: JobRecord): ImportJobRow {
  return {
    shopId: r.shop_id,
    id: r.id,
    format: r.format === AUTO_FORMAT ? null : (r.format as ImportFormat),
    mapping: r.mapping,
    filePath: r.file_path,
    phase: r.phase,
    importValidRows: r.import_valid_rows,
  };
}

export interface NewImportJob {
  shopId: number;
  format: ImportFormat | null;
  mapping: ColumnMapping | null;
  fileName: string;
  filePath: string;
  fileBytes: number;
  phase: ImportPhase;
  importValidRows: boolean;
  /** 'running' when the caller runs the job itself (the CLI); 'queued' for the worker. */
  status?: 'queued' | 'running';
}

export async function createImportJob(pool: pg.Pool, job: NewImportJob): Promise<ImportJobRow> {
  const status = job.status ?? 'queued';
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO import_jobs (shop_id, format, mapping, file_name, file_path, file_bytes, phase, import_valid_rows, status, started_at, heartbeat_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 = 'running' THEN now() END, CASE WHEN $9 = 'running' THEN now() END)
     RETURNING id`,
    [
      job.shopId,
      job.format ?? AUTO_FORMAT,
      job.mapping ? JSON.stringify(job.mapping) : null,
      job.fileName,
      job.filePath,
      job.fileBytes,
      job.phase,
      job.importValidRows,
      status,
    ],
  );
  return { ...job, id: rows[0]!.id };
}

/** Takes the oldest queued job, if any; SKIP LOCKED lets several workers share the queue. */
export async function claimNextJob(pool: pg.Pool): Promise<ImportJobRow | null> {
  const { rows } = await pool.query<JobRecord>(
    `UPDATE import_jobs j SET status = 'running', started_at = now(), heartbeat_at = now(), finished_at = NULL
     FROM shops s
     WHERE s.id = j.shop_id AND (j.shop_id, j.id) = (
       SELECT shop_id, id FROM import_jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     RETURNING ${JOB_COLUMNS}`,
  );
  return rows[0] ? toJobRow(rows[0]) : null;
}

/** Saves progress; returns whether someone asked to cancel. */
export async function recordProgress(
  pool: pg.Pool,
  job: ImportJobRow,
  progress: ImportProgress,
): Promise<boolean> {
  const { rows } = await pool.query<{ cancel_requested: boolean }>(
    `UPDATE import_jobs SET bytes_read = $3, rows_read = $4, rows_rejected = $5, heartbeat_at = now()
     WHERE shop_id = $1 AND id = $2 RETURNING cancel_requested`,
    [job.shopId, job.id, progress.bytesRead, progress.rowsRead, progress.rowsRejected],
  );
  return rows[0]?.cancel_requested ?? true;
}

export async function finishJob(pool: pg.Pool, job: ImportJobRow, outcome: ImportOutcome): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE import_jobs SET status = $3, format = coalesce($4, format), encoding = $5, file_bytes = greatest(file_bytes, $6),
         rows_read = $7, rows_rejected = $8, record_kind = $9, records_inserted = $10, records_updated = $11,
         records_unchanged = $12, error_count = $13, message = $14, finished_at = now(), heartbeat_at = now(),
         bytes_read = CASE WHEN $3 IN ('succeeded', 'validated') THEN greatest(file_bytes, $6) ELSE bytes_read END
       WHERE shop_id = $1 AND id = $2`,
      [
        job.shopId,
        job.id,
        outcome.status,
        outcome.format,
        outcome.encoding,
        outcome.fileBytes,
        outcome.rowsRead,
        outcome.rowsRejected,
        outcome.recordKind,
        outcome.recordsInserted,
        outcome.recordsUpdated,
        outcome.recordsUnchanged,
        outcome.errorCount,
        outcome.message,
      ],
    );
    await client.query('DELETE FROM import_errors WHERE shop_id = $1 AND job_id = $2', [job.shopId, job.id]);
    await insertErrors(client, job, outcome.errors);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function insertErrors(
  client: pg.PoolClient,
  job: ImportJobRow,
  errors: ImportRowError[],
): Promise<void> {
  for (let start = 0; start < errors.length; start += 1000) {
    const slice = errors.slice(start, start + 1000);
    await client.query(
      `INSERT INTO import_errors (shop_id, job_id, seq, line, "column", value, reason, code, params)
       SELECT $1, $2, $3 + ordinality, line, col, value, reason, code, params
       FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
         WITH ORDINALITY AS e(line, col, value, reason, code, params)`,
      [
        job.shopId,
        job.id,
        start,
        slice.map((e) => e.line),
        slice.map((e) => e.column),
        slice.map((e) => e.value),
        slice.map((e) => e.reason),
        slice.map((e) => e.code ?? null),
        slice.map((e) => (e.params ? JSON.stringify(e.params) : null)),
      ],
    );
  }
}

export async function failJob(pool: pg.Pool, job: ImportJobRow, message: string): Promise<void> {
  await pool.query(
    `UPDATE import_jobs SET status = 'failed', message = $3, finished_at = now() WHERE shop_id = $1 AND id = $2`,
    [job.shopId, job.id, message],
  );
}

/** A queued job is cancelled at once; a running one when its worker next reports progress. */
export async function requestCancel(pool: pg.Pool, shopId: number, jobId: number): Promise<ImportJob> {
  const job = await getImportJob(pool, shopId, jobId);
  if (job.status === 'queued') {
    await pool.query(
      `UPDATE import_jobs SET status = 'cancelled', cancel_requested = true, finished_at = now(),
         message = 'Cancelled before it started; nothing was imported.'
       WHERE shop_id = $1 AND id = $2 AND status = 'queued'`,
      [shopId, jobId],
    );
  } else if (job.status === 'running') {
    await pool.query('UPDATE import_jobs SET cancel_requested = true WHERE shop_id = $1 AND id = $2', [
      shopId,
      jobId,
    ]);
  } else {
    throw new AppError('CONFLICT', {
      message: `Import ${jobId} has already ${job.status === 'validated' ? 'been checked' : job.status}; there is nothing to cancel.`,
    });
  }
  return getImportJob(pool, shopId, jobId);
}

/** After a dry run: queue the real import. A file with rejected rows needs importValidRows. */
export async function queueImport(
  pool: pg.Pool,
  shopId: number,
  jobId: number,
  importValidRows: boolean,
): Promise<ImportJob> {
  const job = await getImportJob(pool, shopId, jobId);
  const canStart =
    job.status === 'validated' || (job.status === 'failed' && job.rowsRejected > 0 && job.phase === 'import');
  if (!canStart) {
    throw new AppError('CONFLICT', {
      message: `Import ${jobId} is ${job.status}; only a checked file can be imported. Upload the file again.`,
    });
  }
  if (job.rowsRejected > 0 && !importValidRows) {
    throw new AppError('INVALID_INPUT', {
      message: `${job.rowsRejected} rows of this file were rejected. Fix the file and upload it again, or choose to import the ${job.rowsRead - job.rowsRejected} valid rows.`,
    });
  }
  await pool.query(
    `UPDATE import_jobs SET status = 'queued', phase = 'import', import_valid_rows = $3, cancel_requested = false,
       bytes_read = 0, started_at = NULL, finished_at = NULL, message = NULL
     WHERE shop_id = $1 AND id = $2`,
    [shopId, jobId, importValidRows],
  );
  return getImportJob(pool, shopId, jobId);
}

/**
 * Jobs left 'running' by a process that died: their transaction was rolled back with the connection,
 * so they are queued again and rerun from the start.
 */
export async function requeueInterruptedJobs(pool: pg.Pool, staleAfterSeconds = 60): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE import_jobs SET status = 'queued', bytes_read = 0, started_at = NULL
     WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)`,
    [staleAfterSeconds],
  );
  return rowCount ?? 0;
}
