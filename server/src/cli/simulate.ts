// pnpm simulate --scale 1m --seed 7 [--slug s] [--preset clean] [--shops N] [--replace] [--year 2026]
// Simulates one or more shops into the database (embedded, or DATABASE_URL) and writes each manifest
// to .data/manifests/<slug>.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShopSlugSchema, SIMULATION_PRESETS, SIMULATION_SCALES } from '@zhanggui/shared';
import { z } from 'zod';
import { type OpenedDatabase, openDatabase } from '../db/open-database.js';
import { parseEnv } from '../env.js';
import { type SimulationResult, simulateShop } from '../simulator/simulate-shop.js';

const ArgsSchema = z.object({
  scale: z.enum(SIMULATION_SCALES, { error: `is one of ${SIMULATION_SCALES.join(', ')}.` }).default('demo'),
  seed: z.coerce
    .number({ error: 'takes a whole number, like 7.' })
    .int('takes a whole number, like 7.')
    .min(0, 'is 0 or more.')
    .max(2 ** 32 - 1, 'fits in 32 bits (at most 4294967295).')
    .default(7),
  slug: ShopSlugSchema.optional(),
  name: z.string().min(1).optional(),
  preset: z
    .enum(SIMULATION_PRESETS, { error: `is one of ${SIMULATION_PRESETS.join(', ')}.` })
    .default('default'),
  shops: z.coerce
    .number({ error: 'takes a whole number, like 3.' })
    .int('takes a whole number, like 3.')
    .min(1, 'is at least 1.')
    .max(100, 'is at most 100.')
    .default(1),
  replace: z.boolean().default(false),
  year: z.coerce.number({ error: 'takes a year, like 2026.' }).int().min(2000).max(2100).default(2026),
});

const USAGE =
  'Usage: pnpm simulate [--scale tiny|demo|100k|1m] [--seed N] [--slug s] [--name "店名"] [--preset default|clean] [--shops N] [--replace] [--year 2026]';

function parseCliArgs(argv: string[]) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        slug: { type: 'string' },
        name: { type: 'string' },
        preset: { type: 'string' },
        shops: { type: 'string' },
        replace: { type: 'boolean' },
        year: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message.replace(/\.$/, '')}. ${USAGE}`);
  }
  const result = ArgsSchema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Invalid --${issue.path.join('.')}: ${issue.message} ${USAGE}`);
  }
  return result.data;
}

function printSummary(result: SimulationResult, manifestFile: string) {
  console.log(`\nshop "${result.slug}" (id ${result.shopId}) loaded in ${result.seconds.toFixed(1)} s`);
  const width = Math.max(...Object.keys(result.counts).map((t) => t.length));
  for (const [table, rows] of Object.entries(result.counts).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(11)}`);
  }
  const { problems } = result.manifest;
  console.log(`planted problems: ${problems.length}${problems.length === 0 ? ' (clean preset)' : ''}`);
  for (const p of problems) {
    const entities = p.entities.map((e) => `${e.kind} ${e.id} ${e.label}`).join('; ');
    console.log(
      `  ${p.id.padEnd(32)} ${p.window.from.slice(0, 16)} → ${p.window.to.slice(0, 16)}  ${entities}`,
    );
    console.log(`  ${''.padEnd(32)} ${p.magnitude.metric}: ${p.magnitude.baseline} → ${p.magnitude.actual}`);
  }
  console.log(`manifest: ${manifestFile}`);
}

async function main() {
  const args = parseCliArgs(process.argv.slice(2));
  const env = parseEnv();
  let db: OpenedDatabase | null = null;
  try {
    db = await openDatabase(env);
    const baseSlug = args.slug ?? `sim-${args.scale}-${args.seed}`;
    for (let i = 0; i < args.shops; i++) {
      const slug = args.shops === 1 ? baseSlug : `${baseSlug}-${i + 1}`;
      const seed = args.seed + i;
      console.log(`simulating "${slug}": scale ${args.scale}, seed ${seed}, preset ${args.preset}`);
      const result = await simulateShop(
        db.pool,
        {
          slug,
          name: args.name,
          scale: args.scale,
          seed,
          preset: args.preset,
          year: args.year,
          replace: args.replace,
        },
        (p) => {
          const what =
            p.step === 'table'
              ? `${p.table.padEnd(22)} ${String(p.rows).padStart(9)} rows`
              : p.step.padEnd(37);
          console.log(`  ${what}  ${p.seconds.toFixed(1)} s`);
        },
      );
      const manifestFile = path.join(env.DATA_DIR, 'manifests', `${slug}.json`);
      await mkdir(path.dirname(manifestFile), { recursive: true });
      await writeFile(manifestFile, `${JSON.stringify(result.manifest, null, 2)}\n`);
      printSummary(result, manifestFile);
    }
  } finally {
    await db?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
