// Wasted spend: campaigns whose last week of revenue did not pay for their spend at the advertised
// SKU's margin (break-even ROAS = 1 / margin; 1 when the margin is unknown).
import type { Finding } from '@zhanggui/shared';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney } from '../shared/money.js';
import { localDateStart, toIsoWindow } from '../shared/shop-time.js';
import type { AnalysisContext } from '../types.js';
import { type AdData, campaignMetrics, sumDays } from './ad-data.js';

const DAYS = 7;
/** A campaign below this share of the shop's ad spend is too small to be worth a finding. */
const MIN_SPEND_SHARE = 0.03;

export function wastedSpendFindings(
  context: AnalysisContext,
  data: AdData,
  skip: ReadonlySet<number>,
  asOf: Date,
): Finding[] {
  if (data.days.length < DAYS) return [];
  const totals = data.campaigns.map((c) => ({
    campaign: c,
    totals: sumDays(data.daily.get(c.id)!.slice(-DAYS)),
  }));
  const shopSpend = totals.reduce((s, t) => s + t.totals.spendCents, 0);
  const findings: Finding[] = [];
  for (const { campaign, totals: t } of totals) {
    if (skip.has(campaign.id) || t.spendCents === 0 || t.spendCents < shopSpend * MIN_SPEND_SHARE) continue;
    const breakEven = campaign.marginRatio ? 1 / campaign.marginRatio : 1;
    const metrics = campaignMetrics(t);
    if ((metrics.roas ?? 0) >= breakEven) continue;
    const recovered = campaign.marginRatio === null ? t.revenueCents : t.revenueCents * campaign.marginRatio;
    const wasted = t.spendCents - recovered;
    const money = (cents: number) => formatMoney(cents, context.currency);
    const entities = [{ kind: 'campaign' as const, id: String(campaign.id), label: campaign.name }];
    findings.push({
      id: buildFindingId('ads', 'wasted-spend', entities),
      specialist: 'ads',
      type: 'wasted-spend',
      severity: wasted >= shopSpend * 0.2 ? 'high' : 'medium',
      title: `${campaign.name} returns ROAS ${metrics.roas?.toFixed(2) ?? '—'}, below its break-even of ${breakEven.toFixed(2)}`,
      summary:
        `In the last ${DAYS} days it spent ${money(t.spendCents)} and brought ${money(t.revenueCents)} of revenue` +
        `${campaign.marginRatio === null ? '' : `, ${money(recovered)} of gross profit`}: ${money(wasted)} did not pay for itself.`,
      entities,
      window: toIsoWindow({ from: localDateStart(data.days.at(-DAYS)!, context.timeZone), to: asOf }),
      evidence: {
        figures: [
          figure(
            'roas',
            'ROAS',
            'ratio',
            metrics.roas,
            {
              value: breakEven,
              label:
                campaign.marginRatio === null
                  ? 'break-even without a known margin (1)'
                  : 'break-even at the SKU’s margin (1 / margin)',
            },
            'ad revenue / spend, last 7 days',
          ),
          figure(
            'wastedSpendCents',
            'Spend not paid back',
            'cents',
            wasted,
            { value: 0, label: 'break-even' },
            campaign.marginRatio === null ? 'spend − revenue' : 'spend − revenue × margin',
          ),
          figure(
            'cpaCents',
            'Cost per conversion',
            'cents',
            metrics.cpaCents,
            { value: null, label: 'none' },
            'spend / conversions',
          ),
        ],
        series: [],
      },
      confidence: 0.8,
      strategies: [
        {
          kind: 'pause-campaign',
          title: `Pause ${campaign.name} (saves about ${money(t.spendCents)} a week)`,
          params: { campaignId: String(campaign.id) },
          expectedImpact: {
            gmvCents: impactRange(-t.revenueCents, 0.2),
            profitCents: impactRange(wasted, 0.3),
          },
          risk: {
            level: 'medium',
            note: 'Loses its revenue; some of it may come back through organic search. Impact over 7 days.',
          },
        },
      ],
    });
  }
  return findings;
}
