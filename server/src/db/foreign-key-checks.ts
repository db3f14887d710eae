// Bulk loads that write consistent ids themselves (the simulator, the importer's direct load) may COPY
// order lines without PostgreSQL's per-row foreign-key trigger, which costs as much as the load.
import type pg from 'pg';

/** Whether this role may switch off trigger-based checks (foreign keys) for its own transactions. */
export async function maySkipForeignKeyChecks(db: pg.Pool | pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ may: boolean }>("SELECT current_setting('is_superuser') = 'on' AS may");
  return rows[0]?.may === true;
}

/** Order lines of the shop whose order does not exist; 0 when every reference holds. */
export async function countOrphanLines(client: pg.Pool | pg.ClientBase, shopId: number): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_lines l
     WHERE l.shop_id = $1 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = l.shop_id AND o.id = l.order_id)`,
    [shopId],
  );
  return rows[0]!.n;
}
