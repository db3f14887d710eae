// Simulates a whole shop season in memory (typed columns, no database): catalogue, customers, the
// problem plan, orders, after-sales, stock and ads. Every subsystem draws from its own seeded stream.
import type { ResolvedSimulateOptions } from '@zhanggui/shared';
import { type Ads, simulateAds } from './ads.js';
import { type AfterSales, simulateAfterSales } from './after-sales.js';
import { buildSeason, type Season } from './calendar.js';
import { buildCatalog, type Catalog } from './catalog.js';
import { buildCustomers, type Customers } from './customers.js';
import { Demand, PriceBook } from './demand.js';
import { type Sales, simulateOrders } from './orders.js';
import { type Plan, planProblems } from './plan.js';
import { Rng } from './random.js';
import { SCALES, type ScaleSpec } from './scales.js';
import { planStock, type Stock } from './stock.js';

export interface World {
  options: ResolvedSimulateOptions;
  season: Season;
  spec: ScaleSpec;
  catalog: Catalog;
  customers: Customers;
  plan: Plan;
  demand: Demand;
  prices: PriceBook;
  sales: Sales;
  afterSales: AfterSales;
  stock: Stock;
  ads: Ads;
}

export function simulateWorld(options: ResolvedSimulateOptions): World {
  const { seed } = options;
  const season = buildSeason(options.year);
  const spec = SCALES[options.scale];
  const catalog = buildCatalog(new Rng(seed, 'catalog'), spec);
  const customers = buildCustomers(new Rng(seed, 'customers'), spec);
  const plan = planProblems(new Rng(seed, 'plan'), options.preset, spec, catalog, customers);
  const demand = new Demand(catalog, plan);
  const prices = new PriceBook(catalog, plan);
  const sales = simulateOrders(
    new Rng(seed, 'orders'),
    season,
    spec.orders,
    catalog,
    customers,
    plan,
    demand,
    prices,
  );
  const afterSales = simulateAfterSales(new Rng(seed, 'after-sales'), season, catalog, plan, sales);
  const stock = planStock(new Rng(seed, 'stock'), season, catalog, plan, sales);
  const ads = simulateAds(new Rng(seed, 'ads'), season, spec, catalog, plan);
  return { options, season, spec, catalog, customers, plan, demand, prices, sales, afterSales, stock, ads };
}
