// Start-up only: env, database, demo seed, HTTP.
import type { Server } from 'node:http';
import { MigrationError } from './db/migrate.js';
import { DatabaseUnavailableError, openDatabase } from './db/open-database.js';
import { parseEnv } from './env.js';
import { createApp } from './http/create-app.js';
import { log } from './lib/logger.js';
import { stopImportWorkers } from './services/imports/import-worker.js';
import { seedDemoIfEmpty } from './services/seed-demo.js';

async function main() {
  const env = parseEnv();
  const started = performance.now();
  const db = await openDatabase(env, {
    onMigrated: (names) => names.length && log.info({ migrations: names }, 'migrations applied'),
  });
  if (env.SEED_DEMO === 'true' && (await seedDemoIfEmpty(db.pool)))
    log.info('seeded the demo shop (slug "demo")');

  const server = await listen(createApp(db), env.PORT, env.HOST).catch(async (error) => {
    await stopImportWorkers();
    await db.shutdown();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  log.info(
    {
      url,
      database: db.isEmbedded ? 'embedded' : 'external',
      seconds: ((performance.now() - started) / 1000).toFixed(1),
    },
    'ready',
  );
  process.stdout.write(`\n  Zhanggui is running at ${url}\n\n`);

  const stop = async () => {
    server.close();
    // A running import is aborted (its transaction rolls back) and queued again for the next start.
    await stopImportWorkers();
    await db.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} is taken. Start on another port with PORT=<port>, e.g. PORT=3001 pnpm start.`,
          ),
        );
      } else reject(error);
    });
  });
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  const known =
    error instanceof StartupError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nZhanggui could not start: ${message}\n`);
  if (!known && error instanceof Error && process.env.LOG_LEVEL === 'debug')
    process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
