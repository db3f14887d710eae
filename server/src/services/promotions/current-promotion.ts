import type { PromotionSummary } from '@zhanggui/shared';
import type { Prisma } from '../../db/client.js';
import { findShopBySlug } from '../shops/find-shop.js';

const PHASE_ORDER = ['preheat', 'launch', 'peak', 'tail'] as const;

/** The shop's promotion running at `at`, else the latest one that started before it; null when none. */
export async function currentPromotion(
  prisma: Prisma,
  slug: string,
  at = new Date(),
): Promise<PromotionSummary | null> {
  const shop = await findShopBySlug(prisma, slug);
  const select = {
    id: true,
    name: true,
    startsAt: true,
    endsAt: true,
    gmvTargetCents: true,
    phases: { select: { phase: true, startsAt: true, endsAt: true, gmvTargetCents: true } },
  } as const;
  const promotion =
    (await prisma.promotion.findFirst({
      where: { shopId: shop.id, startsAt: { lte: at } },
      orderBy: { startsAt: 'desc' },
      select,
    })) ??
    (await prisma.promotion.findFirst({ where: { shopId: shop.id }, orderBy: { startsAt: 'asc' }, select }));
  if (!promotion) return null;
  return {
    id: promotion.id,
    name: promotion.name,
    startsAt: promotion.startsAt.toISOString(),
    endsAt: promotion.endsAt.toISOString(),
    gmvTargetCents: Number(promotion.gmvTargetCents),
    phases: [...promotion.phases]
      .sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))
      .map((p) => ({
        phase: p.phase,
        startsAt: p.startsAt.toISOString(),
        endsAt: p.endsAt.toISOString(),
        gmvTargetCents: Number(p.gmvTargetCents),
      })),
  };
}
