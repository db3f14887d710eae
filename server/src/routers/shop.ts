import {
  CreateShopInputSchema,
  HourlyGmvInputSchema,
  ShopKpisInputSchema,
  ShopSlugSchema,
} from '@zhanggui/shared';
import { z } from 'zod';
import { getHourlyGmv, getShopKpis } from '../services/kpis/shop-kpis.js';
import { currentPromotion } from '../services/promotions/current-promotion.js';
import { createShop } from '../services/shops/create-shop.js';
import { findShopBySlug, listShops, shopDetails, toShopSummary } from '../services/shops/find-shop.js';
import { publicProcedure, router } from '../trpc/init.js';

export const shopRouter = router({
  list: publicProcedure.query(async ({ ctx }) => (await listShops(ctx.db.prisma)).map(toShopSummary)),
  bySlug: publicProcedure
    .input(z.object({ shop: ShopSlugSchema }))
    .query(async ({ ctx, input }) =>
      shopDetails(ctx.db.pool, await findShopBySlug(ctx.db.prisma, input.shop)),
    ),
  promotion: publicProcedure
    .input(z.object({ shop: ShopSlugSchema }))
    .query(({ ctx, input }) => currentPromotion(ctx.db.prisma, input.shop)),
  kpis: publicProcedure.input(ShopKpisInputSchema).query(({ ctx, input }) => getShopKpis(ctx.db, input)),
  hourlyGmv: publicProcedure
    .input(HourlyGmvInputSchema)
    .query(({ ctx, input }) => getHourlyGmv(ctx.db, input)),
  /** Creates the shop, or returns it unchanged when the identical shop exists (created: false). */
  create: publicProcedure.input(CreateShopInputSchema).mutation(async ({ ctx, input }) => {
    const { shop, created } = await createShop(ctx.db.pool, input);
    return { shop: toShopSummary(shop), created };
  }),
});
