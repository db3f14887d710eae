import type { ShopSummary } from '@zhanggui/shared';
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
