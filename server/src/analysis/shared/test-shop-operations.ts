// Test-only factories for traffic, ads, stock and promotions, beside test-shop-factory.ts (orders,
// refunds, reviews, creatives). Multi-row inserts through json_to_recordset.

import type { PromotionPhaseKind, TrafficSource } from '@zhanggui/shared';
import type pg from 'pg';
import { withTransaction } from '../../db/client.js';
import { refreshTrafficSourceRollup } from '../../services/rollups/refresh-traffic-rollup.js';

async function insertJson(pool: pg.Pool, table: string, columns: Record<string, string>, rows: object[]) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  await pool.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS x(${names.map((n) => `${n} ${columns[n]}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
}

export async function addTrafficHours(
  pool: pg.Pool,
  shopId: number,
  hours: { hour: Date; source: TrafficSource; visitors: number }[],
) {
  await insertJson(
    pool,
    'traffic_hourly',
    { shop_id: 'int', hour: 'timestamptz', source: '"TrafficSource"', visitors: 'int', page_views: 'int' },
    hours.map((h) => ({
      shop_id: shopId,
      hour: h.hour.toISOString(),
      source: h.source,
      visitors: h.visitors,
      page_views: h.visitors * 2,
    })),
  );
}

export async function addSkuTrafficDays(
  pool: pg.Pool,
  shopId: number,
  days: {
    day: string;
    skuId: number;
    source: TrafficSource;
    impressions?: number;
    visits: number;
    addToCart?: number;
    orders: number;
  }[],
) {
  await insertJson(
    pool,
    'sku_traffic_daily',
    {
      shop_id: 'int',
      day: 'date',
      sku_id: 'int',
      source: '"TrafficSource"',
      impressions: 'int',
      visits: 'int',
      add_to_cart: 'int',
      orders: 'int',
    },
    days.map((d) => ({
      shop_id: shopId,
      day: d.day,
      sku_id: d.skuId,
      source: d.source,
      impressions: d.impressions ?? d.visits * 10,
      visits: d.visits,
      add_to_cart: d.addToCart ?? Math.round(d.visits * 0.2),
      orders: d.orders,
    })),
  );
  if (days.length === 0) return;
  const sorted = days.map((d) => d.day).sort();
  // Like every writer of per-SKU traffic, keep the daily funnel by source in step.
  await withTransaction(pool, (client) =>
    refreshTrafficSourceRollup(client, shopId, { from: sorted[0]!, to: sorted.at(-1)! }),
  );
}

export async function addPriceChange(
  pool: pg.Pool,
  shopId: number,
  c: { skuId: number; effectiveAt: Date; oldPriceCents: number; newPriceCents: number },
) {
  await pool.query(
    `INSERT INTO sku_price_changes (shop_id, sku_id, effective_at, old_price_cents, new_price_cents) VALUES ($1, $2, $3, $4, $5)`,
    [shopId, c.skuId, c.effectiveAt, c.oldPriceCents, c.newPriceCents],
  );
}

export async function addPromotion(
  pool: pg.Pool,
  shopId: number,
  p: {
    name: string;
    startsAt: Date;
    endsAt: Date;
    gmvTargetCents: number;
    phases?: { phase: PromotionPhaseKind; startsAt: Date; endsAt: Date; gmvTargetCents: number }[];
  },
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO promotions (shop_id, name, starts_at, ends_at, gmv_target_cents) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [shopId, p.name, p.startsAt, p.endsAt, p.gmvTargetCents],
  );
  const id = rows[0]!.id;
  await insertJson(
    pool,
    'promotion_phases',
    {
      shop_id: 'int',
      promotion_id: 'int',
      phase: '"PromotionPhaseKind"',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      gmv_target_cents: 'bigint',
    },
    (p.phases ?? []).map((ph) => ({
      shop_id: shopId,
      promotion_id: id,
      phase: ph.phase,
      starts_at: ph.startsAt.toISOString(),
      ends_at: ph.endsAt.toISOString(),
      gmv_target_cents: ph.gmvTargetCents,
    })),
  );
  return id;
}

export async function addCampaign(
  pool: pg.Pool,
  shopId: number,
  c: { name: string; dailyBudgetCents: number; skuId?: number | null; startsOn: string },
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO ad_campaigns (shop_id, external_id, name, channel, daily_budget_cents, sku_id, starts_on)
     VALUES ($1, $2, $3, 'search', $4, $5, $6) RETURNING id`,
    [shopId, `ad-${c.name}-${Math.random()}`, c.name, c.dailyBudgetCents, c.skuId ?? null, c.startsOn],
  );
  return rows[0]!.id;
}

export interface CampaignNumbers {
  spendCents: number;
  impressions?: number;
  clicks: number;
  conversions: number;
  revenueCents: number;
}

export async function addCampaignDays(
  pool: pg.Pool,
  shopId: number,
  campaignId: number,
  days: (CampaignNumbers & { day: string; budgetCents: number })[],
) {
  await insertJson(
    pool,
    'ad_campaign_daily',
    {
      shop_id: 'int',
      campaign_id: 'int',
      day: 'date',
      budget_cents: 'int',
      spend_cents: 'int',
      impressions: 'int',
      clicks: 'int',
      conversions: 'int',
      revenue_cents: 'bigint',
    },
    days.map((d) => ({
      shop_id: shopId,
      campaign_id: campaignId,
      ...d,
      budget_cents: d.budgetCents,
      spend_cents: d.spendCents,
      impressions: d.impressions ?? d.clicks * 30,
      revenue_cents: d.revenueCents,
    })),
  );
}

export async function addCampaignHours(
  pool: pg.Pool,
  shopId: number,
  campaignId: number,
  hours: (CampaignNumbers & { hour: Date })[],
) {
  await insertJson(
    pool,
    'ad_campaign_hourly',
    {
      shop_id: 'int',
      campaign_id: 'int',
      hour: 'timestamptz',
      spend_cents: 'int',
      impressions: 'int',
      clicks: 'int',
      conversions: 'int',
      revenue_cents: 'bigint',
    },
    hours.map((h) => ({
      shop_id: shopId,
      campaign_id: campaignId,
      hour: h.hour.toISOString(),
      spend_cents: h.spendCents,
      impressions: h.impressions ?? h.clicks * 30,
      clicks: h.clicks,
      conversions: h.conversions,
      revenue_cents: h.revenueCents,
    })),
  );
}

export async function addStock(
  pool: pg.Pool,
  shopId: number,
  rows: {
    skuId: number;
    warehouseId: number;
    onHand: number;
    reserved?: number;
    inbound?: number;
    leadTimeDays?: number;
  }[],
) {
  await insertJson(
    pool,
    'inventory',
    {
      shop_id: 'int',
      sku_id: 'int',
      warehouse_id: 'int',
      on_hand: 'int',
      reserved: 'int',
      inbound: 'int',
      lead_time_days: 'int',
    },
    rows.map((r) => ({
      shop_id: shopId,
      sku_id: r.skuId,
      warehouse_id: r.warehouseId,
      on_hand: r.onHand,
      reserved: r.reserved ?? 0,
      inbound: r.inbound ?? 0,
      lead_time_days: r.leadTimeDays ?? 7,
    })),
  );
}

export async function addStockDays(
  pool: pg.Pool,
  shopId: number,
  rows: { day: string; skuId: number; warehouseId: number; onHandEnd: number; unitsSold: number }[],
) {
  await insertJson(
    pool,
    'inventory_daily',
    {
      shop_id: 'int',
      day: 'date',
      sku_id: 'int',
      warehouse_id: 'int',
      on_hand_end: 'int',
      units_sold: 'int',
    },
    rows.map((r) => ({
      shop_id: shopId,
      day: r.day,
      sku_id: r.skuId,
      warehouse_id: r.warehouseId,
      on_hand_end: r.onHandEnd,
      units_sold: r.unitsSold,
    })),
  );
}
