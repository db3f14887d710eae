// The real HTTP app (API and built SPA) on a free port, in this process.
import type { Server } from 'node:http';
import type { Db } from '../../server/src/db/client.js';
import { createApp } from '../../server/src/http/create-app.js';
import { findFreePort } from '../../server/src/lib/free-port.js';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export async function startApp(db: Db): Promise<RunningApp> {
  const port = await findFreePort();
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = createApp(db).listen(port, '127.0.0.1');
    listening.once('listening', () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
