// pnpm run import --shop <slug> <file> [--format shopify-orders|shopify-products|taobao-orders|generic]
//   [--mapping <json>] [--valid-rows] [--dry-run]
//   [--create --currency EUR --time-zone America/Toronto [--name "My shop"] [--platform shopify]]
// Imports one file like the Imports page does (format detected unless given), prints progress and a
// summary, and exits 1 when the file fails. ("pnpm import" is pnpm's own command: use "pnpm run import".)
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ColumnMappingSchema, ImportFormatSchema, ShopSlugSchema } from '@zhanggui/shared';
import { z } from 'zod';
import { type OpenedDatabase, openDatabase } from '../db/open-database.js';
import { parseEnv } from '../env.js';
import { createImportJob } from '../services/imports/import-jobs.js';
import { findOrCreateImportShop, NewShopSchema } from '../services/imports/import-shop.js';
import { runImportJob } from '../services/imports/run-import-job.js';

const ArgsSchema = z.object({
  shop: ShopSlugSchema,
  file: z.string().min(1, 'Name the file to import.'),
  format: ImportFormatSchema.optional(),
  mapping: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'is not JSON; write it like {"target":"ads","columns":{"day":"Date",…}}',
        });
        return z.NEVER;
      }
    })
    .pipe(ColumnMappingSchema)
    .optional(),
  validRows: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  create: z.boolean().default(false),
  currency: NewShopSchema.shape.currency.optional(),
  timeZone: NewShopSchema.shape.timeZone.optional(),
  name: z.string().min(1).optional(),
  platform: z.string().min(1).optional(),
});

function parseCliArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      format: { type: 'string' },
      mapping: { type: 'string' },
      'valid-rows': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      create: { type: 'boolean' },
      currency: { type: 'string' },
      'time-zone': { type: 'string' },
      name: { type: 'string' },
      platform: { type: 'string' },
    },
    strict: true,
  });
  const result = ArgsSchema.safeParse({
    ...values,
    file: positionals[0],
    validRows: values['valid-rows'],
    dryRun: values['dry-run'],
    timeZone: values['time-zone'],
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag =
      issue.path[0] === 'file'
        ? '<file>'
        : `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new Error(`${flag}: ${issue.message}`);
  }
  if (result.data.format === 'generic' && !result.data.mapping) {
    throw new Error('--format generic needs --mapping <json> saying which column holds each field.');
  }
  return result.data;
}

function progressLine(bytes: number, total: number, rows: number, rejected: number): string {
  const percent = total > 0 ? Math.min(100, Math.floor((bytes / total) * 100)) : 0;
  return `  ${String(percent).padStart(3)}%  ${rows.toLocaleString('en-US')} rows read, ${rejected.toLocaleString('en-US')} rejected`;
}

async function main(): Promise<boolean> {
  const args = parseCliArgs(process.argv.slice(2));
  const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  const fileBytes = (await stat(filePath).catch(() => null))?.size;
  if (fileBytes === undefined) throw new Error(`No file at ${filePath}.`);
  let db: OpenedDatabase | null = null;
  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    console.error('\ncancelling: nothing of this file will be imported…');
    interrupt.abort();
  });
  try {
    db = await openDatabase(parseEnv());
    const shop = await findOrCreateImportShop(db.pool, args.shop, args.create ? args : null, args.format);
    if (shop.created) console.log(`created shop "${shop.slug}" (${shop.currency}, ${shop.timeZone})`);
    const job = await createImportJob(db.pool, {
      shopId: shop.id,
      format: args.format ?? null,
      mapping: args.mapping ?? null,
      fileName: path.basename(filePath),
      filePath,
      fileBytes,
      phase: args.dryRun ? 'validate' : 'import',
      importValidRows: args.validRows,
      status: 'running',
    });
    console.log(
      `importing ${path.basename(filePath)} into "${shop.slug}" (import ${job.id})${args.dryRun ? ', dry run' : ''}`,
    );
    let lastPrinted = 0;
    let printedLine = '';
    let latestLine = '';
    const outcome = await runImportJob(db.pool, job, {
      signal: interrupt.signal,
      onProgress: (p) => {
        latestLine = progressLine(p.bytesRead, p.fileBytes, p.rowsRead, p.rowsRejected);
        if (Date.now() - lastPrinted < 1000) return;
        lastPrinted = Date.now();
        printedLine = latestLine;
        console.log(latestLine);
      },
    });
    // The last report (rows rejected at the end of the file included) may fall inside the throttle.
    if (latestLine !== printedLine) console.log(latestLine);
    if (!outcome) throw new Error('The import stopped on an unexpected error (see the log above).');
    console.log(`\n${outcome.message}`);
    console.log(
      `  ${'format'.padEnd(13)} ${outcome.format ?? 'unknown'}${outcome.encoding ? ` (${outcome.encoding})` : ''}`,
    );
    console.log(`  ${'rows'.padEnd(13)} ${outcome.rowsRead} read, ${outcome.rowsRejected} rejected`);
    const effect = `${outcome.recordsInserted} new, ${outcome.recordsUpdated} updated, ${outcome.recordsUnchanged} unchanged`;
    const written = outcome.status === 'validated' ? ' (dry run: nothing written)' : '';
    console.log(`  ${(outcome.recordKind ?? 'records').padEnd(13)} ${effect}${written}`);
    for (const error of outcome.errors.slice(0, 10)) {
      const where = error.line > 0 ? `line ${error.line}` : 'file';
      console.log(`  ${where}${error.column ? ` [${error.column}]` : ''}: ${error.reason}`);
    }
    if (outcome.errorCount > 10) console.log(`  … and ${outcome.errorCount - 10} more errors`);
    return (
      outcome.status === 'failed' ||
      outcome.status === 'cancelled' ||
      (args.dryRun && outcome.rowsRejected > 0)
    );
  } finally {
    // An idle connection closed by the stopping cluster is expected here, not a failure.
    db?.pool.on('error', () => {});
    await db?.shutdown();
  }
}

// Exit explicitly: the embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main().then(
  (isFailure) => process.exit(isFailure ? 1 : 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
