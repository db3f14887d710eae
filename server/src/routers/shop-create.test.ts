import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { describeZodError } from '../trpc/init.js';
import { createCaller } from './_app.js';

let db: TestDb;
let caller: ReturnType<typeof createCaller>;

const EU_STORE = {
  name: 'Berlin Store',
  slug: 'eu-store',
  platform: 'shopify',
  currency: 'eur',
  timeZone: 'europe/berlin',
} as const;

async function shopsWithSlug(slug: string): Promise<number> {
  const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM shops WHERE slug = $1', [slug]);
  return rows[0].n;
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

beforeAll(async () => {
  db = await createTestDb();
  caller = createCaller({ db });
});

describe('shop.create', () => {
  it('creates the shop with its currency upper-cased and its time zone spelled canonically', async () => {
    const result = await caller.shop.create(EU_STORE);
    expect(result).toEqual({
      created: true,
      shop: {
        slug: 'eu-store',
        name: 'Berlin Store',
        platform: 'shopify',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
      },
    });
    expect((await caller.shop.list()).map((s) => s.slug)).toEqual(['eu-store']);
    expect(await caller.shop.bySlug({ shop: 'eu-store' })).toEqual({ ...result.shop, lastOrderAt: null });
  });

  it('tells when the latest order of the shop was placed', async () => {
    await db.pool.query(
      `INSERT INTO orders (shop_id, external_id, status, placed_at, total_cents)
       SELECT id, o.ext, 'paid', o.at::timestamptz, 100 FROM shops,
              (VALUES ('#1', '2026-10-02T08:00:00Z'), ('#2', '2026-10-31T23:15:00Z')) AS o(ext, at)
       WHERE slug = 'eu-store'`,
    );
    const shop = await caller.shop.bySlug({ shop: 'eu-store' });
    expect(shop.lastOrderAt).toBe('2026-10-31T23:15:00.000Z');
    await db.pool.query(`DELETE FROM orders WHERE external_id IN ('#1', '#2')`);
  });

  it('returns the existing shop unchanged when the identical shop is created again', async () => {
    const again = await caller.shop.create({ ...EU_STORE, currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(again.created).toBe(false);
    expect(again.shop.currency).toBe('EUR');
    expect(await shopsWithSlug('eu-store')).toBe(1);
  });

  it('refuses a different shop under a taken slug with CONFLICT naming the slug and the shop that has it', async () => {
    const error = await failure(caller.shop.create({ ...EU_STORE, currency: 'USD' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'The slug "eu-store" is taken by the shop "Berlin Store" (shopify, EUR, Europe/Berlin). ' +
        'Choose another slug, or pick that shop from the shop list.',
    );
    const { rows } = await db.pool.query('SELECT currency FROM shops WHERE slug = $1', ['eu-store']);
    expect(rows).toEqual([{ currency: 'EUR' }]);
  });

  it('creates one shop when the same form is submitted twice at once', async () => {
    const input = { ...EU_STORE, slug: 'double-click' };
    const results = await Promise.all([caller.shop.create(input), caller.shop.create(input)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await shopsWithSlug('double-click')).toBe(1);
  });

  it.each([
    [{ slug: 'EU Store' }, 'slug', 'lowercase letters, digits and dashes'],
    [{ currency: 'EURO' }, 'currency', 'three-letter currency code'],
    [{ currency: 'XYZ' }, 'currency', 'XYZ is not an ISO 4217 currency'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', '"Mars/Olympus" is not an IANA time zone'],
    [{ timeZone: 'EST' }, 'timeZone', '"EST" is not an IANA time zone'],
    [{ name: '  ' }, 'name', 'Give the shop a name.'],
    [{ platform: 'simulated' }, 'platform', 'shopify'],
  ])('refuses %j with BAD_REQUEST on the %s field and creates nothing', async (change, field, message) => {
    const error = await failure(caller.shop.create({ ...EU_STORE, slug: 'bad-input', ...change } as never));
    expect(error.code).toBe('BAD_REQUEST');
    // What the errorFormatter sends to the form: "field: message".
    const sentence = describeZodError(error.cause as ZodError);
    expect(sentence.startsWith(`${field}: `)).toBe(true);
    expect(sentence).toContain(message);
    expect(await shopsWithSlug('bad-input')).toBe(0);
  });
});
