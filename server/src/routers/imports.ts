// Import jobs for the Imports page: list, progress and first errors, start after the dry run, cancel.
// Uploading the file itself and downloading the error report are plain HTTP (http/import-routes.ts).
import { ImportJobRefSchema, ListImportJobsInputSchema, StartImportInputSchema } from '@zhanggui/shared';
import { getImportJobDetail, listImportJobs } from '../services/imports/import-job-reads.js';
import { queueImport, requestCancel } from '../services/imports/import-jobs.js';
import { wakeImportWorkers } from '../services/imports/import-worker.js';
import { findShopBySlug } from '../services/shops/find-shop.js';
import { publicProcedure, router } from '../trpc/init.js';

export const importsRouter = router({
  list: publicProcedure.input(ListImportJobsInputSchema).query(async ({ ctx, input }) => {
    const shop = await findShopBySlug(ctx.db.prisma, input.shop);
    return listImportJobs(ctx.db.pool, shop.id, input.limit);
  }),
  byId: publicProcedure.input(ImportJobRefSchema).query(async ({ ctx, input }) => {
    const shop = await findShopBySlug(ctx.db.prisma, input.shop);
    return getImportJobDetail(ctx.db.pool, shop.id, input.jobId);
  }),
  start: publicProcedure.input(StartImportInputSchema).mutation(async ({ ctx, input }) => {
    const shop = await findShopBySlug(ctx.db.prisma, input.shop);
    const job = await queueImport(ctx.db.pool, shop.id, input.jobId, input.importValidRows);
    wakeImportWorkers();
    return job;
  }),
  cancel: publicProcedure.input(ImportJobRefSchema).mutation(async ({ ctx, input }) => {
    const shop = await findShopBySlug(ctx.db.prisma, input.shop);
    return requestCancel(ctx.db.pool, shop.id, input.jobId);
  }),
});
