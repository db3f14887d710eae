// A fresh, migrated database for one e2e file on the test PostgreSQL, cloned from the template
// that vitest's global setup migrated, and a shop seeded into it by the simulator.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDb, type Db } from '../../server/src/db/client.js';
import { withDatabase } from '../../server/src/db/database-url.js';
import { simulateShop } from '../../server/src/simulator/simulate-shop.js';
import { TEMPLATE_DATABASE } from '../../server/src/test/constants.js';
// Brings in the declaration of inject('pgAdminUrl'), which the global setup provides.
import type {} from '../../server/src/test/global-setup.js';
import type { SimulateOptions } from '../../shared/src/index.js';

export interface E2eDatabase {
  db: Db;
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

async function asAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

export async function createE2eDatabase(): Promise<E2eDatabase> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  await asAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = withDatabase(inject('pgAdminUrl'), name);
  const db = connectDb(url);
  return {
    db,
    url,
    async drop() {
      await db.close();
      await asAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Seeds one simulated shop; 'tiny' keeps a browser test fast. */
export async function seedShop(db: Db, options: SimulateOptions): Promise<void> {
  await simulateShop(db.pool, options);
}
