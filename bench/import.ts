// import_lines_per_s: end-to-end import of a generated 500k-line Shopify orders export (detect, decode,
// parse, validate, stage, merge, rollups, commit). import_vs_copy_ratio: that throughput divided by a
// raw COPY of the same normalized orders and lines into the same tables, in the same run.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { withTransaction } from '../server/src/db/client.js';
import type { OrderRecord } from '../server/src/imports/records.js';
import { prepareReader } from '../server/src/imports/worker/open-in-worker.js';
import { toCsvLine } from '../server/src/imports/writers/csv-line.js';
import { sampleOrders } from '../server/src/imports/writers/sample-orders.js';
import {
  SHOPIFY_ORDERS_HEADER,
  shopifyOrderLines,
} from '../server/src/imports/writers/shopify-orders-writer.js';
import { CopyWriter, copyLine } from '../server/src/services/imports/copy-writer.js';
import {
  LINE_COPY_COLUMNS,
  ORDER_COPY_COLUMNS,
  orderValues,
} from '../server/src/services/imports/order-columns.js';
import { runImport } from '../server/src/services/imports/run-import.js';
import type { BenchContext, BenchFigure } from './harness.js';

const ORDER_COUNT = 200_000;
const ROUNDS = 3;
const START = new Date('2026-10-01T00:00:00Z');

interface ImportMeasurement {
  lines: number;
  importSeconds: number;
  copySeconds: number;
}

function orders(): Generator<OrderRecord> {
  return sampleOrders({
    count: ORDER_COUNT,
    startAt: START,
    intervalSeconds: 13,
    skuCount: 2000,
    customerCount: 50_000,
  });
}

async function createShop(context: BenchContext, slug: string): Promise<number> {
  const { rows } = await context.db.pool.query<{ id: number }>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ($1, $1, 'shopify', 'CNY', 'Asia/Shanghai') RETURNING id`,
    [slug],
  );
  return rows[0]!.id;
}

async function writeExport(file: string): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  let chunk = `${toCsvLine(SHOPIFY_ORDERS_HEADER)}\n`;
  for (const order of orders()) {
    for (const line of shopifyOrderLines(order, 'CNY')) {
      chunk += `${line}\n`;
      lines++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  return lines;
}

/** COPY text of the same orders and lines, with explicit ids so lines can point at their order. */
function copyTexts(shopId: number, skuIds: Map<string, number>) {
  const orderRows: string[] = [];
  const lineRows: string[] = [];
  let id = 1_000_000_000;
  for (const o of orders()) {
    id++;
    orderRows.push(copyLine([shopId, id, o.externalId, null, ...orderValues(o)]));
    for (const l of o.lines) {
      lineRows.push(
        copyLine([
          shopId,
          id,
          l.lineNo,
          skuIds.get(l.skuExternalId!) ?? null,
          l.quantity,
          l.unitPriceCents,
          l.discountCents,
          l.totalCents,
        ]),
      );
    }
  }
  return { orders: orderRows.join(''), lines: lineRows.join('') };
}

/**
 * Before each timed round (not timed): the database as autovacuum leaves it, vacuumed and analyzed,
 * its dirty pages written. Otherwise a round shares the machine's two cores with autovacuum and the
 * checkpointer working through the previous round's 500k lines, which a merchant's one import does
 * not (same rounds in one database: 10.7–11.7 s, in fresh copies of it: 9.6–9.7 s).
 */
async function settle(context: BenchContext): Promise<void> {
  await context.db.pool.query('VACUUM ANALYZE');
  await context.db.pool.query('CHECKPOINT');
}

async function timeImport(context: BenchContext, file: string, round: number) {
  const shopId = await createShop(context, `bench-import-${round}-${Date.now()}`);
  await settle(context);
  const started = performance.now();
  const outcome = await runImport(context.db.pool, {
    shopId,
    filePath: file,
    phase: 'import',
    importValidRows: false,
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'succeeded' || outcome.recordsInserted !== ORDER_COUNT) {
    throw new Error(`bench import did not succeed: ${outcome.message}`);
  }
  const { rows } = await context.db.pool.query<{ external_id: string; id: number }>(
    'SELECT external_id, id FROM skus WHERE shop_id = $1',
    [shopId],
  );
  return { seconds, skuIds: new Map(rows.map((r) => [r.external_id, r.id])) };
}

/** The same orders and lines COPYed straight into the tables (prepared first, not timed). */
async function timeCopy(context: BenchContext, skuIds: Map<string, number>, round: number): Promise<number> {
  const shopId = await createShop(context, `bench-copy-${round}-${Date.now()}`);
  const texts = copyTexts(shopId, skuIds);
  await settle(context);
  const started = performance.now();
  await withTransaction(context.db.pool, async (client) => {
    await CopyWriter.copyText(client, 'orders', ORDER_COPY_COLUMNS, texts.orders);
    await CopyWriter.copyText(client, 'order_lines', LINE_COPY_COLUMNS, texts.lines);
  });
  return (performance.now() - started) / 1000;
}

async function measureImport(context: BenchContext): Promise<ImportMeasurement> {
  const cached = context.shared.get('import-measurement') as ImportMeasurement | undefined;
  if (cached) return cached;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-bench-import-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    const lines = await writeExport(file);
    let importSeconds = Number.POSITIVE_INFINITY;
    let copySeconds = Number.POSITIVE_INFINITY;
    // Alternating rounds into fresh shops, best of each: the CI machine is shared, and one noisy
    // moment should not decide either side of the ratio (two full benches an hour apart measured a
    // round of the same import at 9.5 and 11.3 s, with the raw COPY at 4.8 and 6.6 s). A reader thread
    // waits for the first file, as the app's import worker starts one before its first job.
    prepareReader();
    for (let round = 1; round <= ROUNDS; round++) {
      const importRound = await timeImport(context, file, round);
      const copyRound = await timeCopy(context, importRound.skuIds, round);
      process.stdout.write(
        `  round ${round}: ${lines} lines, import ${importRound.seconds.toFixed(2)} s, raw COPY ${copyRound.toFixed(2)} s\n`,
      );
      importSeconds = Math.min(importSeconds, importRound.seconds);
      copySeconds = Math.min(copySeconds, copyRound);
    }
    const measurement = { lines, importSeconds, copySeconds };
    context.shared.set('import-measurement', measurement);
    return measurement;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const importLinesPerSecond: BenchFigure = {
  name: 'import_lines_per_s',
  unit: 'lines/s',
  budget: 50_000,
  budgetKind: 'min',
  async measure(context) {
    const m = await measureImport(context);
    return m.lines / m.importSeconds;
  },
};

export const importVersusCopyRatio: BenchFigure = {
  name: 'import_vs_copy_ratio',
  unit: 'ratio',
  budget: 0.33,
  budgetKind: 'min',
  async measure(context) {
    const m = await measureImport(context);
    return m.copySeconds / m.importSeconds;
  },
};
