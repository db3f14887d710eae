// Ad campaigns and their creatives: impressions and clicks per creative and day, spread over the
// hours by the shop's traffic profile, spend paced against the day's budget, conversions and revenue.
import {
  dayMultiplier,
  hourProfile,
  LAUNCH_DAY,
  PEAK_DAY,
  PEAK_EVE_DAY,
  PREHEAT_DAY,
  type Season,
} from './calendar.js';
import { type Catalog, skusByRank } from './catalog.js';
import { CATEGORIES } from './categories.js';
import { IntTable } from './int-table.js';
import type { Plan } from './plan.js';
import type { Rng } from './random.js';
import type { ScaleSpec } from './scales.js';
import { CAMPAIGN_CHANNELS, CREATIVE_FORMATS, CREATIVE_HOOKS } from './texts.js';

export interface Campaign {
  id: number;
  name: string;
  channel: string;
  skuId: number | null;
  startDay: number;
  dailyBudgetCents: number;
  cpcCents: number;
  conversion: number;
  orderValueCents: number;
  impressionsPerDay: number;
}

export interface Creative {
  id: number;
  campaignId: number;
  skuId: number | null;
  name: string;
  format: string;
  headline: string;
  ctr: number;
  share: number;
}

export interface Ads {
  campaigns: Campaign[];
  creatives: Creative[];
  hourly: IntTable<'campaign' | 'hour' | 'spend' | 'impressions' | 'clicks' | 'conversions' | 'revenue'>;
  daily: IntTable<
    'campaign' | 'day' | 'budget' | 'spend' | 'impressions' | 'clicks' | 'conversions' | 'revenue'
  >;
  creativeDaily: IntTable<'creative' | 'day' | 'impressions' | 'clicks'>;
}

const roundUpToYuan100 = (cents: number) => Math.ceil(cents / 10_000) * 10_000;

/** Clicks cost more on the big days, and convert better by as much: ROAS holds. */
function cpcFactor(day: number): number {
  if (day === PEAK_DAY || day === PEAK_EVE_DAY) return 1.3;
  return day >= LAUNCH_DAY && day < PEAK_EVE_DAY ? 1.1 : 1;
}

function buildCampaigns(
  rng: Rng,
  spec: ScaleSpec,
  catalog: Catalog,
): { campaigns: Campaign[]; creatives: Creative[] } {
  const topSkus = skusByRank(catalog).slice(0, Math.max(10, Math.floor(catalog.skus.length * 0.3)));
  const campaigns: Campaign[] = [];
  const creatives: Creative[] = [];
  for (let id = 1; id <= spec.campaigns; id++) {
    const channel = CAMPAIGN_CHANNELS[id % CAMPAIGN_CHANNELS.length]!;
    const skuId = rng.chance(0.6) ? rng.pick(topSkus) : null;
    const sku = skuId ? catalog.skus[skuId - 1]! : null;
    const category = sku ? CATEGORIES[sku.categoryIndex]!.name : '全店';
    const orderValueCents = Math.round((sku?.priceCents ?? 18_000) * rng.between(0.9, 1.3));
    const conversion = rng.between(0.02, 0.06);
    // What a click costs follows from what it earns: ROAS = conversion × order value / CPC.
    const cpcCents = Math.max(30, Math.round((conversion * orderValueCents) / rng.between(3, 5)));
    const clicks = spec.campaignClicksPerDay * rng.between(0.5, 1.6);
    const ctrs = Array.from({ length: spec.creativesPerCampaign }, () => rng.between(0.015, 0.04));
    const shares = ctrs.map(() => rng.between(0.5, 1.5));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    const meanCtr = ctrs.reduce((sum, ctr, k) => sum + (ctr * shares[k]!) / shareSum, 0);
    campaigns.push({
      id,
      name: `${category}-${channel}-${String(id).padStart(2, '0')}`,
      channel,
      skuId,
      startDay: rng.chance(0.25) ? PREHEAT_DAY : 0,
      dailyBudgetCents: roundUpToYuan100(clicks * cpcCents * 1.6),
      cpcCents,
      conversion,
      orderValueCents,
      impressionsPerDay: clicks / meanCtr,
    });
    ctrs.forEach((ctr, k) => {
      const hook = rng.pick(CREATIVE_HOOKS);
      creatives.push({
        id: creatives.length + 1,
        campaignId: id,
        skuId,
        name: `${category}-素材${k + 1}`,
        format: rng.pick(CREATIVE_FORMATS),
        headline: `${hook}｜${sku ? CATEGORIES[sku.categoryIndex]!.keywords[0] : '全店好物'}`,
        ctr,
        share: shares[k]! / shareSum,
      });
    });
  }
  return { campaigns, creatives };
}

/** Whole numbers that add up to `total`, in proportion to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

function fatigueFactor(plan: Plan, creativeId: number, day: number): number {
  const fatigue = plan.creativeFatigue;
  if (!fatigue || fatigue.creativeId !== creativeId || day < fatigue.fromDay) return 1;
  const progress = Math.min(1, (day - fatigue.fromDay) / (fatigue.days - 1));
  return 1 - (1 - fatigue.floor) * progress;
}

export function simulateAds(rng: Rng, season: Season, spec: ScaleSpec, catalog: Catalog, plan: Plan): Ads {
  const { campaigns, creatives } = buildCampaigns(rng, spec, catalog);
  const ads: Ads = {
    campaigns,
    creatives,
    hourly: new IntTable(
      ['campaign', 'hour', 'spend', 'impressions', 'clicks', 'conversions', 'revenue'],
      1024,
    ),
    daily: new IntTable(
      ['campaign', 'day', 'budget', 'spend', 'impressions', 'clicks', 'conversions', 'revenue'],
      256,
    ),
    creativeDaily: new IntTable(['creative', 'day', 'impressions', 'clicks'], 256),
  };
  for (const campaign of campaigns) {
    const own = creatives.filter((c) => c.campaignId === campaign.id);
    for (let day = campaign.startDay; day < season.days; day++) {
      const lift = dayMultiplier(season, day) ** 0.85;
      const impressions = own.map((c) =>
        Math.round(campaign.impressionsPerDay * c.share * lift * rng.between(0.9, 1.1)),
      );
      const clicks = own.map((c, k) =>
        rng.round(impressions[k]! * c.ctr * fatigueFactor(plan, c.id, day) * rng.between(0.94, 1.06)),
      );
      const wantedImpressions = impressions.reduce((a, b) => a + b, 0);
      const wantedClicks = clicks.reduce((a, b) => a + b, 0);
      const cpc = Math.round(campaign.cpcCents * cpcFactor(day));
      const collapse = plan.roasCollapse;
      const inCollapse =
        collapse?.campaignId === campaign.id && day >= collapse.fromDay && day < collapse.toDay;
      const conversion = campaign.conversion * cpcFactor(day) * (inCollapse ? collapse!.conversionFactor : 1);
      const profile = hourProfile(day);
      const hourClicks = apportion(wantedClicks, profile);
      const hourImpressions = apportion(wantedImpressions, profile);
      const wantedSpend = wantedClicks * cpc;
      let budget = Math.max(campaign.dailyBudgetCents, roundUpToYuan100(wantedSpend * 1.4));
      const exhausted = plan.budgetExhausted;
      if (exhausted?.campaignId === campaign.id && day === PEAK_DAY) {
        // The merchant did not raise this budget for the big day: it runs out mid-afternoon.
        const before = hourClicks.slice(0, exhausted.localHour).reduce((a, b) => a + b, 0);
        budget = (before + Math.ceil(hourClicks[exhausted.localHour]! / 2)) * cpc;
      }
      const d = ads.daily.add();
      let spent = 0;
      const totals = { impressions: 0, clicks: 0, conversions: 0, revenue: 0 };
      for (let h = 0; h < 24; h++) {
        let hClicks = hourClicks[h]!;
        let hImpressions = hourImpressions[h]!;
        let spend = hClicks * cpc;
        if (spent + spend > budget) {
          const affordable = Math.floor((budget - spent) / cpc);
          hImpressions = hClicks > 0 ? Math.round((hImpressions * affordable) / hClicks) : 0;
          hClicks = affordable;
          spend = budget - spent;
        }
        spent += spend;
        const conversions = rng.round(hClicks * conversion);
        const revenue = Math.round(conversions * campaign.orderValueCents * rng.between(0.9, 1.1));
        const r = ads.hourly.add();
        const hc = ads.hourly.cols;
        hc.campaign[r] = campaign.id;
        hc.hour[r] = day * 24 + h;
        hc.spend[r] = spend;
        hc.impressions[r] = hImpressions;
        hc.clicks[r] = hClicks;
        hc.conversions[r] = conversions;
        hc.revenue[r] = revenue;
        totals.impressions += hImpressions;
        totals.clicks += hClicks;
        totals.conversions += conversions;
        totals.revenue += revenue;
      }
      const dc = ads.daily.cols;
      dc.campaign[d] = campaign.id;
      dc.day[d] = day;
      dc.budget[d] = budget;
      dc.spend[d] = spent;
      dc.impressions[d] = totals.impressions;
      dc.clicks[d] = totals.clicks;
      dc.conversions[d] = totals.conversions;
      dc.revenue[d] = totals.revenue;
      // Creatives show what the campaign could afford that day, in the same proportion.
      const shown = wantedImpressions > 0 ? totals.impressions / wantedImpressions : 0;
      const clicked = wantedClicks > 0 ? totals.clicks / wantedClicks : 0;
      own.forEach((creative, k) => {
        const c = ads.creativeDaily.add();
        const cc = ads.creativeDaily.cols;
        cc.creative[c] = creative.id;
        cc.day[c] = day;
        cc.impressions[c] = Math.round(impressions[k]! * shown);
        cc.clicks[c] = Math.min(cc.impressions[c]!, Math.round(clicks[k]! * clicked));
      });
    }
  }
  return ads;
}
