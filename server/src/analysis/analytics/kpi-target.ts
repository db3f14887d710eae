// KPI against target by promotion phase: GMV so far against the pro-rated phase target, and what
// explains the gap to normal days (visitors × conversion × AOV).
import type { DataGap, Finding, PromotionPhaseKind, Severity } from '@zhanggui/shared';
import type { DataSpan } from '../shared/data-span.js';
import { figure } from '../shared/evidence.js';
import { buildFindingId } from '../shared/finding-id.js';
import { impactRange } from '../shared/impact.js';
import { formatMoney, formatPercent } from '../shared/money.js';
import type { PromotionWindow } from '../shared/promotion.js';
import { DAY_MS, formatLocalHour, toIsoWindow, type Window } from '../shared/shop-time.js';
import type { AnalysisContext, SpecialistResult } from '../types.js';
import { decomposeGmvChange, dominantDriver, type GmvDecomposition } from './gmv-decomposition.js';
import { loadGmvByLocalHour, loadShopTotals, type ShopTotals } from './shop-totals.js';
import { expectedShareElapsed, hourOfDayWeights, judgeAgainstTarget } from './target-pace.js';

/** Below this pace a phase is behind target; the severities start at 0.8 and 0.6. */
const ON_PACE = 0.9;

interface TargetWindow extends Window {
  kind: PromotionPhaseKind | 'whole';
  gmvTargetCents: number;
}

function severityOf(pace: number): Severity {
  if (pace < 0.6) return 'high';
  if (pace < 0.8) return 'medium';
  return 'low';
}

export async function checkKpiAgainstTargets(
  context: AnalysisContext,
  span: DataSpan,
  promotions: readonly PromotionWindow[],
): Promise<SpecialistResult> {
  const gaps: DataGap[] = [];
  const findings: Finding[] = [];
  const relevant = promotions.filter((p) => p.from < span.asOf && p.to > span.from);
  if (relevant.length === 0) {
    gaps.push({
      specialist: 'analytics',
      check: 'kpi-vs-target',
      reason: 'No promotion has started in the look-back period, so there is no GMV target to judge against.',
    });
    return { findings, gaps };
  }
  const profileWindow = { from: new Date(span.asOf.getTime() - 14 * DAY_MS), to: span.asOf };
  const weights = hourOfDayWeights(await loadGmvByLocalHour(context, profileWindow));
  for (const promotion of relevant) {
    if (promotion.phases.length === 0) {
      gaps.push({
        specialist: 'analytics',
        check: 'kpi-vs-target',
        reason: `Promotion "${promotion.name}" has no phases; its GMV is judged against the whole promotion's target only.`,
      });
    }
    const targets: TargetWindow[] =
      promotion.phases.length > 0 ? promotion.phases : [{ ...promotion, kind: 'whole' as const }];
    const started = targets.filter((t) => t.from < span.asOf);
    const elapsed = started.map((t) => ({
      from: t.from,
      to: new Date(Math.min(t.to.getTime(), span.asOf.getTime())),
    }));
    const baselineWindow = {
      from: new Date(Math.max(promotion.from.getTime() - 7 * DAY_MS, span.dataStart?.getTime() ?? 0)),
      to: promotion.from,
    };
    const totals = await loadShopTotals(context, [...elapsed, baselineWindow]);
    const baseline = totals.at(-1)!;
    const baselineHours = Math.max(
      0,
      (baselineWindow.to.getTime() - baselineWindow.from.getTime()) / 3_600_000,
    );
    started.forEach((target, i) => {
      if (target.gmvTargetCents <= 0) {
        gaps.push({
          specialist: 'analytics',
          check: 'kpi-vs-target',
          reason: `The ${target.kind} phase of "${promotion.name}" has no GMV target.`,
        });
        return;
      }
      const actual = totals[i]!;
      const share = expectedShareElapsed(target, span.asOf, weights, context.timeZone);
      const pace = judgeAgainstTarget(actual.gmvCents, target.gmvTargetCents, share);
      if (pace.pace === null || pace.pace >= ON_PACE) return;
      // Inside a running phase the split between its days is unknown (Nov 11 outsells Nov 10 tenfold):
      // judge it only past half its hours, and never as high before it ends.
      if (target.to > span.asOf && share < 0.5) return;
      const hours = (elapsed[i]!.to.getTime() - elapsed[i]!.from.getTime()) / 3_600_000;
      const decomposition =
        baselineHours >= 24 ? decomposeAgainstNormalDays(actual, baseline, hours / baselineHours) : null;
      findings.push(
        behindTargetFinding(
          context,
          promotion,
          target,
          elapsed[i]!,
          actual,
          pace,
          share,
          decomposition,
          span.asOf,
        ),
      );
    });
  }
  return { findings, gaps };
}

function decomposeAgainstNormalDays(
  actual: ShopTotals,
  baseline: ShopTotals,
  scale: number,
): GmvDecomposition | null {
  const scaled = {
    visitors: baseline.visitors * scale,
    orders: baseline.orders * scale,
    gmvCents: baseline.gmvCents * scale,
  };
  const result = decomposeGmvChange(scaled, actual);
  return result.ok ? result.decomposition : null;
}

function behindTargetFinding(
  context: AnalysisContext,
  promotion: PromotionWindow,
  target: TargetWindow,
  window: Window,
  actual: ShopTotals,
  pace: ReturnType<typeof judgeAgainstTarget>,
  share: number,
  decomposition: GmvDecomposition | null,
  asOf: Date,
): Finding {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const phaseLabel = target.kind === 'whole' ? promotion.name : `${promotion.name} · ${target.kind}`;
  const entities = [{ kind: 'promotion' as const, id: String(promotion.id), label: phaseLabel }];
  const isRunning = target.to > asOf;
  const shortfall = Math.max(0, target.gmvTargetCents - (pace.projectedCents ?? 0));
  const driver = decomposition ? dominantDriver(decomposition) : null;
  const baselineLabel = 'normal days before the promotion, scaled to the same hours';
  const method = 'Shapley split of GMV = visitors × conversion × AOV';
  const figures = [
    figure(
      'gmvCents',
      'GMV so far',
      'cents',
      actual.gmvCents,
      { value: pace.expectedSoFarCents, label: 'target pro-rated by the hour-of-day sales profile' },
      'sum of paid orders, shop hourly rollup',
    ),
    figure(
      'pace',
      'Pace against target',
      'ratio',
      pace.pace,
      { value: 1, label: 'on pace' },
      'GMV so far / pro-rated target',
    ),
    figure(
      'projectedGmvCents',
      'Projected phase GMV',
      'cents',
      pace.projectedCents,
      { value: target.gmvTargetCents, label: 'phase GMV target' },
      `GMV so far / expected share elapsed (${formatPercent(share)})`,
    ),
  ];
  if (decomposition) {
    figures.push(
      figure(
        'visitorsEffectCents',
        'GMV change from visitors',
        'cents',
        decomposition.visitorsCents,
        { value: 0, label: baselineLabel },
        method,
      ),
      figure(
        'conversionEffectCents',
        'GMV change from conversion',
        'cents',
        decomposition.conversionCents,
        { value: 0, label: baselineLabel },
        method,
      ),
      figure(
        'aovEffectCents',
        'GMV change from AOV',
        'cents',
        decomposition.aovCents,
        { value: 0, label: baselineLabel },
        method,
      ),
    );
  }
  const recoverable = isRunning ? shortfall * 0.25 : 0;
  const driverText = driver ? ` Against normal days, ${driver} explains most of the change.` : '';
  return {
    id: buildFindingId('analytics', 'kpi-behind-target', entities, target.kind),
    specialist: 'analytics',
    type: 'kpi-behind-target',
    severity: isRunning && severityOf(pace.pace ?? 1) === 'high' ? 'medium' : severityOf(pace.pace ?? 1),
    title: `${phaseLabel}: GMV at ${formatPercent(pace.pace)} of the pro-rated target`,
    summary:
      `${phaseLabel} sold ${money(actual.gmvCents)} by ${formatLocalHour(window.to, context.timeZone)} against ` +
      `${money(pace.expectedSoFarCents)} expected by then (target ${money(target.gmvTargetCents)}); ` +
      `${isRunning ? `at this pace it ends near ${money(pace.projectedCents ?? 0)}.` : 'the phase is over.'}${driverText}`,
    entities,
    window: toIsoWindow(window),
    evidence: { figures, series: [] },
    confidence: share >= 0.5 ? 0.9 : 0.6,
    strategies: [
      {
        kind: 'investigate',
        title: isRunning
          ? `Close part of the ${money(shortfall)} gap: act on ${driver ?? 'the weakest factor'} first`
          : `Review why ${phaseLabel} missed its target before the next promotion`,
        params: {
          promotionId: String(promotion.id),
          phase: target.kind,
          driver,
          shortfallCents: Math.round(shortfall),
        },
        expectedImpact: { gmvCents: impactRange(recoverable, 1), profitCents: null },
        risk: {
          level: 'low',
          note: 'Investigation only; the remedies come from the ads, inventory and creatives findings.',
        },
      },
    ],
  };
}
