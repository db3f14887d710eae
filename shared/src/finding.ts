// What a specialist's analysis returns: a finding with its evidence and candidate strategies.
// Every figure carries the baseline it is judged against and the method that produced it.
import { z } from 'zod';

export const SPECIALISTS = [
  'analytics',
  'ads',
  'creatives',
  'inventory',
  'customers',
  'after-sales',
] as const;
export const SpecialistSchema = z.enum(SPECIALISTS);
export type Specialist = z.infer<typeof SpecialistSchema>;

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const EntityRefSchema = z.object({
  kind: z.enum([
    'shop',
    'sku',
    'product',
    'campaign',
    'creative',
    'segment',
    'warehouse',
    'customer',
    'source',
    'review',
    'promotion',
  ]),
  id: z.string().describe('Our id for the entity (numeric ids as strings), or a segment / source name.'),
  label: z.string().describe('What a person calls it: a SKU title, a campaign name, 华东仓.'),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const TimeWindowSchema = z.object({
  from: z.iso.datetime().describe('Inclusive start, UTC.'),
  to: z.iso.datetime().describe('Exclusive end, UTC.'),
});
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const EvidenceFigureSchema = z.object({
  key: z.string().describe('Stable machine name, e.g. "roas" or "daysOfCover".'),
  label: z.string(),
  value: z.number().nullable(),
  baseline: z.number().nullable().describe('What the value is judged against; null when there is none.'),
  baselineLabel: z.string().describe('What the baseline is, e.g. "same hour, previous 7 days, median".'),
  unit: z.enum(['cents', 'count', 'ratio', 'percent', 'hours', 'days', 'units', 'score']),
  method: z.string().describe('How the value was computed, short enough for a tooltip.'),
});
export type EvidenceFigure = z.infer<typeof EvidenceFigureSchema>;

export const EvidenceSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: EvidenceFigureSchema.shape.unit,
  points: z.array(
    z.object({ at: z.string(), value: z.number().nullable(), baseline: z.number().nullable().optional() }),
  ),
});
export type EvidenceSeries = z.infer<typeof EvidenceSeriesSchema>;

export const ImpactRangeSchema = z.object({
  low: z.number(),
  expected: z.number(),
  high: z.number(),
});

export const STRATEGY_KINDS = [
  'shift-ad-budget',
  'adjust-budget',
  'pause-campaign',
  'restock-sku',
  'transfer-stock',
  'markdown-sku',
  'rewrite-title',
  'refresh-creative',
  'pause-creative',
  'send-coupon',
  'reply-to-reviews',
  'open-quality-case',
  'escalate-warehouse',
  'adjust-price',
  'investigate',
] as const;
export const StrategyKindSchema = z.enum(STRATEGY_KINDS);
export type StrategyKind = z.infer<typeof StrategyKindSchema>;

export const CandidateStrategySchema = z.object({
  kind: StrategyKindSchema,
  title: z.string().describe('One line a person approves, with the numbers: "Shift ¥3,000 from A to B".'),
  /** Concrete parameters the executor needs, e.g. { fromCampaignId, toCampaignId, amountCents }. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
  expectedImpact: z.object({
    gmvCents: ImpactRangeSchema,
    profitCents: ImpactRangeSchema.nullable().describe('Null when a cost needed for profit is unknown.'),
  }),
  risk: z.object({ level: SeveritySchema, note: z.string() }),
});
export type CandidateStrategy = z.infer<typeof CandidateStrategySchema>;

export const FindingSchema = z.object({
  id: z.string().describe('Deterministic: specialist, type and entity ids, so re-runs match.'),
  specialist: SpecialistSchema,
  type: z.string().describe('Kebab-case finding type, e.g. "roas-collapse", "stock-out-risk".'),
  severity: SeveritySchema,
  title: z.string(),
  summary: z.string().describe('Two or three sentences with the figures, for a shop owner.'),
  entities: z.array(EntityRefSchema),
  window: TimeWindowSchema,
  evidence: z.object({ figures: z.array(EvidenceFigureSchema), series: z.array(EvidenceSeriesSchema) }),
  confidence: z.number().min(0).max(1),
  strategies: z.array(CandidateStrategySchema),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Said instead of a finding when the data cannot support a judgement. */
export const DataGapSchema = z.object({
  specialist: SpecialistSchema,
  check: z.string(),
  reason: z.string().describe('What is missing, e.g. "No ad spend in the last 7 days."'),
});
export type DataGap = z.infer<typeof DataGapSchema>;

export const DiagnosisSchema = z.object({
  shop: z.string(),
  at: z.iso.datetime(),
  findings: z.array(FindingSchema),
  gaps: z.array(DataGapSchema),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** Ranks findings by the expected GMV impact of their best strategy, then by severity. */
export function rankFindings(findings: Finding[]): Finding[] {
  const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  const bestImpact = (f: Finding) =>
    Math.max(0, ...f.strategies.map((s) => s.expectedImpact.gmvCents.expected));
  return [...findings].sort(
    (a, b) => bestImpact(b) - bestImpact(a) || severityRank[a.severity] - severityRank[b.severity],
  );
}
