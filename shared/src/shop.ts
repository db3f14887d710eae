import { z } from 'zod';

export const ShopSlugSchema = z
  .string()
  .trim()
  .min(1, 'Shop slug is empty.')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'A shop slug uses lowercase letters, digits and dashes, like "demo".');

export const ShopSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  platform: z.string(),
  currency: z.string(),
  timeZone: z.string(),
});
export type ShopSummary = z.infer<typeof ShopSummarySchema>;

/** A shop with what its pages need to pick their default days. */
export const ShopDetailsSchema = ShopSummarySchema.extend({
  /** When its latest order was placed (ISO); null for a shop without orders. */
  lastOrderAt: z.string().nullable(),
});
export type ShopDetails = z.infer<typeof ShopDetailsSchema>;

export const TRAFFIC_SOURCES = ['search', 'recommendation', 'ads', 'direct', 'social'] as const;
export type TrafficSource = (typeof TRAFFIC_SOURCES)[number];

export const PROMOTION_PHASES = ['preheat', 'launch', 'peak', 'tail'] as const;
export type PromotionPhaseKind = (typeof PROMOTION_PHASES)[number];

export const PromotionPhaseSchema = z.object({
  phase: z.enum(PROMOTION_PHASES),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  gmvTargetCents: z.number().int(),
});

export const PromotionSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  gmvTargetCents: z.number().int(),
  phases: z.array(PromotionPhaseSchema),
});
export type PromotionSummary = z.infer<typeof PromotionSummarySchema>;
