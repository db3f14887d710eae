// How big each scale is. Order counts are targets: the generated count lands within a few percent.
import type { SimulationScale } from '@zhanggui/shared';

export interface ScaleSpec {
  orders: number;
  skus: number;
  customers: number;
  warehouses: number;
  campaigns: number;
  creativesPerCampaign: number;
  /** Zipf exponent of SKU popularity: a longer catalogue gets a longer tail. */
  zipf: number;
  /**
   * Clicks of an average campaign on a normal day: ad-attributed revenue lands near a quarter of GMV,
   * except at 'tiny', where volume is kept up so a few campaigns still give stable daily ROAS.
   */
  campaignClicksPerDay: number;
}

export const SCALES: Record<SimulationScale, ScaleSpec> = {
  tiny: {
    orders: 2_500,
    skus: 120,
    customers: 1_500,
    warehouses: 3,
    campaigns: 6,
    creativesPerCampaign: 2,
    zipf: 0.95,
    campaignClicksPerDay: 800,
  },
  demo: {
    orders: 20_000,
    skus: 600,
    customers: 10_000,
    warehouses: 4,
    campaigns: 10,
    creativesPerCampaign: 3,
    zipf: 1,
    campaignClicksPerDay: 400,
  },
  '100k': {
    orders: 100_000,
    skus: 2_000,
    customers: 25_000,
    warehouses: 4,
    campaigns: 16,
    creativesPerCampaign: 3,
    zipf: 1,
    campaignClicksPerDay: 1_200,
  },
  '1m': {
    orders: 1_000_000,
    skus: 10_000,
    customers: 100_000,
    warehouses: 5,
    campaigns: 24,
    creativesPerCampaign: 3,
    zipf: 1.05,
    campaignClicksPerDay: 7_500,
  },
};
