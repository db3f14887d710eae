// One line per spec file: a seeded database, the built SPA served by the real app, and Chromium.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../server/src/db/client.js';
import type { SimulateOptions } from '../../shared/src/index.js';
import { type RunningApp, startApp } from './app-server.js';
import { launchChromium } from './browser.js';
import { ensureClientBuilt } from './client-build.js';
import { createE2eDatabase, type E2eDatabase, seedShop } from './e2e-database.js';

export interface E2eApp {
  db: Db;
  /** Base URL of the running app, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
}

export interface E2eAppOptions {
  /** Shops to simulate before the app starts; none leaves the database empty. */
  shops?: SimulateOptions[];
}

/**
 * Registers beforeAll/afterAll hooks for the spec file and returns a getter for the running app.
 * Everything is torn down in reverse order, even when set-up failed half-way.
 */
export function useE2eApp(options: E2eAppOptions = {}): () => E2eApp {
  let database: E2eDatabase | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const [build, created] = await Promise.allSettled([ensureClientBuilt(), createE2eDatabase()]);
    if (created.status === 'fulfilled') database = created.value;
    if (build.status === 'rejected') throw build.reason;
    if (created.status === 'rejected') throw created.reason;
    if (!database) throw new Error('unreachable: database was created');
    for (const shop of options.shops ?? []) await seedShop(database.db, shop);
    app = await startApp(database.db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  return () => {
    if (!database || !app || !browser) throw new Error('The e2e app is not running: its beforeAll failed.');
    return { db: database.db, url: app.url, browser };
  };
}
