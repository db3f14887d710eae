// Which days the war room shows: promotion phases as shop-local day ranges, the default range,
// and the typed range checked against the shared DateRangeSchema before any query fires.
import { type DateRange, DateRangeSchema, type PromotionSummary } from '@zhanggui/shared';
import { lastDays, localDateOf, localDaysOf } from '../../lib/shop-time';

export type PhaseKind = PromotionSummary['phases'][number]['phase'];

export interface RangeChoice {
  /** "all", "last7" or a phase kind; the chip's name. */
  id: 'all' | 'last7' | PhaseKind;
  range: DateRange;
  /** Phase bounds in UTC, for shading the chart. Absent for "all" and "last7". */
  startsAt?: string;
  endsAt?: string;
}

/** The chips above the war room: the whole promotion and each phase, or the last 7 days without one. */
export function rangeChoices(
  promotion: PromotionSummary | null,
  timeZone: string,
  now: Date = new Date(),
): RangeChoice[] {
  if (!promotion) return [{ id: 'last7', range: lastDays(7, timeZone, now) }];
  return [
    { id: 'all', range: localDaysOf(promotion.startsAt, promotion.endsAt, timeZone) },
    ...promotion.phases.map((phase) => ({
      id: phase.phase,
      range: localDaysOf(phase.startsAt, phase.endsAt, timeZone),
      startsAt: phase.startsAt,
      endsAt: phase.endsAt,
    })),
  ];
}

/**
 * Where "the last 7 days" end: now, or the shop's latest order when it has none in those days (an
 * imported history), so the war room opens on the shop's data rather than on an empty week.
 */
export function lastDaysEnd(lastOrderAt: string | null, timeZone: string, now: Date = new Date()): Date {
  if (!lastOrderAt) return now;
  const recent = lastDays(7, timeZone, now);
  return localDateOf(lastOrderAt, timeZone) < recent.from ? new Date(lastOrderAt) : now;
}

/** The whole promotion, or the last 7 days when the shop has none. */
export function defaultRange(promotion: PromotionSummary | null, timeZone: string, now?: Date): DateRange {
  return rangeChoices(promotion, timeZone, now)[0]!.range;
}

export function isSameRange(a: DateRange | null, b: DateRange | null): boolean {
  return a !== null && b !== null && a.from === b.from && a.to === b.to;
}

export type RangeProblem =
  | { kind: 'inverted'; from: string; to: string }
  | { kind: 'tooLong' }
  | { kind: 'badDate' }
  | { kind: 'other'; message: string };

export type RangeCheck = { ok: true; range: DateRange } | { ok: false; problem: RangeProblem };

/** Validates typed dates with the same schema the server applies, and names the problem for the UI. */
export function checkRange(draft: { from: string; to: string }): RangeCheck {
  const result = DateRangeSchema.safeParse(draft);
  if (result.success) return { ok: true, range: result.data };
  const issue = result.error.issues[0]!;
  if (issue.message.startsWith('Date range is inverted')) {
    return { ok: false, problem: { kind: 'inverted', from: draft.from, to: draft.to } };
  }
  if (issue.message.includes('366 days')) return { ok: false, problem: { kind: 'tooLong' } };
  const isDateField = issue.path.length === 1 && (issue.path[0] === 'from' || issue.path[0] === 'to');
  if (isDateField) return { ok: false, problem: { kind: 'badDate' } };
  return { ok: false, problem: { kind: 'other', message: issue.message } };
}
