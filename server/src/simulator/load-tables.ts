// Bulk-load mechanics: COPY FROM STDIN streamed from the generator, and a small job queue that runs
// loading jobs (COPYs, the rollup refresh) on parallel connections, one transaction per job.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { withTransaction } from '../db/client.js';
import { type HourWindow, refreshRollups } from '../services/rollups/refresh-rollups.js';
import { SHOP_TIME_ZONE } from './calendar.js';
import { chunked, type TableRows } from './copy-text.js';

export async function copyTable(
  client: pg.ClientBase,
  table: TableRows,
  signal?: AbortSignal,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table.table} (${table.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunked(table.lines())), stream, { signal });
  return stream.rowCount;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** One unit of loading work, run in its own transaction on one connection. */
export interface LoadJob {
  run(client: pg.PoolClient, signal: AbortSignal): Promise<void>;
  /** Jobs that must have committed first (order lines wait for their orders, rollups for both). */
  after?: LoadJob[];
}

export function copyJob(
  tables: TableRows[],
  onTable: (table: string, rows: number) => void,
  after?: LoadJob[],
): LoadJob {
  return {
    after,
    async run(client, signal) {
      for (const table of tables) onTable(table.table, await copyTable(client, table, signal));
    },
  };
}

/** The job, then `next` in the same transaction: a rollup is summed where the rows it sums are loaded. */
export function followedBy(job: LoadJob, next: (client: pg.PoolClient) => Promise<void>): LoadJob {
  return {
    after: job.after,
    async run(client, signal) {
      await job.run(client, signal);
      await next(client);
    },
  };
}

/**
 * Runs the jobs on `workers` connections at once, in list order, each in its own transaction.
 * When one fails, the running ones are aborted and rolled back, no new one starts, and the first
 * real error is thrown once all have settled.
 */
export async function runLoadJobs(pool: pg.Pool, jobs: LoadJob[], workers: number): Promise<void> {
  const controller = new AbortController();
  const committed = new Map<LoadJob, Promise<void>>();
  const queue = [...jobs];
  const errors: unknown[] = [];
  const start = (job: LoadJob) =>
    (async () => {
      // A failed dependency has already aborted the run and reported its error.
      await Promise.all(
        (job.after ?? []).map((dependency) => committed.get(dependency)?.catch(() => undefined)),
      );
      controller.signal.throwIfAborted();
      await withTransaction(pool, (client) => job.run(client, controller.signal));
    })();
  const work = async () => {
    for (let job = queue.shift(); job && !controller.signal.aborted; job = queue.shift()) {
      const run = start(job);
      committed.set(job, run);
      try {
        await run;
      } catch (error) {
        errors.push(error);
        controller.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  if (errors.length > 0) throw errors.find((e) => !isAbort(e)) ?? errors[0];
}

/**
 * A COPY job without per-row foreign-key checks. Checking 1.4M order lines row by row against their
 * orders costs as much again as loading them; the generator writes consistent ids, and
 * `countOrphanLines` proves it with one anti-join before anything becomes visible.
 */
export function uncheckedCopyJob(
  tables: TableRows[],
  onTable: (table: string, rows: number) => void,
  after?: LoadJob[],
): LoadJob {
  const checked = copyJob(tables, onTable, after);
  return {
    after,
    async run(client, signal) {
      await client.query('SET LOCAL session_replication_role = replica');
      await checked.run(client, signal);
    },
  };
}

/**
 * Refreshes the shop's rollups over the window, with memory enough not to spill to disk; `check`
 * runs before, in the same transaction (a failed check stops the load before anything is visible).
 */
export function rollupJob(
  shopId: number,
  window: HourWindow,
  after: LoadJob[],
  check: (client: pg.ClientBase) => Promise<void> = async () => {},
): LoadJob {
  return {
    after,
    async run(client) {
      await client.query("SET LOCAL work_mem = '256MB'");
      // Fresh statistics first, or the planner treats the just-loaded rows as absent (and nests loops).
      await client.query('ANALYZE orders, order_lines, refunds');
      await check(client);
      await refreshRollups(client, shopId, window, { timeZone: SHOP_TIME_ZONE });
    },
  };
}

/** Moves a table's id sequence past `maxId`: ids are per shop, the sequence must stay above all of them. */
export async function moveSequencePast(client: pg.ClientBase, table: string, maxId: number): Promise<void> {
  if (maxId === 0) return;
  const { rows } = await client.query<{ seq: string | null }>(
    "SELECT pg_get_serial_sequence($1, 'id') AS seq",
    [table],
  );
  const seq = rows[0]?.seq;
  if (!seq) return;
  await client.query(`SELECT setval($1::regclass, $2) FROM ${seq} WHERE NOT is_called OR last_value < $2`, [
    seq,
    maxId,
  ]);
}
