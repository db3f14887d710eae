// The customers and SKUs a batch of new orders refers to: matched by external id, created when new,
// with the same rules as the staged merge (merge-orders.ts) so both paths leave the same rows.
import type { OrderRecord } from '../../imports/records.js';
import { copyLine } from './copy-writer.js';
import { CUSTOMER_CONFLICT_SQL } from './order-columns.js';
import type { Statements } from './statement-queue.js';

interface CustomerFacts {
  name: string | null;
  email: string | null;
  city: string | null;
  firstSeen: Date;
}

/** What this import already wrote for a customer, so a later batch only rewrites customers that changed. */
export interface KnownCustomer extends CustomerFacts {
  id: number;
}

export const MAX_KNOWN_CUSTOMERS = 200_000;

/** The batch's customers this import has not met (fresh) and those it knows that bring something new (changed). */
function sortBatchCustomers(orders: OrderRecord[], known: Map<string, KnownCustomer>) {
  const customers = new Map<string, CustomerFacts>();
  for (const o of orders) {
    const c = o.customer;
    if (!c) continue;
    const facts = customers.get(c.externalId);
    if (!facts) {
      customers.set(c.externalId, { name: c.name, email: c.email, city: c.city, firstSeen: o.placedAt });
      continue;
    }
    facts.name ??= c.name;
    facts.email ??= c.email;
    facts.city ??= c.city;
    if (o.placedAt < facts.firstSeen) facts.firstSeen = o.placedAt;
  }
  const fresh: Array<[string, CustomerFacts]> = [];
  const changed: Array<[string, CustomerFacts]> = [];
  for (const entry of customers) {
    const seen = known.get(entry[0]);
    if (!seen) fresh.push(entry);
    else if (!isUnchanged(seen, entry[1])) changed.push(entry);
  }
  return { fresh, changed };
}

/** Upserts the batch's customers into `known` (id and the facts written), skipping unchanged ones. */
export async function upsertBatchCustomers(
  client: Statements,
  shopId: number,
  orders: OrderRecord[],
  known: Map<string, KnownCustomer>,
): Promise<void> {
  const { fresh, changed } = sortBatchCustomers(orders, known);
  const remember = (rows: Array<{ id: number; external_id: string } & CustomerFacts>) => {
    if (known.size + rows.length > MAX_KNOWN_CUSTOMERS) known.clear();
    for (const { external_id, ...customer } of rows) known.set(external_id, customer);
  };
  // Customers this import has not met are most often new to the shop: one insert that skips existing
  // ones gives the new ones' ids (the facts are those sent); those the shop already had join the upsert below.
  if (fresh.length > 0) {
    const { rows } = await client.query<{ id: number; external_id: string }>(
      `INSERT INTO customers (shop_id, external_id, name, email, city, first_seen_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
       ON CONFLICT (shop_id, external_id) DO NOTHING
       RETURNING id, external_id`,
      customerParams(shopId, fresh),
    );
    const inserted = new Map(rows.map((r) => [r.external_id, r.id]));
    const facts = [];
    for (const [externalId, customer] of fresh) {
      const id = inserted.get(externalId);
      if (id === undefined) changed.push([externalId, customer]);
      else facts.push({ id, external_id: externalId, ...customer });
    }
    remember(facts);
  }
  if (changed.length === 0) return;
  await upsertCustomers(client, customerParams(shopId, changed));
  const { rows } = await client.query<{ id: number; external_id: string } & CustomerFacts>(
    `SELECT id, external_id, name, email, city, first_seen_at AS "firstSeen"
     FROM customers WHERE shop_id = $1 AND external_id = ANY($2::text[])`,
    [shopId, changed.map(([ext]) => ext)],
  );
  remember(rows);
}

export const CUSTOMER_COPY_COLUMNS = [
  'shop_id',
  'id',
  'external_id',
  'name',
  'email',
  'city',
  'first_seen_at',
];

/** The statements that write a batch's customers into a shop that had none when this import began. */
export interface NewShopCustomerWrites {
  /** COPY rows (CUSTOMER_COPY_COLUMNS) of the customers new to the shop. */
  copyText: string;
  /** Upsert parameters for customers this import wrote before and now learns more about; null if none. */
  updates: unknown[] | null;
}

/**
 * The batch's customers for a shop that had no customers when the import began, written without a
 * round trip for their ids: every customer the shop has then is one this import wrote, and is in
 * `known` (which is why it must not be cleared). New ones take the ids given, in order; known ones that
 * changed are updated by the upsert's rules, and `known` holds what those rules leave.
 */
export async function newShopCustomerWrites(
  shopId: number,
  orders: OrderRecord[],
  known: Map<string, KnownCustomer>,
  takeIds: (count: number) => Promise<string[]>,
): Promise<NewShopCustomerWrites> {
  const { fresh, changed } = sortBatchCustomers(orders, known);
  const ids = fresh.length > 0 ? await takeIds(fresh.length) : [];
  const rows: string[] = [];
  fresh.forEach(([externalId, c], i) => {
    const id = ids[i]!;
    rows.push(copyLine([shopId, id, externalId, c.name, c.email, c.city, c.firstSeen]));
    known.set(externalId, { id: Number(id), ...c });
  });
  for (const [externalId, c] of changed) {
    const was = known.get(externalId)!;
    known.set(externalId, {
      id: was.id,
      firstSeen: new Date(Math.min(c.firstSeen.getTime(), was.firstSeen.getTime())),
      name: c.name ?? was.name,
      email: c.email ?? was.email,
      city: c.city ?? was.city,
    });
  }
  return { copyText: rows.join(''), updates: changed.length > 0 ? customerParams(shopId, changed) : null };
}

/** Upserts customers given as customerParams (the updates of newShopCustomerWrites, for one). */
export function upsertCustomers(client: Statements, params: unknown[]) {
  return client.query(
    `INSERT INTO customers AS c (shop_id, external_id, name, email, city, first_seen_at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
     ${CUSTOMER_CONFLICT_SQL}`,
    params,
  );
}

function customerParams(shopId: number, customers: Array<[string, CustomerFacts]>) {
  return [
    shopId,
    customers.map(([ext]) => ext),
    customers.map(([, v]) => v.name),
    customers.map(([, v]) => v.email),
    customers.map(([, v]) => v.city),
    customers.map(([, v]) => v.firstSeen),
  ];
}

/** True when upserting these facts would leave the customer as this import last wrote it. */
function isUnchanged(known: KnownCustomer | undefined, facts: CustomerFacts): boolean {
  if (!known) return false;
  return (
    known.firstSeen <= facts.firstSeen &&
    (facts.name ?? known.name) === known.name &&
    (facts.email ?? known.email) === known.email &&
    (facts.city ?? known.city) === known.city
  );
}

/** Fills skuIds with the id of every SKU the batch's lines name, creating the missing ones. */
export async function upsertBatchSkus(
  client: Statements,
  shopId: number,
  orders: OrderRecord[],
  skuIds: Map<string, number>,
): Promise<void> {
  const wanted = new Map<string, { name: string | null; priceCents: number }>();
  for (const o of orders) {
    for (const l of o.lines) {
      if (!l.skuExternalId || skuIds.has(l.skuExternalId)) continue;
      const known = wanted.get(l.skuExternalId);
      if (!known) wanted.set(l.skuExternalId, { name: l.skuName, priceCents: l.unitPriceCents });
      else if (l.unitPriceCents < known.priceCents) known.priceCents = l.unitPriceCents;
    }
  }
  if (wanted.size === 0) return;
  const remember = (rows: Array<{ id: number; external_id: string }>) => {
    for (const r of rows) skuIds.set(r.external_id, r.id);
  };
  const found = await client.query<{ id: number; external_id: string }>(
    'SELECT id, external_id FROM skus WHERE shop_id = $1 AND external_id = ANY($2::text[])',
    [shopId, [...wanted.keys()]],
  );
  remember(found.rows);
  const missing = [...wanted.entries()].filter(([ext]) => !skuIds.has(ext));
  if (missing.length === 0) return;
  const exts = missing.map(([ext]) => ext);
  const names = missing.map(([ext, v]) => v.name ?? ext);
  await client.query(
    `INSERT INTO products (shop_id, external_id, title, category)
     SELECT $1, 'sku:' || ext, name, 'uncategorized' FROM unnest($2::text[], $3::text[]) AS n(ext, name)
     ON CONFLICT (shop_id, external_id) DO NOTHING`,
    [shopId, exts, names],
  );
  const created = await client.query<{ id: number; external_id: string }>(
    `INSERT INTO skus (shop_id, product_id, external_id, name, price_cents)
     SELECT $1, p.id, n.ext, n.name, n.price
     FROM unnest($2::text[], $3::text[], $4::int[]) AS n(ext, name, price)
     JOIN products p ON p.shop_id = $1 AND p.external_id = 'sku:' || n.ext
     ON CONFLICT (shop_id, external_id) DO NOTHING
     RETURNING id, external_id`,
    [shopId, exts, names, missing.map(([, v]) => v.priceCents)],
  );
  remember(created.rows);
}
