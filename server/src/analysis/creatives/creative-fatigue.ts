// Creative fatigue: creatives whose recent CTR fell far below their own early baseline, with a
// refreshed headline, copy variants and a banner draft, or a pause when the campaign has fresher creatives.
import type { CandidateStrategy, DataGap, Finding, Severity } from '@zhanggui/shared';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { fillDays, localDaysBefore, windowOfDays } from '../shared/local-days.js';
import { formatPercent } from '../shared/money.js';
import { roundRatio } from '../shared/ratios.js';
import { toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { copyVariants, draftBannerSvg } from './copy-and-banner.js';
import { type CreativeDay, type CtrDecay, detectCtrDecay } from './ctr-decay.js';

export const FATIGUE_LOOKBACK_DAYS = 42;

interface CreativeRow extends Record<string, unknown> {
  id: number;
  name: string;
  headline: string;
  campaign_id: number | null;
  sku_id: number | null;
  days: CreativeDay[];
  revenue_per_click: number | null;
  title: string | null;
  category: string | null;
  price_cents: number | null;
  attributes: Record<string, unknown> | null;
}

export async function detectCreativeFatigue(
  context: AnalysisContext,
): Promise<{ findings: Finding[]; gaps: DataGap[] }> {
  const local = localDaysBefore(context.at, context.timeZone, FATIGUE_LOOKBACK_DAYS);
  const lastDay = local.days.at(-1)!;
  const rows = await context.query<CreativeRow>(
    `SELECT c.id, c.name, c.headline, c.campaign_id, c.sku_id,
            (SELECT json_agg(json_build_object('day', d.day::text, 'impressions', d.impressions, 'clicks', d.clicks) ORDER BY d.day)
               FROM creative_daily d WHERE d.shop_id = c.shop_id AND d.creative_id = c.id AND d.day >= $2::date AND d.day < $3::date) AS days,
            (SELECT sum(a.revenue_cents)::float8 / nullif(sum(a.clicks), 0) FROM ad_campaign_daily a
               WHERE a.shop_id = c.shop_id AND a.campaign_id = c.campaign_id AND a.day >= $2::date AND a.day < $3::date) AS revenue_per_click,
            p.title, p.category, s.price_cents, s.attributes
     FROM creatives c
     LEFT JOIN skus s ON s.shop_id = c.shop_id AND s.id = c.sku_id
     LEFT JOIN products p ON p.shop_id = s.shop_id AND p.id = s.product_id
     WHERE c.shop_id = $1 ORDER BY c.id`,
    [context.shopId, local.days[0], lastDay],
  );
  // Today is partial: judge complete days only.
  const judgedDays = { ...local, days: local.days.slice(0, -1) };
  const withData = rows.filter((r) => (r.days ?? []).some((d) => d.impressions > 0));
  if (withData.length === 0) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'creatives',
          check: 'creative-fatigue',
          reason: 'No creative had impressions in the last 42 days.',
        },
      ],
    };
  }
  const findings: Finding[] = [];
  for (const row of withData) {
    const series = fillDays(judgedDays, row.days ?? [], (day) => ({ day, impressions: 0, clicks: 0 }));
    const decay = detectCtrDecay(series);
    if (!decay) continue;
    const siblings = rows.filter(
      (r) => r.campaign_id !== null && r.campaign_id === row.campaign_id && r.id !== row.id,
    );
    findings.push(
      fatigueFinding(
        context,
        row,
        series,
        decay,
        windowOfDays(local, decay.onset, local.days.length, context.timeZone),
        siblings.length,
      ),
    );
  }
  return { findings, gaps: [] };
}

function fatigueFinding(
  context: AnalysisContext,
  row: CreativeRow,
  series: CreativeDay[],
  decay: CtrDecay,
  window: { from: Date; to: Date },
  siblingCount: number,
): Finding {
  const lostClicksPerWeek = decay.recentImpressions * (decay.baselineCtr - decay.recentCtr);
  const gmv = impactRange(lostClicksPerWeek * (row.revenue_per_click ?? 0), 0.5);
  const severity: Severity = decay.retained <= 0.5 && lostClicksPerWeek >= 500 ? 'high' : 'medium';
  const entity = { kind: 'creative' as const, id: String(row.id), label: `${row.name}：${row.headline}` };
  const variants = row.title
    ? copyVariants({
        title: row.title,
        category: row.category ?? '',
        priceCents: row.price_cents ?? 0,
        attributes: row.attributes ?? {},
        currency: context.currency,
      })
    : [];
  const headline = variants[0]?.zh ?? row.headline;
  const strategies: CandidateStrategy[] = [
    {
      kind: 'refresh-creative',
      title: `Replace the worn-out creative "${row.headline}" with a fresh headline and banner`,
      params: {
        creativeId: String(row.id),
        headlinesZh: variants.map((v) => v.zh),
        headlinesEn: variants.map((v) => v.en),
        bannerSvg: draftBannerSvg({
          headline,
          subline: variants[1]?.zh ?? row.name,
          priceText: variants[2]?.zh.split('｜')[0] ?? '',
        }),
      },
      expectedImpact: { gmvCents: gmv, profitCents: null },
      risk: {
        level: 'low',
        note: 'A new creative needs a few days of learning; assumes it regains the early CTR.',
      },
    },
  ];
  if (siblingCount > 0) {
    strategies.push({
      kind: 'pause-creative',
      title: `Pause creative "${row.headline}" and let the campaign's ${siblingCount} other creative(s) take its impressions`,
      params: {
        creativeId: String(row.id),
        campaignId: row.campaign_id === null ? null : String(row.campaign_id),
      },
      expectedImpact: { gmvCents: impactRange(gmv.expected * 0.6, 0.6), profitCents: null },
      risk: { level: 'low', note: 'The other creatives may fatigue faster with more impressions.' },
    });
  }
  const recentFrom = series.length - 7;
  return {
    id: buildFindingId('creatives', 'creative-fatigue', [entity]),
    specialist: 'creatives',
    type: 'creative-fatigue',
    severity,
    title: `Creative "${row.headline}" keeps only ${formatPercent(decay.retained)} of its early CTR`,
    summary:
      `CTR over the last 7 days with impressions is ${formatPercent(decay.recentCtr, 2)}, against ${formatPercent(decay.baselineCtr, 2)} in its first 7 days live; ` +
      `the decline began on ${series[decay.onset]!.day} (${context.timeZone}). About ${Math.round(lostClicksPerWeek)} clicks a week are lost.`,
    entities: [entity],
    window: toIsoWindow(window),
    evidence: {
      figures: [
        {
          key: 'ctr',
          label: 'CTR, last 7 days with impressions',
          value: roundRatio(decay.recentCtr),
          baseline: roundRatio(decay.baselineCtr),
          baselineLabel: "the creative's first 7 days with impressions",
          unit: 'ratio',
          method: 'clicks ÷ impressions from creative_daily',
        },
        {
          key: 'recentClicks',
          label: 'Clicks, last 7 days with impressions',
          value: decay.recentClicks,
          baseline: Math.round(decay.recentImpressions * decay.baselineCtr),
          baselineLabel: 'the same impressions at the early CTR',
          unit: 'count',
          method: 'sum of clicks from creative_daily',
        },
      ],
      series: [
        {
          key: 'ctrDaily',
          label: 'Daily CTR',
          unit: 'ratio',
          points: series.map((d, i) => ({
            at: d.day,
            value: d.impressions > 0 ? roundRatio(d.clicks / d.impressions) : null,
            baseline: i >= recentFrom ? roundRatio(decay.baselineCtr) : null,
          })),
        },
      ],
    },
    confidence: Math.round(Math.min(0.95, 0.5 + Math.abs(decay.z) / 40) * 100) / 100,
    strategies,
  };
}
