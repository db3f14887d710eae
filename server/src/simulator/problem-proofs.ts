// Proves a manifest entry against the loaded rows with the pattern oracles: returns the claims that
// do not hold (an empty list means the planted problem is really there, where and as big as stated).
import type { PlantedProblem, ProblemType } from '@zhanggui/shared';
import type pg from 'pg';
import { CATEGORIES } from './categories.js';
import {
  budgetsGoneBeforePeak,
  campaignRoas,
  creativeDecay,
  dailyStock,
  overstocked,
  priceChanges,
  searchShares,
  skuConversion,
  stockOuts,
} from './pattern-queries.js';
import {
  lateShares,
  orderCountsBefore,
  returnRate,
  reviewMix,
  silentFrequentBuyers,
} from './pattern-queries-people.js';

type Db = pg.Pool | pg.ClientBase;
const DAY_MS = 86_400_000;
const SHOP_OFFSET_MS = 8 * 3_600_000;

/** The shop-local date (YYYY-MM-DD) of an instant, shifted by whole days. */
export function localDay(iso: string, plusDays = 0): string {
  return new Date(Date.parse(iso) + SHOP_OFFSET_MS + plusDays * DAY_MS).toISOString().slice(0, 10);
}

const shiftIso = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
const near = (a: number | null, b: number, tolerance: number) => a !== null && Math.abs(a - b) <= tolerance;

class Claims {
  readonly failed: string[] = [];
  check(ok: boolean, claim: string, detail: unknown = ''): void {
    if (!ok) this.failed.push(`${claim} ${JSON.stringify(detail)}`);
  }
}

type Proof = (db: Db, shopId: number, problem: PlantedProblem, claims: Claims) => Promise<void>;
const ids = (p: PlantedProblem) => p.entities.map((e) => Number(e.id));

const PROOFS: Record<ProblemType, Proof> = {
  async 'search-traffic-gap'(db, shopId, p, claims) {
    const planted = new Set(ids(p));
    const shares = await searchShares(db, shopId, 100);
    const weak = shares.filter((s) => s.share < 0.5 * s.category_median).map((s) => s.sku_id);
    claims.check(
      weak.length > 0 && weak.every((id) => planted.has(id)),
      'only planted SKUs get < half their category search share',
      weak,
    );
    const plantedRows = shares.filter((s) => planted.has(s.sku_id));
    claims.check(
      plantedRows.every((s) => weak.includes(s.sku_id)),
      'every planted SKU with traffic shows the gap',
      plantedRows,
    );
    for (const row of plantedRows) {
      const category = CATEGORIES.find((c) => c.name === row.category)!;
      claims.check(
        !category.keywords.some((k) => row.title.includes(k)),
        'a weak title carries no category keyword',
        row.title,
      );
    }
    const peers = shares.filter(
      (s) => !planted.has(s.sku_id) && plantedRows.some((r) => r.category === s.category),
    );
    const head = (category: string) => CATEGORIES.find((c) => c.name === category)!.keywords[0]!;
    const withHead = peers.filter((s) => s.title.includes(head(s.category))).length;
    claims.check(withHead >= 0.9 * peers.length, 'peers carry the head keyword', {
      withHead,
      peers: peers.length,
    });
  },
  async 'price-rise-conversion-drop'(db, shopId, p, claims) {
    const [skuId] = ids(p);
    const change = (await priceChanges(db, shopId)).find((c) => c.sku_id === skuId);
    claims.check(
      change !== undefined && change.rise >= 0.2 && change.rise <= 0.4,
      'a 20–40% price rise',
      change,
    );
    claims.check(
      change?.day === localDay(p.window.from),
      'the rise takes effect when the window opens',
      change,
    );
    const from = localDay(p.window.from);
    const before = await skuConversion(db, shopId, skuId!, localDay(p.window.from, -10), from);
    const after = await skuConversion(db, shopId, skuId!, from, localDay(p.window.to));
    claims.check(
      after.rate !== null && before.rate !== null && after.rate < 0.6 * before.rate,
      'conversion falls',
      { before, after },
    );
    claims.check(after.visits >= 0.6 * before.visits, 'visits hold', { before, after });
    claims.check(near(before.rate, p.magnitude.baseline, 1e-3), 'manifest baseline matches SQL', before);
    claims.check(near(after.rate, p.magnitude.actual, 1e-3), 'manifest conversion matches SQL', after);
  },
  async 'roas-collapse'(db, shopId, p, claims) {
    const [campaignId] = ids(p);
    const during = await campaignRoas(
      db,
      shopId,
      campaignId!,
      localDay(p.window.from),
      localDay(p.window.to),
    );
    const before = await campaignRoas(
      db,
      shopId,
      campaignId!,
      localDay(p.window.from, -7),
      localDay(p.window.from),
    );
    claims.check(during !== null && during < 1, 'ROAS below 1 in the window', during);
    claims.check(before !== null && before > 2, 'healthy ROAS before', before);
    claims.check(
      near(during, p.magnitude.actual, 1e-3) && near(before, p.magnitude.baseline, 1e-3),
      'manifest ROAS matches SQL',
      { during, before },
    );
  },
  async 'budget-exhausted-before-peak'(db, shopId, p, claims) {
    const gone = await budgetsGoneBeforePeak(db, shopId, localDay(p.window.from));
    claims.check(
      gone.length === 1 && gone[0]!.campaign_id === ids(p)[0],
      'only the planted campaign ran dry',
      gone,
    );
    claims.check(
      gone[0]?.last_spend_hour === p.magnitude.actual && p.magnitude.actual <= 17,
      'hours before 20:00',
      gone,
    );
  },
  async 'creative-fatigue'(db, shopId, p, claims) {
    const decay = await creativeDecay(db, shopId, 10);
    const [creativeId] = ids(p);
    const planted = decay.find((d) => d.creative_id === creativeId);
    claims.check(planted !== undefined && planted.ratio <= 0.5, 'CTR halves within 10 days', planted);
    const others = decay.filter((d) => d.creative_id !== creativeId && d.ratio < 0.7);
    claims.check(others.length === 0, 'no other creative decays', others);
  },
  async 'stock-out'(db, shopId, p, claims) {
    const [skuId] = ids(p);
    const outs = await stockOuts(db, shopId);
    claims.check(outs.length === 1 && outs[0]!.sku_id === skuId, 'only the planted SKU stocks out', outs);
    claims.check(
      (outs[0]?.visits_after ?? 0) > 0 && outs[0]?.orders_after === 0,
      'visits continue, orders stop',
      outs[0],
    );
    const first = localDay(p.window.from);
    claims.check(['11-10', '11-11'].includes(first.slice(5)), 'it runs out in the peak phase', first);
    const lastFullDay = localDay(p.window.to, -1);
    for (const day of await dailyStock(db, shopId, skuId!)) {
      if (day.day < first) claims.check(day.on_hand > 0, 'stock before the window', day);
      else if (day.day < lastFullDay) claims.check(day.on_hand === 0, 'no stock inside the window', day);
    }
  },
  async overstock(db, shopId, p, claims) {
    const found = (await overstocked(db, shopId)).map((o) => o.sku_id);
    claims.check(
      JSON.stringify(found) === JSON.stringify([...ids(p)].sort((a, b) => a - b)),
      'exactly the planted SKUs',
      found,
    );
    claims.check(
      p.magnitude.actual >= 90 && p.magnitude.baseline < 60,
      'months of cover against a normal shop',
      p.magnitude,
    );
  },
  async 'churn-risk'(db, shopId, p, claims) {
    const silent = (await silentFrequentBuyers(db, shopId, p.window.to)).map((c) => c.customer_id);
    claims.check(
      ids(p).every((id) => silent.includes(id)),
      'every planted customer went silent',
      { silent },
    );
    const p95 = await orderCountsBefore(db, shopId, shiftIso(p.window.from, 1 / 86_400));
    const { rows } = await db.query<{ customer_id: number; n: number }>(
      'SELECT customer_id, count(*)::int AS n FROM orders WHERE shop_id = $1 AND customer_id = ANY($2) GROUP BY customer_id',
      [shopId, ids(p)],
    );
    claims.check(
      rows.length === ids(p).length && rows.every((r) => r.n > p95),
      'top-5% buyers before they left',
      { p95, rows },
    );
  },
  async 'return-spike'(db, shopId, p, claims) {
    const [skuId] = ids(p);
    const during = await returnRate(db, shopId, skuId!, p.window.from, p.window.to);
    const rest = await returnRate(db, shopId, skuId!, p.window.from, p.window.to, true);
    claims.check(during.rate !== null && during.rate >= 0.25, 'a high refund rate in the window', during);
    claims.check(
      during.rate !== null && during.rate >= 3 * (rest.rate ?? 0),
      'several times the rest of the season',
      { rest, during },
    );
    claims.check(
      near(during.rate, p.magnitude.actual, 1e-3) && near(rest.rate, p.magnitude.baseline, 1e-3),
      'manifest rates match SQL',
      { rest, during },
    );
    claims.check(
      during.top_count >= 0.6 * during.refunds && p.description.includes(during.top_reason ?? '-'),
      'one dominant reason',
      during,
    );
  },
  async 'late-shipments'(db, shopId, p, claims) {
    const shares = await lateShares(db, shopId, p.window.from, p.window.to, p.window.to);
    const [warehouseId] = ids(p);
    const own = shares.find((s) => s.warehouse_id === warehouseId);
    const others = shares.filter((s) => s.warehouse_id !== warehouseId);
    const othersLate =
      others.reduce((n, s) => n + s.late_share * s.shipments, 0) /
      others.reduce((n, s) => n + s.shipments, 0);
    claims.check(
      own !== undefined && own.late_share >= 3 * othersLate,
      'several times the others’ late share',
      { own, othersLate },
    );
    claims.check(
      near(own?.late_share ?? null, p.magnitude.actual, 1e-3),
      'manifest late share matches SQL',
      own,
    );
  },
  async 'negative-review-surge'(db, shopId, p, claims) {
    const [skuId] = ids(p);
    const during = await reviewMix(db, shopId, skuId!, p.window.from, p.window.to);
    const before = await reviewMix(db, shopId, skuId!, '2000-01-01T00:00:00Z', p.window.from);
    claims.check(during.reviews >= 5 && (during.lowShare ?? 0) >= 0.5, 'a burst of 1–2 star reviews', during);
    claims.check(during.low_zh > 0 && during.low_en > 0, 'in Chinese and English', during);
    claims.check(
      (before.lowShare ?? 0) < 0.25 && (during.lowShare ?? 0) >= 2.5 * (before.lowShare ?? 0),
      'mostly good reviews before',
      before,
    );
    claims.check(near(during.lowShare, p.magnitude.actual, 1e-3), 'manifest share matches SQL', during);
  },
};

/** The claims of a planted problem that the loaded rows contradict; empty when it is proven. */
export async function disprovedClaims(db: Db, shopId: number, problem: PlantedProblem): Promise<string[]> {
  const claims = new Claims();
  await PROOFS[problem.type](db, shopId, problem, claims);
  return claims.failed;
}
