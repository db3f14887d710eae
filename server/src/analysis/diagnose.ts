// Runs the six specialists on one shop at one moment and returns every finding, ranked, with the
// "not enough data" gaps: the Diagnosis contract the CLI, the agents and the API share.
import {
  type DataGap,
  type Diagnosis,
  DiagnosisSchema,
  type Finding,
  rankFindings,
  type Specialist,
} from '@zhanggui/shared';
import { AppError } from '../errors.js';
import { analyzeAds } from './ads/index.js';
import { analyzeAfterSales } from './after-sales/index.js';
import { analyzeAnalytics } from './analytics/index.js';
import { analyzeCreatives } from './creatives/index.js';
import { analyzeCustomers } from './customers/index.js';
import { analyzeInventory } from './inventory/index.js';
import { HOUR_MS } from './shared/shop-time.js';
import type { QueryFn, SpecialistAnalysis } from './types.js';

export const SPECIALIST_ANALYSES: Record<Specialist, SpecialistAnalysis> = {
  analytics: analyzeAnalytics,
  ads: analyzeAds,
  creatives: analyzeCreatives,
  inventory: analyzeInventory,
  customers: analyzeCustomers,
  'after-sales': analyzeAfterSales,
};

export interface DiagnoseOptions {
  shop: string;
  /** Defaults to the end of the shop's latest hour of data (or now, for a shop without data). */
  at?: Date;
  specialists?: readonly Specialist[];
}

interface ShopRow extends Record<string, unknown> {
  id: number;
  slug: string;
  currency: string;
  time_zone: string;
}

export async function diagnoseShop(query: QueryFn, options: DiagnoseOptions): Promise<Diagnosis> {
  const [shop] = await query<ShopRow>('SELECT id, slug, currency, time_zone FROM shops WHERE slug = $1', [
    options.shop,
  ]);
  if (!shop) {
    const known = await query<{ slug: string }>('SELECT slug FROM shops ORDER BY slug LIMIT 10');
    const list =
      known.length > 0
        ? `Known shops: ${known.map((k) => k.slug).join(', ')}.`
        : 'The database holds no shop yet; run pnpm simulate first.';
    throw new AppError('NOT_FOUND', { message: `No shop with slug "${options.shop}". ${list}` });
  }
  const at = options.at ?? (await latestDataMoment(query, shop.id)) ?? new Date();
  const context = {
    shopId: shop.id,
    at,
    timeZone: shop.time_zone,
    currency: shop.currency,
    query,
    shared: new Map<string, Promise<unknown>>(),
  };
  const specialists = options.specialists ?? (Object.keys(SPECIALIST_ANALYSES) as Specialist[]);
  const results = await Promise.all(
    specialists.map(async (specialist) => {
      try {
        return await SPECIALIST_ANALYSES[specialist](context);
      } catch (error) {
        throw new Error(
          `The ${specialist} analysis failed for shop "${shop.slug}": ${(error as Error).message}`,
          { cause: error },
        );
      }
    }),
  );
  const findings: Finding[] = rankFindings(results.flatMap((r) => r.findings));
  const gaps: DataGap[] = results.flatMap((r) => r.gaps);
  return DiagnosisSchema.parse({ shop: shop.slug, at: at.toISOString(), findings, gaps });
}

/** An hour whose orders stop earlier than this before its end was cut off: an export or a live feed taken mid-hour. */
const CUT_OFF_HOUR_MS = 5 * 60_000;

/**
 * The end of the shop's latest hour with orders, traffic or ad spend, unless that hour's orders stop
 * well before its end (a file exported at 17:20): its orders would read as a drop, so the moment is
 * that hour's start, and the hour is judged once its data is whole.
 */
export async function latestDataMoment(query: QueryFn, shopId: number): Promise<Date | null> {
  const [row] = await query<{ last: Date | null; last_order: Date | null }>(
    `SELECT greatest(
       (SELECT max(hour) FROM shop_hourly_rollup WHERE shop_id = $1),
       (SELECT max(hour) FROM traffic_hourly WHERE shop_id = $1),
       (SELECT max(hour) FROM ad_campaign_hourly WHERE shop_id = $1)) + interval '1 hour' AS last,
       (SELECT max(placed_at) FROM orders WHERE shop_id = $1) AS last_order`,
    [shopId],
  );
  const last = row?.last ?? null;
  if (!last || !row?.last_order) return last;
  const lastHourStart = new Date(last.getTime() - HOUR_MS);
  const isCutOff =
    row.last_order >= lastHourStart && last.getTime() - row.last_order.getTime() > CUT_OFF_HOUR_MS;
  return isCutOff ? lastHourStart : last;
}
