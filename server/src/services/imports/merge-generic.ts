// Merges staged traffic and ads rows: upserts by each table's key, so a re-imported or overlapping
// report updates the days and hours it covers and leaves identical rows alone.
import { type ImportRowError, rowError } from '@zhanggui/shared';
import type pg from 'pg';
import { refreshTrafficSourceRollup } from '../rollups/refresh-traffic-rollup.js';
import type { MergeCounts, StageRejections } from './merge-result.js';

interface KeyedStage {
  table: string;
  key: string[];
  describe: string;
}

const STAGE_KEYS: Record<string, KeyedStage> = {
  'traffic-hours': { table: 'stage_traffic_hourly', key: ['hour', 'source'], describe: 'hour and source' },
  'sku-traffic-days': {
    table: 'stage_sku_traffic',
    key: ['day', 'sku_ext', 'source'],
    describe: 'day, SKU and source',
  },
  'campaign-days': { table: 'stage_ad_days', key: ['campaign_ext', 'day'], describe: 'campaign and day' },
};

/** Rows repeating an earlier row's key, and SKU traffic for SKUs the shop does not have. */
export async function rejectGenericConflicts(
  client: pg.PoolClient,
  shopId: number,
  kind: string,
): Promise<StageRejections> {
  const stage = STAGE_KEYS[kind]!;
  const key = stage.key.join(', ');
  const { rows: dupes } = await client.query<{ line: number; first_line: number }>(
    `SELECT line, first_line FROM (
       SELECT line, min(line) OVER (PARTITION BY ${key}) AS first_line FROM ${stage.table}
     ) d WHERE line > first_line ORDER BY line`,
  );
  const errors: ImportRowError[] = dupes.map((r) =>
    rowError(r.line, null, null, {
      code: 'duplicateKey',
      params: { key: stage.describe, firstLine: r.first_line },
    }),
  );
  if (kind === 'sku-traffic-days') {
    const { rows: unknown } = await client.query<{ line: number; sku_ext: string }>(
      `SELECT s.line, s.sku_ext FROM stage_sku_traffic s
       WHERE NOT EXISTS (SELECT 1 FROM skus k WHERE k.shop_id = $1 AND k.external_id = s.sku_ext) ORDER BY s.line`,
      [shopId],
    );
    for (const r of unknown) {
      errors.push(rowError(r.line, 'sku', r.sku_ext, { code: 'unknownSku', params: { sku: r.sku_ext } }));
    }
  }
  const lines = [...new Set(errors.map((e) => e.line))];
  if (lines.length > 0) await client.query(`DELETE FROM ${stage.table} WHERE line = ANY($1::int[])`, [lines]);
  errors.sort((a, b) => a.line - b.line);
  return { errors, rows: lines.length };
}

export async function mergeGeneric(
  client: pg.PoolClient,
  shopId: number,
  kind: string,
): Promise<MergeCounts> {
  if (kind === 'traffic-hours') {
    return upsertCounted(
      client,
      `INSERT INTO traffic_hourly AS t (shop_id, hour, source, visitors, page_views)
       SELECT $1, hour, source::"TrafficSource", visitors, page_views FROM stage_traffic_hourly
       ON CONFLICT (shop_id, hour, source) DO UPDATE SET visitors = excluded.visitors, page_views = excluded.page_views
       WHERE (t.visitors, t.page_views) IS DISTINCT FROM (excluded.visitors, excluded.page_views)`,
      shopId,
      'stage_traffic_hourly',
    );
  }
  if (kind === 'sku-traffic-days') {
    const counts = await upsertCounted(
      client,
      `INSERT INTO sku_traffic_daily AS t (shop_id, day, sku_id, source, impressions, visits, add_to_cart, orders)
       SELECT $1, s.day, k.id, s.source::"TrafficSource", s.impressions, s.visits, s.add_to_cart, s.orders
       FROM stage_sku_traffic s JOIN skus k ON k.shop_id = $1 AND k.external_id = s.sku_ext
       ON CONFLICT (shop_id, day, sku_id, source) DO UPDATE SET
         impressions = excluded.impressions, visits = excluded.visits, add_to_cart = excluded.add_to_cart, orders = excluded.orders
       WHERE (t.impressions, t.visits, t.add_to_cart, t.orders) IS DISTINCT FROM
             (excluded.impressions, excluded.visits, excluded.add_to_cart, excluded.orders)`,
      shopId,
      'stage_sku_traffic',
    );
    const { rows } = await client.query<{ from: string | null; to: string | null }>(
      'SELECT min(day)::text AS from, max(day)::text AS to FROM stage_sku_traffic',
    );
    const { from, to } = rows[0] ?? {};
    if (from && to) await refreshTrafficSourceRollup(client, shopId, { from, to });
    return counts;
  }
  await client.query(
    `INSERT INTO ad_campaigns AS c (shop_id, external_id, name, channel, daily_budget_cents, starts_on)
     SELECT $1, campaign_ext, coalesce(max(campaign_name), campaign_ext), coalesce(max(channel), 'unknown'),
            coalesce(max(budget_cents), 0), min(day)
     FROM stage_ad_days GROUP BY campaign_ext
     ON CONFLICT (shop_id, external_id) DO UPDATE SET
       name = CASE WHEN excluded.name = excluded.external_id THEN c.name ELSE excluded.name END,
       channel = CASE WHEN excluded.channel = 'unknown' THEN c.channel ELSE excluded.channel END,
       starts_on = least(c.starts_on, excluded.starts_on)
     WHERE (c.name, c.channel, c.starts_on) IS DISTINCT FROM (
       CASE WHEN excluded.name = excluded.external_id THEN c.name ELSE excluded.name END,
       CASE WHEN excluded.channel = 'unknown' THEN c.channel ELSE excluded.channel END,
       least(c.starts_on, excluded.starts_on))`,
    [shopId],
  );
  return upsertCounted(
    client,
    `INSERT INTO ad_campaign_daily AS d (shop_id, campaign_id, day, budget_cents, spend_cents, impressions, clicks, conversions, revenue_cents)
     SELECT $1, c.id, s.day, coalesce(s.budget_cents, c.daily_budget_cents), s.spend_cents, s.impressions, s.clicks,
            s.conversions, s.revenue_cents
     FROM stage_ad_days s JOIN ad_campaigns c ON c.shop_id = $1 AND c.external_id = s.campaign_ext
     ON CONFLICT (shop_id, campaign_id, day) DO UPDATE SET
       budget_cents = excluded.budget_cents, spend_cents = excluded.spend_cents, impressions = excluded.impressions,
       clicks = excluded.clicks, conversions = excluded.conversions, revenue_cents = excluded.revenue_cents
     WHERE (d.budget_cents, d.spend_cents, d.impressions, d.clicks, d.conversions, d.revenue_cents) IS DISTINCT FROM
           (excluded.budget_cents, excluded.spend_cents, excluded.impressions, excluded.clicks, excluded.conversions, excluded.revenue_cents)`,
    shopId,
    'stage_ad_days',
  );
}

async function upsertCounted(
  client: pg.PoolClient,
  upsert: string,
  shopId: number,
  stage: string,
): Promise<MergeCounts> {
  const { rows } = await client.query<{ inserted: boolean; n: number }>(
    `WITH up AS (${upsert} RETURNING (xmax = 0) AS inserted) SELECT inserted, count(*)::int AS n FROM up GROUP BY inserted`,
    [shopId],
  );
  const { rows: staged } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${stage}`);
  const inserted = rows.find((r) => r.inserted)?.n ?? 0;
  const updated = rows.find((r) => !r.inserted)?.n ?? 0;
  return { inserted, updated, unchanged: staged[0]!.n - inserted - updated };
}
