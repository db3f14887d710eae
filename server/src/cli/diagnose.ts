// pnpm diagnose --shop <slug> [--at <ISO time>] [--json] [--specialist ads,inventory]
// Runs the six specialists' analyses on one shop and prints every finding: a ranked table, or the
// Diagnosis contract as JSON for scripts and checks.
import { parseArgs } from 'node:util';
import { ShopSlugSchema, SpecialistSchema } from '@zhanggui/shared';
import { z } from 'zod';
import { diagnoseShop } from '../analysis/diagnose.js';
import { createQueryFn } from '../analysis/query.js';
import { type OpenedDatabase, openDatabase } from '../db/open-database.js';
import { parseEnv } from '../env.js';
import { formatDiagnosisTable } from './diagnose-table.js';

const ArgsSchema = z.object({
  shop: ShopSlugSchema,
  at: z.iso
    .datetime({ offset: true, message: 'use an ISO time like 2026-11-11T20:00:00+08:00.' })
    .transform((value) => new Date(value))
    .optional(),
  json: z.boolean().default(false),
  specialist: z
    .string()
    .transform((value) => value.split(',').map((s) => s.trim()))
    .pipe(z.array(SpecialistSchema))
    .optional(),
});

function parseCliArgs(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        shop: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean' },
        specialist: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new Error(
      `${(error as Error).message}. Usage: pnpm diagnose --shop <slug> [--at <ISO time>] [--json]`,
    );
  }
  if (values.shop === undefined) throw new Error('Missing --shop <slug>, e.g. pnpm diagnose --shop demo.');
  const result = ArgsSchema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Invalid --${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

async function main() {
  const args = parseCliArgs(process.argv.slice(2));
  let db: OpenedDatabase | null = null;
  try {
    db = await openDatabase(parseEnv());
    const query = createQueryFn(db.pool);
    const diagnosis = await diagnoseShop(query, {
      shop: args.shop,
      at: args.at,
      specialists: args.specialist,
    });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(diagnosis, null, 2)}\n`);
    } else {
      const [shop] = await query<{ currency: string }>('SELECT currency FROM shops WHERE slug = $1', [
        args.shop,
      ]);
      console.log(formatDiagnosisTable(diagnosis, shop?.currency ?? 'CNY'));
    }
  } finally {
    await db?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
