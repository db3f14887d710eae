// What the ads checks read: campaigns, and their daily numbers over the look-back's complete local days.
import type { DataSpan } from '../shared/data-span.js';
import { safeRatio } from '../shared/ratios.js';
import { addLocalDays, localDate, startOfLocalDay } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';

export interface CampaignInfo {
  id: number;
  name: string;
  status: string;
  dailyBudgetCents: number;
  skuId: number | null;
  /** (price − cost) / price of the advertised SKU; null without a SKU or its cost. */
  marginRatio: number | null;
}

export interface CampaignDay {
  day: string;
  budgetCents: number;
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenueCents: number;
}

export interface AdData {
  campaigns: CampaignInfo[];
  /** Complete local days of the look-back, oldest first. */
  days: string[];
  /** Per campaign, one entry per day (zeros where it had no row). */
  daily: Map<number, CampaignDay[]>;
}

interface CampaignRow extends Record<string, unknown> {
  id: number;
  name: string;
  status: string;
  daily_budget_cents: number;
  sku_id: number | null;
  price_cents: number | null;
  cost_cents: number | null;
}

interface DayRow extends Record<string, unknown>, CampaignDay {
  campaign_id: number;
}

export async function loadAdData(context: AnalysisContext, span: DataSpan): Promise<AdData> {
  const today = startOfLocalDay(span.asOf, context.timeZone);
  const days: string[] = [];
  for (
    let d = addLocalDays(startOfLocalDay(span.from, context.timeZone), 0, context.timeZone);
    d < today;
    d = addLocalDays(d, 1, context.timeZone)
  ) {
    days.push(localDate(d, context.timeZone));
  }
  const [campaignRows, dayRows] = await Promise.all([
    context.query<CampaignRow>(
      `SELECT c.id, c.name, c.status, c.daily_budget_cents, c.sku_id, s.price_cents, s.cost_cents
       FROM ad_campaigns c LEFT JOIN skus s ON s.shop_id = c.shop_id AND s.id = c.sku_id
       WHERE c.shop_id = $1 ORDER BY c.id`,
      [context.shopId],
    ),
    context.query<DayRow>(
      `SELECT campaign_id, day::text AS day, budget_cents AS "budgetCents", spend_cents AS "spendCents", impressions,
              clicks, conversions, revenue_cents AS "revenueCents"
       FROM ad_campaign_daily WHERE shop_id = $1 AND day >= $2::date AND day < $3::date`,
      [context.shopId, days[0] ?? localDate(today, context.timeZone), localDate(today, context.timeZone)],
    ),
  ]);
  const campaigns = campaignRows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    dailyBudgetCents: r.daily_budget_cents,
    skuId: r.sku_id,
    marginRatio:
      r.price_cents !== null && r.cost_cents !== null
        ? safeRatio(r.price_cents - r.cost_cents, r.price_cents)
        : null,
  }));
  const byKey = new Map(dayRows.map((r) => [`${r.campaign_id}|${r.day}`, r]));
  const daily = new Map(
    campaigns.map((c) => [
      c.id,
      days.map((day): CampaignDay => {
        const row = byKey.get(`${c.id}|${day}`);
        return row
          ? {
              day,
              budgetCents: row.budgetCents,
              spendCents: row.spendCents,
              impressions: row.impressions,
              clicks: row.clicks,
              conversions: row.conversions,
              revenueCents: row.revenueCents,
            }
          : {
              day,
              budgetCents: 0,
              spendCents: 0,
              impressions: 0,
              clicks: 0,
              conversions: 0,
              revenueCents: 0,
            };
      }),
    ]),
  );
  return { campaigns, days, daily };
}

export interface CampaignTotals {
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenueCents: number;
}

export function sumDays(days: readonly CampaignDay[]): CampaignTotals {
  return days.reduce(
    (t, d) => ({
      spendCents: t.spendCents + d.spendCents,
      impressions: t.impressions + d.impressions,
      clicks: t.clicks + d.clicks,
      conversions: t.conversions + d.conversions,
      revenueCents: t.revenueCents + d.revenueCents,
    }),
    { spendCents: 0, impressions: 0, clicks: 0, conversions: 0, revenueCents: 0 },
  );
}

/** ROAS, CPA, CTR and CVR of some totals; null where the denominator is zero. */
export function campaignMetrics(t: CampaignTotals) {
  return {
    roas: safeRatio(t.revenueCents, t.spendCents),
    cpaCents: safeRatio(t.spendCents, t.conversions),
    ctr: safeRatio(t.clicks, t.impressions),
    cvr: safeRatio(t.conversions, t.clicks),
  };
}
