// The inventory specialist: stock-outs that happened, stock-outs ahead (with reorders and transfers),
// stock in the wrong warehouse, and overstock with markdowns.
import type { DataGap, Finding } from '@zhanggui/shared';
import { loadDataSpan } from '../shared/data-span.js';
import { addLocalDays, startOfLocalDay } from '../shared/shop-time.js';
import { loadSkuFacts } from '../shared/sku-facts.js';
import type { SpecialistAnalysis } from '../types.js';
import { loadDemandCalendar } from './demand-calendar.js';
import { findOverstock, overstockFinding } from './overstock.js';
import { loadStockData } from './stock-data.js';
import { findImbalances, imbalanceFinding } from './stock-imbalance.js';
import { measureStockOut, stockOutFinding } from './stock-out.js';
import { findStockOutRisks, stockOutRiskFinding } from './stock-out-risk.js';

/** At most this many stock-out risks and overstock findings each, largest first. */
const MAX_PER_CHECK = 10;

export const analyzeInventory: SpecialistAnalysis = async (context) => {
  const span = await loadDataSpan(context);
  const gaps: DataGap[] = [];
  const [stock, calendar] = await Promise.all([
    loadStockData(context, span),
    loadDemandCalendar(context, span),
  ]);
  if (stock.skus.length === 0) {
    gaps.push({
      specialist: 'inventory',
      check: 'stock',
      reason: 'No stock records (inventory or inventory_daily) for this shop.',
    });
    return { findings: [], gaps };
  }
  if (calendar.regularDayGmv === null) {
    gaps.push({
      specialist: 'inventory',
      check: 'demand-forecast',
      reason:
        'No regular (non-promotion) day with sales in the last 28 days: forecasts use recent velocity without promotion uplift.',
    });
  }
  const outages = (
    await Promise.all(
      stock.skus.filter((s) => s.zeroDays.length > 0).map((s) => measureStockOut(context, span, s)),
    )
  ).filter((e) => e !== null);
  const risks = findStockOutRisks(stock.skus, calendar, span.asOf);
  const overstock = findOverstock(stock.skus);
  const atRisk = new Set(risks.map((r) => r.sku.skuId));
  // A SKU about to run out everywhere is a stock-out risk (whose strategies include transfers), not an imbalance.
  const imbalances = findImbalances(stock.skus).filter((i) => !atRisk.has(i.sku.skuId));
  const facts = await loadSkuFacts(context, [
    ...outages.map((o) => o.sku.skuId),
    ...atRisk,
    ...imbalances.map((i) => i.sku.skuId),
    ...overstock.map((o) => o.sku.skuId),
  ]);
  const shopGmv = [...calendar.pastGmv.values()].reduce((s, v) => s + v, 0);
  const findings: Finding[] = [];
  for (const outage of outages) {
    const sku = facts.get(outage.sku.skuId);
    if (sku) findings.push(stockOutFinding(context, outage, sku, calendar.promotions, shopGmv));
  }
  const riskFindings = risks
    .filter((r) => facts.has(r.sku.skuId))
    .map((r) => stockOutRiskFinding(context, r, facts.get(r.sku.skuId)!, calendar, span.asOf));
  findings.push(...largestFirst(riskFindings).slice(0, MAX_PER_CHECK));
  const today = startOfLocalDay(span.asOf, context.timeZone);
  const window = { from: addLocalDays(today, -28, context.timeZone), to: span.asOf };
  const overstockFindings = overstock
    .filter((o) => facts.has(o.sku.skuId))
    .map((o) => overstockFinding(context, o, facts.get(o.sku.skuId)!, shopGmv, window));
  findings.push(...largestFirst(overstockFindings).slice(0, MAX_PER_CHECK));
  const imbalanceFindings = imbalances
    .filter((i) => facts.has(i.sku.skuId))
    .map((i) => imbalanceFinding(context, i, facts.get(i.sku.skuId)!, window));
  findings.push(...imbalanceFindings.slice(0, MAX_PER_CHECK));
  return { findings, gaps };
};

function largestFirst(findings: Finding[]): Finding[] {
  const money = (f: Finding) => Math.abs(f.evidence.figures.find((g) => g.unit === 'cents')?.value ?? 0);
  const units = (f: Finding) =>
    f.evidence.figures.find((g) => g.key === 'unmetUnits' || g.key === 'excessUnits')?.value ?? 0;
  return [...findings].sort((a, b) => money(b) - money(a) || units(b) - units(a) || a.id.localeCompare(b.id));
}
