import type { ShopDetails, ShopSummary } from '@zhanggui/shared';
import type pg from 'pg';
import type { Prisma } from '../../db/client.js';
import { AppError } from '../../errors.js';

export interface ShopRow extends ShopSummary {
  id: number;
}

/** What leaves the server about a shop. */
const SHOP_SELECT = {
  id: true,
  slug: true,
  name: true,
  platform: true,
  currency: true,
  timeZone: true,
} as const;

export async function findShopBySlug(prisma: Prisma, slug: string): Promise<ShopRow> {
  const shop = await prisma.shop.findUnique({ where: { slug }, select: SHOP_SELECT });
  if (!shop) {
    throw new AppError('NOT_FOUND', { message: `No shop with slug "${slug}". Pick one from the shop list.` });
  }
  return shop;
}

export async function listShops(prisma: Prisma): Promise<ShopRow[]> {
  return prisma.shop.findMany({ select: SHOP_SELECT, orderBy: { slug: 'asc' } });
}

/** The shop as the client sees it: no internal id. */
export function toShopSummary({ id: _id, ...summary }: ShopRow): ShopSummary {
  return summary;
}

/** The shop with the time of its latest order (an index lookup on orders (shop_id, placed_at)). */
export async function shopDetails(pool: pg.Pool, shop: ShopRow): Promise<ShopDetails> {
  const { rows } = await pool.query<{ last: Date | null }>(
    'SELECT max(placed_at) AS last FROM orders WHERE shop_id = $1',
    [shop.id],
  );
  return { ...toShopSummary(shop), lastOrderAt: rows[0]?.last?.toISOString() ?? null };
}
