// Deletes a shop and every row it owns. Many shop-owned tables have no foreign key to shops (so that
// they can be distributed by shop_id), so a cascade is not enough: every table with a shop_id column
// is cleared explicitly, tables that reference others first.
import type pg from 'pg';

async function shopOwnedTables(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'shops'
     ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
     FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.relname <> pa.relname`,
  );
  // Children before parents, so no cascade has to find them row by row.
  const remaining = new Set(tables.map((t) => t.name));
  const ordered: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => !edges.some((e) => e.parent === t && remaining.has(e.child)));
    const next = ready.length > 0 ? ready : [...remaining];
    for (const table of next) {
      remaining.delete(table);
      ordered.push(table);
    }
  }
  return ordered;
}

/** Deletes the shop's rows from every shop-owned table and then the shop itself. */
export async function deleteShop(client: pg.ClientBase, shopId: number): Promise<void> {
  for (const table of await shopOwnedTables(client)) {
    await client.query(`DELETE FROM "${table}" WHERE shop_id = $1`, [shopId]);
  }
  await client.query('DELETE FROM shops WHERE id = $1', [shopId]);
}
