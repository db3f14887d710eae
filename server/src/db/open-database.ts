// Opens the app's database: the external DATABASE_URL, or the embedded cluster under DATA_DIR.
// Applies pending migrations before anything else touches it.
import path from 'node:path';
import pg from 'pg';
import type { Env } from '../env.js';
import { connectDb, type Db } from './client.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';

export interface OpenedDatabase extends Db {
  url: string;
  isEmbedded: boolean;
  /** Closes connections and stops the embedded cluster if we started it. */
  shutdown(): Promise<void>;
}

const APP_DATABASE = 'zhanggui';

export class DatabaseUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

export async function openDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>,
  options: { onMigrated?: (names: string[]) => void } = {},
): Promise<OpenedDatabase> {
  let url = env.DATABASE_URL;
  let stopCluster = async () => {};
  if (!url) {
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(env.DATA_DIR, 'pg'),
      port: env.EMBEDDED_PG_PORT,
    });
    stopCluster = () => cluster.stop();
    await ensureDatabase(cluster.url('postgres'), APP_DATABASE);
    url = cluster.url(APP_DATABASE);
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    await stopCluster();
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}. Check DATABASE_URL, or unset it to use the embedded database.`,
      error,
    );
  }
  try {
    const applied = await migrate(client);
    options.onMigrated?.(applied);
  } catch (error) {
    await stopCluster();
    throw error;
  } finally {
    await client.end();
  }
  const db = connectDb(url);
  return {
    ...db,
    url,
    isEmbedded: !env.DATABASE_URL,
    async shutdown() {
      await db.close();
      await stopCluster();
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
