// A small express app on a free port for route tests.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll } from 'vitest';

export async function serve(mount: (app: express.Express) => void): Promise<string> {
  const app = express();
  mount(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
