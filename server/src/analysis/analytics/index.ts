// The analytics specialist: KPI against target by phase, hourly anomalies, the funnel by source,
// search traffic gaps against category peers, and conversion drops after price rises.
import { loadDataSpan } from '../shared/data-span.js';
import { loadPromotions } from '../shared/promotion.js';
import { DAY_MS } from '../shared/shop-time.js';
import type { SpecialistAnalysis } from '../types.js';
import { checkHourlyAnomalies } from './anomaly-check.js';
import { checkKpiAgainstTargets } from './kpi-target.js';
import { checkPriceRiseConversion } from './price-conversion.js';
import { checkSearchGaps } from './search-gap.js';
import { loadSkuTraffic } from './sku-traffic.js';
import { checkSourceFunnel } from './source-funnel.js';

export const analyzeAnalytics: SpecialistAnalysis = async (context) => {
  const span = await loadDataSpan(context);
  if (!span.dataStart) {
    return {
      findings: [],
      gaps: [
        {
          specialist: 'analytics',
          check: 'shop-data',
          reason: `The shop has no orders or traffic before ${span.asOf.toISOString()}: there is nothing to analyse yet.`,
        },
      ],
    };
  }
  const promotions = await loadPromotions(context, {
    from: new Date(span.from.getTime() - 30 * DAY_MS),
    to: new Date(span.asOf.getTime() + 30 * DAY_MS),
  });
  const withTraffic = loadSkuTraffic(context, span).then((traffic) =>
    Promise.all([
      checkSearchGaps(context, traffic, span.asOf),
      checkSourceFunnel(context, traffic, span.asOf, promotions),
      checkPriceRiseConversion(context, span, traffic),
    ]),
  );
  const [fromTraffic, ...results] = await Promise.all([
    withTraffic,
    checkKpiAgainstTargets(context, span, promotions),
    checkHourlyAnomalies(context, span, promotions),
  ]);
  results.push(...fromTraffic);
  return { findings: results.flatMap((r) => r.findings), gaps: results.flatMap((r) => r.gaps) };
};
