// Contracts of the promotion simulator: what to simulate, and the ground truth it writes (the manifest
// of planted problems that diagnoses are proven against).
import { z } from 'zod';
import { type Specialist, SpecialistSchema, TimeWindowSchema } from './finding.js';
import { ShopSlugSchema } from './shop.js';

export const SIMULATION_SCALES = ['tiny', 'demo', '100k', '1m'] as const;
export const SimulationScaleSchema = z.enum(SIMULATION_SCALES);
export type SimulationScale = z.infer<typeof SimulationScaleSchema>;

/** 'default' plants every problem of the catalogue; 'clean' plants none. */
export const SIMULATION_PRESETS = ['default', 'clean'] as const;
export const SimulationPresetSchema = z.enum(SIMULATION_PRESETS);
export type SimulationPreset = z.infer<typeof SimulationPresetSchema>;

export const SimulateOptionsSchema = z.object({
  slug: ShopSlugSchema,
  name: z.string().trim().min(1, 'Shop name is empty.').max(100).optional(),
  scale: SimulationScaleSchema,
  seed: z
    .number()
    .int('The seed is a whole number, like 7.')
    .min(0, 'The seed is 0 or more.')
    .max(2 ** 32 - 1, 'The seed fits in 32 bits (at most 4294967295).'),
  preset: SimulationPresetSchema.default('default'),
  /** The season runs around Double 11 (November 11) of this year. */
  year: z.number().int().min(2000).max(2100).default(2026),
  /** Delete an existing shop with the same slug (and all its rows) first. */
  replace: z.boolean().default(false),
});
export type SimulateOptions = z.input<typeof SimulateOptionsSchema>;
export type ResolvedSimulateOptions = z.output<typeof SimulateOptionsSchema>;

export const PROBLEM_TYPES = [
  'search-traffic-gap',
  'roas-collapse',
  'budget-exhausted-before-peak',
  'creative-fatigue',
  'stock-out',
  'overstock',
  'price-rise-conversion-drop',
  'churn-risk',
  'return-spike',
  'late-shipments',
  'negative-review-surge',
] as const;
export const ProblemTypeSchema = z.enum(PROBLEM_TYPES);
export type ProblemType = z.infer<typeof ProblemTypeSchema>;

/** Which specialist is expected to find each planted problem. */
export const PROBLEM_SPECIALIST: Record<ProblemType, Specialist> = {
  'search-traffic-gap': 'analytics',
  'price-rise-conversion-drop': 'analytics',
  'roas-collapse': 'ads',
  'budget-exhausted-before-peak': 'ads',
  'creative-fatigue': 'creatives',
  'stock-out': 'inventory',
  overstock: 'inventory',
  'churn-risk': 'customers',
  'return-spike': 'after-sales',
  'late-shipments': 'after-sales',
  'negative-review-surge': 'after-sales',
};

export const PlantedEntitySchema = z.object({
  kind: z.enum(['sku', 'campaign', 'creative', 'warehouse', 'customer', 'segment', 'source']),
  id: z.string().describe('Our database id as a string (ids are per shop).'),
  label: z.string(),
});
export type PlantedEntity = z.infer<typeof PlantedEntitySchema>;

export const PlantedProblemSchema = z.object({
  id: z.string().describe('Stable within a manifest, e.g. "stock-out-1".'),
  type: ProblemTypeSchema,
  specialist: SpecialistSchema,
  entities: z.array(PlantedEntitySchema).min(1),
  window: TimeWindowSchema,
  magnitude: z.object({
    metric: z.string().describe('What was measured, e.g. "roas" or "late_share".'),
    baseline: z.number().describe('Its value outside the window or among peers.'),
    actual: z.number().describe('Its value for the entities inside the window.'),
  }),
  description: z.string(),
});
export type PlantedProblem = z.infer<typeof PlantedProblemSchema>;

export const ManifestSchema = z.object({
  seed: z.number().int(),
  scale: SimulationScaleSchema,
  preset: SimulationPresetSchema,
  shopSlug: z.string(),
  problems: z.array(PlantedProblemSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
