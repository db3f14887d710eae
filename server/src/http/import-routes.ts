// The Imports page's plain HTTP routes (a file does not fit tRPC):
//   POST /api/shops/:shop/imports?fileName=…&format=…&mapping=…  body: the file, streamed to disk
//   GET  /api/shops/:shop/imports/:id/errors.csv                   every stored row error
// An upload becomes a job that the background worker checks (a dry run) at once.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  ColumnMappingSchema,
  type ImportJob,
  localizedReason,
  REASON_LANGUAGES,
  UploadImportQuerySchema,
} from '@zhanggui/shared';
import type express from 'express';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { parseEnv } from '../env.js';
import { AppError } from '../errors.js';
import { toCsvLine } from '../imports/writers/csv-line.js';
import { getImportJob, jobErrors } from '../services/imports/import-job-reads.js';
import { createImportJob } from '../services/imports/import-jobs.js';
import { type ImportWorker, startImportWorker } from '../services/imports/import-worker.js';
import { findShopBySlug } from '../services/shops/find-shop.js';
import { sendError } from './send-error.js';

/** Far above any real export; a stream that passes it is cut off rather than filling the disk. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export interface ImportRouteDeps {
  db: Db;
  /** Uploaded files are kept here until their job is done; DATA_DIR/imports by default. */
  uploadDir?: string;
  /** The worker to wake after an upload; started here when not given. */
  worker?: ImportWorker;
}

export function mountImportRoutes(app: express.Express, deps: ImportRouteDeps): { worker: ImportWorker } {
  const uploadDir = deps.uploadDir ?? path.join(parseEnv().DATA_DIR, 'imports');
  const worker = deps.worker ?? startImportWorker(deps.db.pool, { uploadDir });

  app.post('/api/shops/:shop/imports', async (req: express.Request<{ shop: string }>, res) => {
    let filePath: string | null = null;
    try {
      const query = UploadImportQuerySchema.safeParse(req.query);
      if (!query.success) {
        throw new AppError('INVALID_INPUT', { message: `Upload query: ${query.error.issues[0]!.message}` });
      }
      const mapping = parseMapping(query.data.mapping);
      if (query.data.format === 'generic' && !mapping) {
        throw new AppError('INVALID_INPUT', { message: 'A generic CSV needs a column mapping.' });
      }
      const shop = await findShopBySlug(deps.db.prisma, req.params.shop);
      await mkdir(uploadDir, { recursive: true });
      filePath = path.join(uploadDir, `${randomUUID()}${path.extname(query.data.fileName).slice(0, 10)}`);
      await pipeline(req, limitBytes(MAX_UPLOAD_BYTES), createWriteStream(filePath));
      const { size } = await stat(filePath);
      if (size === 0) throw new AppError('INVALID_INPUT', { message: 'The uploaded file is empty.' });
      const job = await createImportJob(deps.db.pool, {
        shopId: shop.id,
        format: query.data.format ?? null,
        mapping,
        fileName: query.data.fileName,
        filePath,
        fileBytes: size,
        phase: 'validate',
        importValidRows: false,
      });
      worker.wake();
      const created: ImportJob = await getImportJob(deps.db.pool, shop.id, job.id);
      res.status(201).json(created);
    } catch (error) {
      if (filePath) await rm(filePath, { force: true });
      sendError(res, error);
    }
  });

  app.get(
    '/api/shops/:shop/imports/:id/errors.csv',
    async (req: express.Request<{ shop: string; id: string }>, res) => {
      try {
        const shop = await findShopBySlug(deps.db.prisma, req.params.shop);
        const jobId = Number(req.params.id);
        if (!Number.isSafeInteger(jobId))
          throw new AppError('INVALID_INPUT', { message: 'Import id must be a number.' });
        const language = ErrorsLanguageSchema.safeParse(req.query.lang ?? 'en');
        if (!language.success) throw new AppError('INVALID_INPUT', { message: 'lang must be "en" or "zh".' });
        const job = await getImportJob(deps.db.pool, shop.id, jobId);
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="import-${job.id}-errors.csv"`);
        // The BOM makes spreadsheet programs read the Chinese column names as UTF-8.
        res.write(`\uFEFF${toCsvLine(ERRORS_CSV_HEADER[language.data])}\r\n`);
        for await (const page of jobErrors(deps.db.pool, shop.id, jobId)) {
          const text = page
            .map((e) => `${toCsvLine([e.line, e.column, e.value, localizedReason(e, language.data)])}\r\n`)
            .join('');
          if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      } catch (error) {
        if (res.headersSent) res.destroy(error as Error);
        else sendError(res, error);
      }
    },
  );

  return { worker };
}

const ErrorsLanguageSchema = z.enum(REASON_LANGUAGES);
const ERRORS_CSV_HEADER = { en: ['line', 'column', 'value', 'reason'], zh: ['行', '列', '值', '原因'] };

function parseMapping(text: string | undefined) {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', { message: 'The column mapping is not JSON.' });
  }
  const parsed = ColumnMappingSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { message: parsed.error.issues[0]!.message });
  return parsed.data;
}

function limitBytes(max: number) {
  return async function* (source: AsyncIterable<Buffer>) {
    let bytes = 0;
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > max) {
        throw new AppError('INVALID_INPUT', {
          message: `The file is larger than ${max / 1024 ** 3} GB; split it.`,
        });
      }
      yield chunk;
    }
  };
}
