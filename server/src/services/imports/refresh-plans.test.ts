// How PostgreSQL runs a refresh for a shop its statistics do not know yet: a first import writing
// beside a larger shop, before anything analyzed the tables. auto_explain reports each statement's
// plan to this client as a notice.
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createShop } from '../../analysis/shared/test-shop-factory.js';
import { withTransaction } from '../../db/client.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { refreshRollups } from '../rollups/refresh-rollups.js';
import { analyzeIfStale, REFRESH_STATISTICS } from './merge-orders.js';

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

async function addPaidOrders(client: pg.ClientBase, shopId: number, count: number, linesEach: number) {
  await client.query(
    `INSERT INTO orders (shop_id, external_id, status, placed_at, paid_at, total_cents)
     SELECT $1, 'o-' || g, 'paid', t, t, 100 * $3
     FROM generate_series(1, $2) g, LATERAL (SELECT timestamptz '2026-11-01' + g * interval '10 seconds' AS t) x`,
    [shopId, count, linesEach],
  );
  await client.query(
    `INSERT INTO order_lines (shop_id, order_id, line_no, quantity, unit_price_cents, total_cents)
     SELECT shop_id, id, n, 1, 100, 100 FROM orders, generate_series(1, $2) n WHERE shop_id = $1`,
    [shopId, linesEach],
  );
}

/** Every plan node of the hourly refresh of the fresh shop's 2026-11-01, as auto_explain reports them. */
async function refreshPlanNodes(client: pg.ClientBase, shopId: number): Promise<PlanNode[]> {
  await client.query("LOAD 'auto_explain'");
  await client.query(
    "SET LOCAL auto_explain.log_min_duration = 0; SET LOCAL auto_explain.log_level = 'notice'; SET LOCAL auto_explain.log_format = 'json'",
  );
  const plans: PlanNode[] = [];
  const onNotice = (notice: { message?: string }) => {
    const json = notice.message?.replace(/^duration: [\d.]+ ms\s+plan:\s*/, '');
    if (json?.startsWith('{')) plans.push((JSON.parse(json) as { Plan: PlanNode }).Plan);
  };
  client.on('notice', onNotice);
  try {
    await refreshRollups(
      client,
      shopId,
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') },
      { daily: false },
    );
  } finally {
    client.removeListener('notice', onNotice);
  }
  return plans.flatMap(nodesOf);
}

function scansOf(nodes: PlanNode[], table: string): PlanNode[] {
  return nodes.filter((n) => n['Relation Name'] === table);
}

describe('a refresh for a shop the statistics do not know yet, beside a larger one', () => {
  let large: number;

  beforeAll(async () => {
    large = await createShop(db.pool, 'plan-large');
    await withTransaction(db.pool, (client) => addPaidOrders(client, large, 20_000, 1));
    await db.pool.query('ANALYZE orders, order_lines, refunds');
  });

  it("looks each order's lines up by their key, not the shop's lines at large", async () => {
    const fresh = await createShop(db.pool, 'plan-fresh');
    const nodes = await withTransaction(db.pool, async (client) => {
      await addPaidOrders(client, fresh, 2_000, 2);
      return refreshPlanNodes(client, fresh);
    });
    const linesScans = scansOf(nodes, 'order_lines');
    expect(linesScans.length).toBeGreaterThan(0);
    for (const scan of linesScans) expect(scan['Index Cond']).toContain('order_id');
    const { rows } = await db.pool.query<{ units: number }>(
      'SELECT sum(units)::int AS units FROM shop_hourly_rollup WHERE shop_id = $1',
      [fresh],
    );
    expect(rows[0]?.units).toBe(4_000);
  });

  it('finds the orders by time and their refunds by order once those two tables are analyzed', async () => {
    const fresh = await createShop(db.pool, 'plan-analyzed');
    const nodes = await withTransaction(db.pool, async (client) => {
      await addPaidOrders(client, fresh, 2_000, 2);
      await client.query(
        `INSERT INTO refunds (shop_id, external_id, order_id, kind, status, amount_cents, reason, requested_at)
         SELECT shop_id, 'r-' || id, id, 'refund_only', 'approved', 50, 'damaged', placed_at
         FROM orders WHERE shop_id = $1 AND id % 10 = 0`,
        [fresh],
      );
      await analyzeIfStale(client, fresh, 2_000, REFRESH_STATISTICS);
      return refreshPlanNodes(client, fresh);
    });
    for (const scan of scansOf(nodes, 'orders')) expect(scan['Index Cond']).toContain('placed_at');
    const refundScans = scansOf(nodes, 'refunds');
    expect(refundScans.length).toBeGreaterThan(0);
    for (const scan of refundScans) expect(scan['Index Cond']).toContain('order_id');
  });
});
