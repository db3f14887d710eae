// The shop an import goes into. Importing into a shop that does not exist creates it only when asked
// (CLI --create with currency and time zone), because both decide how amounts and times are read.
import { CurrencyCodeSchema, type ImportFormat, TimeZoneSchema } from '@zhanggui/shared';
import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { createShop } from '../shops/create-shop.js';

export const NewShopSchema = z.object({
  currency: CurrencyCodeSchema,
  timeZone: TimeZoneSchema,
  name: z.string().min(1).optional(),
  platform: z.string().min(1).optional(),
});
export type NewShop = z.input<typeof NewShopSchema>;

export interface ImportShop {
  id: number;
  slug: string;
  currency: string;
  timeZone: string;
  created: boolean;
}

const PLATFORM_BY_FORMAT: Record<ImportFormat, string> = {
  'shopify-orders': 'shopify',
  'shopify-products': 'shopify',
  'taobao-orders': 'taobao',
  generic: 'other',
};

export async function findOrCreateImportShop(
  pool: pg.Pool,
  slug: string,
  create: Partial<NewShop> | null,
  format?: ImportFormat,
): Promise<ImportShop> {
  const { rows } = await pool.query<{ id: number; currency: string; time_zone: string }>(
    'SELECT id, currency, time_zone FROM shops WHERE slug = $1',
    [slug],
  );
  if (rows[0])
    return { id: rows[0].id, slug, currency: rows[0].currency, timeZone: rows[0].time_zone, created: false };
  if (!create) {
    throw new AppError('NOT_FOUND', {
      message: `No shop "${slug}". Create it with --create --currency <CNY|EUR|…> --time-zone <Asia/Shanghai|…>, or import into an existing shop.`,
    });
  }
  const parsed = NewShopSchema.safeParse(create);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('INVALID_INPUT', {
      message: `To create shop "${slug}", give --${issue.path[0] === 'timeZone' ? 'time-zone' : String(issue.path[0])}: ${issue.message}`,
    });
  }
  const { shop, created } = await createShop(pool, {
    slug,
    name: parsed.data.name ?? slug,
    platform: parsed.data.platform ?? (format ? PLATFORM_BY_FORMAT[format] : 'other'),
    currency: parsed.data.currency,
    timeZone: parsed.data.timeZone,
  });
  return { id: shop.id, slug, currency: shop.currency, timeZone: shop.timeZone, created };
}
