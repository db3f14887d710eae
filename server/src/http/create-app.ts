// The HTTP app: health check, tRPC API and the built SPA on one port.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import type { Db } from '../db/client.js';
import { REPO_ROOT } from '../env.js';
import { appRouter } from '../routers/_app.js';
import { createContextFactory } from '../trpc/context.js';
import { mountImportRoutes } from './import-routes.js';
import { mountWebhookRoutes } from './webhook-routes.js';

export const CLIENT_DIST = path.join(REPO_ROOT, 'client', 'dist');

export function createApp(db: Db, options: { clientDist?: string } = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await db.pool.query('SELECT 1');
      res.json({ ok: true });
    } catch (error) {
      res.status(503).json({ ok: false, error: `database unreachable: ${(error as Error).message}` });
    }
  });

  app.use('/trpc', createExpressMiddleware({ router: appRouter, createContext: createContextFactory(db) }));
  mountImportRoutes(app, { db });
  mountWebhookRoutes(app, { db });

  const clientDist = options.clientDist ?? CLIENT_DIST;
  if (existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!trpc|api|webhooks|healthz).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'), { maxAge: 0 });
    });
  }
  return app;
}
