// Merges a staged product catalogue: products by handle, SKUs by SKU code. A changed price is also
// written to sku_price_changes; placeholder products that orders created for a SKU are dropped once
// the catalogue gives that SKU its real product.
import { rowError } from '@zhanggui/shared';
import type pg from 'pg';
import type { MergeCounts, StageRejections } from './merge-result.js';

export async function rejectDuplicateSkus(client: pg.PoolClient): Promise<StageRejections> {
  const { rows } = await client.query<{ line: number; sku_ext: string; first_line: number }>(
    `SELECT line, sku_ext, first_line FROM (
       SELECT line, sku_ext, min(line) OVER (PARTITION BY sku_ext) AS first_line FROM stage_skus
     ) d WHERE line > first_line ORDER BY line`,
  );
  if (rows.length === 0) return { errors: [], rows: 0 };
  await client.query('DELETE FROM stage_skus WHERE line = ANY($1::int[])', [rows.map((r) => r.line)]);
  return {
    rows: rows.length,
    errors: rows.map((r) =>
      rowError(r.line, 'Variant SKU', r.sku_ext, {
        code: 'duplicateSku',
        params: { sku: r.sku_ext, firstLine: r.first_line },
      }),
    ),
  };
}

export async function mergeSkus(client: pg.PoolClient, shopId: number): Promise<MergeCounts> {
  await client.query(
    `INSERT INTO products AS p (shop_id, external_id, title, category)
     SELECT DISTINCT ON (product_ext) $1, product_ext, product_title, category FROM stage_skus ORDER BY product_ext, line
     ON CONFLICT (shop_id, external_id) DO UPDATE SET title = excluded.title, category = excluded.category
     WHERE (p.title, p.category) IS DISTINCT FROM (excluded.title, excluded.category)`,
    [shopId],
  );
  await client.query(
    `INSERT INTO sku_price_changes (shop_id, sku_id, effective_at, old_price_cents, new_price_cents)
     SELECT $1, k.id, now(), k.price_cents, s.price_cents
     FROM stage_skus s JOIN skus k ON k.shop_id = $1 AND k.external_id = s.sku_ext
     WHERE k.price_cents <> s.price_cents`,
    [shopId],
  );
  const fields = ['product_id', 'name', 'attributes', 'price_cents', 'cost_cents', 'active'];
  const { rows } = await client.query<{ inserted: boolean; n: number }>(
    `WITH up AS (
       INSERT INTO skus AS k (shop_id, external_id, ${fields.join(', ')})
       SELECT $1, s.sku_ext, p.id, s.sku_name, s.attributes, s.price_cents, s.cost_cents, s.active
       FROM stage_skus s JOIN products p ON p.shop_id = $1 AND p.external_id = s.product_ext
       ON CONFLICT (shop_id, external_id) DO UPDATE SET ${fields.map((f) => `${f} = excluded.${f}`).join(', ')}
       WHERE (${fields.map((f) => `k.${f}`).join(', ')}) IS DISTINCT FROM (${fields.map((f) => `excluded.${f}`).join(', ')})
       RETURNING (xmax = 0) AS inserted
     )
     SELECT inserted, count(*)::int AS n FROM up GROUP BY inserted`,
    [shopId],
  );
  await client.query(
    `DELETE FROM products p WHERE p.shop_id = $1 AND p.external_id LIKE 'sku:%'
       AND NOT EXISTS (SELECT 1 FROM skus k WHERE k.shop_id = $1 AND k.product_id = p.id)`,
    [shopId],
  );
  const { rows: staged } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM stage_skus');
  const inserted = rows.find((r) => r.inserted)?.n ?? 0;
  const updated = rows.find((r) => !r.inserted)?.n ?? 0;
  return { inserted, updated, unchanged: staged[0]!.n - inserted - updated };
}
