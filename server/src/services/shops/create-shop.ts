// Creates a shop for the New shop form, the shop.create procedure and `pnpm run import --create`.
// Creating the same shop again (same slug, name, platform, currency and time zone) returns it
// unchanged, so a double click or a retried request is harmless; a different shop under a slug
// that is taken is a CONFLICT, because currency and time zone decide how its data is read.
import type pg from 'pg';
import { AppError } from '../../errors.js';
import type { ShopRow } from './find-shop.js';

/** What a new shop needs; the caller has validated it (CreateShopInputSchema at the boundaries). */
export interface NewShop {
  slug: string;
  name: string;
  platform: string;
  currency: string;
  timeZone: string;
}

export interface CreatedShop {
  shop: ShopRow;
  /** false when the identical shop already existed. */
  created: boolean;
}

const SHOP_COLUMNS = 'id, slug, name, platform, currency, time_zone AS "timeZone"';

export async function createShop(pool: pg.Pool, shop: NewShop): Promise<CreatedShop> {
  const { rows } = await pool.query<ShopRow>(
    `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO NOTHING RETURNING ${SHOP_COLUMNS}`,
    [shop.slug, shop.name, shop.platform, shop.currency, shop.timeZone],
  );
  if (rows[0]) return { shop: rows[0], created: true };
  const { rows: taken } = await pool.query<ShopRow>(`SELECT ${SHOP_COLUMNS} FROM shops WHERE slug = $1`, [
    shop.slug,
  ]);
  const existing = taken[0];
  // Deleted between the two statements (the simulator replaces shops): the slug is free again.
  if (!existing) return createShop(pool, shop);
  const differences = (['name', 'platform', 'currency', 'timeZone'] as const).filter(
    (field) => existing[field] !== shop[field],
  );
  if (differences.length === 0) return { shop: existing, created: false };
  throw new AppError('CONFLICT', {
    message:
      `The slug "${shop.slug}" is taken by the shop "${existing.name}" (${existing.platform}, ` +
      `${existing.currency}, ${existing.timeZone}). Choose another slug, or pick that shop from the shop list.`,
  });
}
