// Contracts of the import pipeline: formats, the column mapping of a generic CSV, import jobs and
// their row-level errors, as the server, the CLI and the Imports page see them.
import { z } from 'zod';
import { ShopSlugSchema } from './shop.js';

export const IMPORT_FORMATS = ['shopify-orders', 'shopify-products', 'taobao-orders', 'generic'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** What a generic CSV holds, and so which tables it fills. */
export const GENERIC_TARGETS = ['traffic-hourly', 'sku-traffic-daily', 'ads'] as const;
export const GenericTargetSchema = z.enum(GENERIC_TARGETS);
export type GenericTarget = z.infer<typeof GenericTargetSchema>;

export interface TargetField {
  field: string;
  required: boolean;
  kind: 'datetime' | 'date' | 'int' | 'money' | 'text' | 'source';
}

/** The fields each generic target needs; the mapping step names the file's column for each. */
export const GENERIC_TARGET_FIELDS: Record<GenericTarget, TargetField[]> = {
  'traffic-hourly': [
    { field: 'hour', required: true, kind: 'datetime' },
    { field: 'source', required: true, kind: 'source' },
    { field: 'visitors', required: true, kind: 'int' },
    { field: 'pageViews', required: true, kind: 'int' },
  ],
  'sku-traffic-daily': [
    { field: 'day', required: true, kind: 'date' },
    { field: 'sku', required: true, kind: 'text' },
    { field: 'source', required: true, kind: 'source' },
    { field: 'impressions', required: true, kind: 'int' },
    { field: 'visits', required: true, kind: 'int' },
    { field: 'addToCart', required: true, kind: 'int' },
    { field: 'orders', required: true, kind: 'int' },
  ],
  ads: [
    { field: 'campaignId', required: true, kind: 'text' },
    { field: 'campaignName', required: false, kind: 'text' },
    { field: 'channel', required: false, kind: 'text' },
    { field: 'day', required: true, kind: 'date' },
    { field: 'budget', required: false, kind: 'money' },
    { field: 'spend', required: true, kind: 'money' },
    { field: 'impressions', required: true, kind: 'int' },
    { field: 'clicks', required: true, kind: 'int' },
    { field: 'conversions', required: false, kind: 'int' },
    { field: 'revenue', required: false, kind: 'money' },
  ],
};

export const ColumnMappingSchema = z
  .object({
    target: GenericTargetSchema,
    /** Our field name -> the file's column header. */
    columns: z.record(z.string(), z.string().trim().min(1)),
  })
  .superRefine((mapping, ctx) => {
    const fields = GENERIC_TARGET_FIELDS[mapping.target];
    const known = new Set(fields.map((f) => f.field));
    for (const field of Object.keys(mapping.columns)) {
      if (!known.has(field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', field],
          message: `"${field}" is not a field of ${mapping.target}; use one of ${[...known].join(', ')}.`,
        });
      }
    }
    for (const f of fields) {
      if (f.required && !mapping.columns[f.field]) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', f.field],
          message: `Choose the column that holds "${f.field}" (required for ${mapping.target}).`,
        });
      }
    }
  });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const IMPORT_JOB_STATUSES = [
  'queued',
  'running',
  'validated',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export const ImportJobStatusSchema = z.enum(IMPORT_JOB_STATUSES);
export type ImportJobStatus = z.infer<typeof ImportJobStatusSchema>;

/** 'validate' runs the whole import in a transaction that is rolled back: a dry run with exact counts. */
export const ImportPhaseSchema = z.enum(['validate', 'import']);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

export const ImportRowErrorSchema = z.object({
  /** 1-based line of the file where the row starts; 0 for a problem with the whole file. */
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** In English; code and params say it again for the reader's language (see import-reasons). */
  reason: z.string(),
  code: z.string().nullable().optional(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportCountsSchema = z.object({
  rowsRead: z.number().int(),
  rowsRejected: z.number().int(),
  /** What the records are: orders, skus, traffic hours, sku traffic days or campaign days. */
  recordKind: z.string().nullable(),
  recordsInserted: z.number().int(),
  recordsUpdated: z.number().int(),
  recordsUnchanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const ImportJobSchema = ImportCountsSchema.extend({
  id: z.number().int(),
  shop: z.string(),
  /** Null until the first run has detected it. */
  format: ImportFormatSchema.nullable(),
  mapping: ColumnMappingSchema.nullable(),
  fileName: z.string(),
  fileBytes: z.number().int(),
  encoding: z.string().nullable(),
  status: ImportJobStatusSchema,
  phase: ImportPhaseSchema,
  importValidRows: z.boolean(),
  cancelRequested: z.boolean(),
  bytesRead: z.number().int(),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportJobDetailSchema = ImportJobSchema.extend({
  firstErrors: z.array(ImportRowErrorSchema),
});
export type ImportJobDetail = z.infer<typeof ImportJobDetailSchema>;

export const ImportJobRefSchema = z.object({ shop: ShopSlugSchema, jobId: z.number().int().positive() });
export type ImportJobRef = z.infer<typeof ImportJobRefSchema>;

export const ListImportJobsInputSchema = z.object({
  shop: ShopSlugSchema,
  limit: z.number().int().min(1).max(100).default(20),
});

/** After a dry run: import for real; with importValidRows, rows that failed are left out. */
export const StartImportInputSchema = ImportJobRefSchema.extend({ importValidRows: z.boolean() });
export type StartImportInput = z.infer<typeof StartImportInputSchema>;

/** The query string of the upload endpoint (the body is the file itself). */
export const UploadImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  format: ImportFormatSchema.optional(),
  /** JSON of a ColumnMapping, required for the generic format. */
  mapping: z.string().optional(),
});

export const IMPORT_STATUS_IS_FINAL: Record<ImportJobStatus, boolean> = {
  queued: false,
  running: false,
  validated: true,
  succeeded: true,
  failed: true,
  cancelled: true,
};
