// One PostgreSQL for the whole test run: embedded (fresh, in a temp dir) unless TEST_DATABASE_URL
// names an external server. A migrated template database makes each test file's database cheap.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../db/database-url.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { findFreePort } from '../lib/free-port.js';
import { TEMPLATE_DATABASE } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-test-pg-'));
    const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), durable: false });
    adminUrl = cluster.url('postgres');
    teardown = async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const template = new pg.Client({ connectionString: withDatabase(adminUrl, TEMPLATE_DATABASE) });
  await template.connect();
  await migrate(template);
  await template.end();

  project.provide('pgAdminUrl', adminUrl);
  return teardown;
}
