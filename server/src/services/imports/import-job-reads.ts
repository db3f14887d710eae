// Reading import jobs: one job with its first row errors, a shop's recent jobs, and every stored
// error for the CSV report. Rows become the ImportJob contract here.
import type {
  ColumnMapping,
  ImportFormat,
  ImportJob,
  ImportJobDetail,
  ImportJobStatus,
  ImportPhase,
  ImportRowError,
} from '@zhanggui/shared';
import type pg from 'pg';
import { AppError } from '../../errors.js';

export const JOB_COLUMNS = `j.shop_id, j.id, s.slug, j.format, j.mapping, j.file_name, j.file_path, j.file_bytes, j.encoding,
  j.status, j.phase, j.import_valid_rows, j.cancel_requested, j.bytes_read, j.rows_read, j.rows_rejected,
  j.record_kind, j.records_inserted, j.records_updated, j.records_unchanged, j.error_count, j.message,
  j.created_at, j.started_at, j.finished_at`;

export interface JobRecord {
  shop_id: number;
  id: number;
  slug: string;
  format: string;
  mapping: ColumnMapping | null;
  file_name: string;
  file_path: string;
  file_bytes: number;
  encoding: string | null;
  status: ImportJobStatus;
  phase: ImportPhase;
  import_valid_rows: boolean;
  cancel_requested: boolean;
  bytes_read: number;
  rows_read: number;
  rows_rejected: number;
  record_kind: string | null;
  records_inserted: number;
  records_updated: number;
  records_unchanged: number;
  error_count: number;
  message: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A format not yet known (to be detected) is stored as 'auto' until the first run names it. */
export const AUTO_FORMAT = 'auto';

export function toImportJob(r: JobRecord): ImportJob {
  return {
    id: r.id,
    shop: r.slug,
    format: r.format === AUTO_FORMAT ? null : (r.format as ImportFormat),
    mapping: r.mapping,
    fileName: r.file_name,
    fileBytes: r.file_bytes,
    encoding: r.encoding,
    status: r.status,
    phase: r.phase,
    importValidRows: r.import_valid_rows,
    cancelRequested: r.cancel_requested,
    bytesRead: r.bytes_read,
    rowsRead: r.rows_read,
    rowsRejected: r.rows_rejected,
    recordKind: r.record_kind,
    recordsInserted: r.records_inserted,
    recordsUpdated: r.records_updated,
    recordsUnchanged: r.records_unchanged,
    errorCount: r.error_count,
    message: r.message,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function getImportJob(pool: pg.Pool, shopId: number, jobId: number): Promise<ImportJob> {
  const { rows } = await pool.query<JobRecord>(
    `SELECT ${JOB_COLUMNS} FROM import_jobs j JOIN shops s ON s.id = j.shop_id WHERE j.shop_id = $1 AND j.id = $2`,
    [shopId, jobId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', { message: `No import ${jobId} in this shop.` });
  return toImportJob(rows[0]);
}

export async function getImportJobDetail(
  pool: pg.Pool,
  shopId: number,
  jobId: number,
  errorLimit = 50,
): Promise<ImportJobDetail> {
  const job = await getImportJob(pool, shopId, jobId);
  const { rows } = await pool.query<ImportRowError>(
    `SELECT line, "column", value, reason, code, params FROM import_errors
     WHERE shop_id = $1 AND job_id = $2 ORDER BY seq LIMIT $3`,
    [shopId, jobId, errorLimit],
  );
  return { ...job, firstErrors: rows };
}

export async function listImportJobs(pool: pg.Pool, shopId: number, limit: number): Promise<ImportJob[]> {
  const { rows } = await pool.query<JobRecord>(
    `SELECT ${JOB_COLUMNS} FROM import_jobs j JOIN shops s ON s.id = j.shop_id
     WHERE j.shop_id = $1 ORDER BY j.created_at DESC, j.id DESC LIMIT $2`,
    [shopId, limit],
  );
  return rows.map(toImportJob);
}

/** Every stored row error of a job, in file order, a page at a time (for the CSV download). */
export async function* jobErrors(
  pool: pg.Pool,
  shopId: number,
  jobId: number,
): AsyncGenerator<ImportRowError[]> {
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<ImportRowError & { seq: number }>(
      `SELECT seq, line, "column", value, reason, code, params FROM import_errors
       WHERE shop_id = $1 AND job_id = $2 AND seq > $3 ORDER BY seq LIMIT 1000`,
      [shopId, jobId, after],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.seq;
    yield rows.map(({ seq: _seq, ...error }) => error);
  }
}
