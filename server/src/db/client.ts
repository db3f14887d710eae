// Database handles: one pg Pool for SQL and COPY, and a Prisma client on the same URL.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { log } from '../lib/logger.js';

// On our own pool, BIGINT and NUMERIC come back as JS numbers: sums of minor units stay far below
// 2^53. Scoped to this pool so Prisma's adapter keeps its own parsing.
const NUMERIC_AS_NUMBER = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const poolTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMERIC_AS_NUMBER.has(oid) && format !== 'binary') return (value: string) => Number(value);
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded signature does not accept a union format
    return pg.types.getTypeParser(oid, format as any);
  },
};

export type Prisma = PrismaClient;

export interface Db {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export function connectDb(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: poolTypes });
  // An idle connection that dies (server restart, network) must not crash the process; the next query reconnects.
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection closed'));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Runs fn inside one transaction on one pooled connection. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
