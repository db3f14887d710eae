import type { Db } from '../db/client.js';

export interface Context {
  db: Db;
}

export function createContextFactory(db: Db) {
  return (): Context => ({ db });
}
