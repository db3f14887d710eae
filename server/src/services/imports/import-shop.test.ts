import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { findOrCreateImportShop } from './import-shop.js';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});

describe('findOrCreateImportShop', () => {
  it('refuses to invent a shop and says how to create it', async () => {
    await expect(findOrCreateImportShop(db.pool, 'nope', null)).rejects.toThrow(
      'No shop "nope". Create it with --create --currency <CNY|EUR|…> --time-zone <Asia/Shanghai|…>',
    );
  });

  it('creates a shop with the platform of the format, then finds it again', async () => {
    const created = await findOrCreateImportShop(
      db.pool,
      'tmall-1',
      { currency: 'cny', timeZone: 'Asia/Shanghai' },
      'taobao-orders',
    );
    expect(created).toMatchObject({
      slug: 'tmall-1',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      created: true,
    });
    const { rows } = await db.pool.query('SELECT platform FROM shops WHERE slug = $1', ['tmall-1']);
    expect(rows[0].platform).toBe('taobao');
    expect(await findOrCreateImportShop(db.pool, 'tmall-1', null)).toMatchObject({
      id: created.id,
      created: false,
    });
  });

  it('rejects a time zone that does not exist', async () => {
    await expect(
      findOrCreateImportShop(db.pool, 'mars', { currency: 'EUR', timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow('To create shop "mars", give --time-zone: "Mars/Olympus" is not an IANA time zone');
  });
});
