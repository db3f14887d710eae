import { describe, expect, it } from 'vitest';
import { CreateShopInputSchema, CurrencyCodeSchema, TimeZoneSchema } from './new-shop.js';

describe('new shop contracts', () => {
  it('reads a currency code in any case and stores it upper-case', () => {
    expect(CurrencyCodeSchema.parse(' eur ')).toBe('EUR');
    expect(CurrencyCodeSchema.safeParse('RMB').success).toBe(false);
    expect(CurrencyCodeSchema.safeParse('CN¥').success).toBe(false);
  });

  it('accepts IANA zones in their canonical spelling and refuses offsets and abbreviations', () => {
    expect(TimeZoneSchema.parse('america/toronto')).toBe('America/Toronto');
    expect(TimeZoneSchema.parse('UTC')).toBe('UTC');
    expect(TimeZoneSchema.safeParse('+08:00').success).toBe(false);
    expect(TimeZoneSchema.safeParse('CST').success).toBe(false);
  });

  it('refuses a slug with capitals or spaces and names the field', () => {
    const result = CreateShopInputSchema.safeParse({
      name: 'Paris',
      slug: 'Paris Shop',
      platform: 'shopify',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['slug']);
  });
});
