import { describe, expect, it } from 'vitest';
import { checkNewShop, initialNewShopValues, platformOfFormat, slugFromName } from './new-shop-values';

const FALLBACK = { currency: 'CNY', timeZone: 'Asia/Shanghai' };

describe('New shop form values', () => {
  it('suggests a slug of lowercase letters, digits and dashes from the name', () => {
    expect(slugFromName('Berlin Store 2')).toBe('berlin-store-2');
    expect(slugFromName('  Café Crème — Paris!  ')).toBe('cafe-creme-paris');
    expect(slugFromName('掌柜旗舰店')).toBe('');
    expect(slugFromName(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
  });

  it('opens prefilled with the rejected file’s currency and its platform, else the current shop’s currency', () => {
    expect(initialNewShopValues({ currency: 'eur', platform: 'shopify' }, FALLBACK)).toMatchObject({
      currency: 'EUR',
      platform: 'shopify',
      timeZone: 'Asia/Shanghai',
    });
    expect(initialNewShopValues({ currency: 'euro', platform: 'amazon' }, FALLBACK)).toMatchObject({
      currency: 'CNY',
      platform: 'shopify',
    });
    expect(platformOfFormat('taobao-orders')).toBe('taobao');
    expect(platformOfFormat(null)).toBe('other');
  });

  it('names each field the server would refuse, and passes a valid shop through normalised', () => {
    const bad = checkNewShop({
      name: '',
      slug: 'Berlin',
      platform: 'shopify',
      currency: 'XYZ',
      timeZone: 'EST',
    });
    expect(bad).toEqual({ ok: false, problems: { name: true, slug: true, currency: true, timeZone: true } });
    const good = checkNewShop({
      name: 'Berlin',
      slug: 'berlin',
      platform: 'shopify',
      currency: 'eur',
      timeZone: 'europe/berlin',
    });
    expect(good).toEqual({
      ok: true,
      input: {
        name: 'Berlin',
        slug: 'berlin',
        platform: 'shopify',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
      },
    });
  });
});
