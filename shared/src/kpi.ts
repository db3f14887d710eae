import { z } from 'zod';
import { ShopSlugSchema } from './shop.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date in the shop's time zone, like 2026-11-11. */
export const LocalDateSchema = z
  .string()
  .regex(ISO_DATE, 'Use a date like 2026-11-11 (YYYY-MM-DD).')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Not a real calendar date.');

/** Inclusive range of whole days in the shop's time zone. */
export const DateRangeSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema })
  .refine((range) => range.from <= range.to, {
    message: 'Date range is inverted: "from" is after "to".',
    path: ['from'],
  })
  .refine((range) => daysBetween(range.from, range.to) <= 366, {
    message: 'Date range is longer than 366 days; choose a shorter one.',
    path: ['to'],
  });
export type DateRange = z.infer<typeof DateRangeSchema>;

export const ShopKpisInputSchema = z.object({ shop: ShopSlugSchema, range: DateRangeSchema });
export type ShopKpisInput = z.infer<typeof ShopKpisInputSchema>;

export const HourlyGmvInputSchema = ShopKpisInputSchema;

export const KpiFigureSchema = z.object({
  /** Null when the figure is undefined, e.g. conversion with no visitors. */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** Relative change against the previous period; null when previous is 0 or null. */
  change: z.number().nullable(),
});
export type KpiFigure = z.infer<typeof KpiFigureSchema>;

export const KPI_KEYS = [
  'gmvCents',
  'orders',
  'visitors',
  'conversionRate',
  'aovCents',
  'refundRate',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const ShopKpisSchema = z.object({
  shop: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  range: z.object({ from: z.string(), to: z.string() }),
  previousRange: z.object({ from: z.string(), to: z.string() }),
  kpis: z.object({
    gmvCents: KpiFigureSchema,
    orders: KpiFigureSchema,
    visitors: KpiFigureSchema,
    conversionRate: KpiFigureSchema,
    aovCents: KpiFigureSchema,
    refundRate: KpiFigureSchema,
  }),
  /** GMV target of the promotion phases that overlap the range, pro-rated by overlap; null without a promotion. */
  target: z
    .object({
      promotionName: z.string(),
      gmvTargetCents: z.number(),
      /** gmv / target; null when the target is 0. */
      attainment: z.number().nullable(),
    })
    .nullable(),
});
export type ShopKpis = z.infer<typeof ShopKpisSchema>;

export const HourlyPointSchema = z.object({
  /** Start of the hour, UTC ISO timestamp. */
  hour: z.string(),
  gmvCents: z.number(),
  orders: z.number(),
});
export const HourlyGmvSchema = z.object({
  shop: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  points: z.array(HourlyPointSchema),
});
export type HourlyGmv = z.infer<typeof HourlyGmvSchema>;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** a / b, or null when b is 0 (the UI shows "—"). */
export function safeRatio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
