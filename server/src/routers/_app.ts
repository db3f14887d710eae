// Assembles the routers; the client imports only `type AppRouter`.
import { createCallerFactory, router } from '../trpc/init.js';
import { importsRouter } from './imports.js';
import { shopRouter } from './shop.js';

export const appRouter = router({
  imports: importsRouter,
  shop: shopRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
