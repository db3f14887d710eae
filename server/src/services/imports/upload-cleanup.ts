// Uploaded files that no job needs any more: a checked file the merchant never imported, a file whose
// upload broke off. Removed when the worker starts, so DATA_DIR/imports does not grow without end.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

/** A checked file waits this long for "import"; a file without a job this long is an upload that broke off. */
export const KEEP_CHECKED_UPLOADS_DAYS = 7;
const ORPHAN_AFTER_MS = 60 * 60 * 1000;

export async function removeStaleUploads(
  pool: pg.Pool,
  uploadDir: string,
  now = new Date(),
): Promise<string[]> {
  const names = await readdir(uploadDir).catch(() => [] as string[]);
  if (names.length === 0) return [];
  const { rows } = await pool.query<{ file_path: string }>(
    `SELECT file_path FROM import_jobs
     WHERE status IN ('queued', 'running')
        OR (status IN ('validated', 'failed') AND coalesce(finished_at, created_at) > $1::timestamptz - make_interval(days => $2))`,
    [now, KEEP_CHECKED_UPLOADS_DAYS],
  );
  const needed = new Set(rows.map((r) => path.resolve(r.file_path)));
  const removed: string[] = [];
  for (const name of names) {
    const file = path.resolve(uploadDir, name);
    if (needed.has(file)) continue;
    const { mtimeMs } = await stat(file);
    if (now.getTime() - mtimeMs < ORPHAN_AFTER_MS) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
