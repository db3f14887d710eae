import { type ImportReason, reasonText } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { parseCount, parseDay, parseInstant, parseMoneyCents } from './values.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: ImportReason }) =>
  parsed.ok ? parsed.value : reasonText(parsed.reason);

describe('parseMoneyCents', () => {
  it('reads amounts exactly as integer cents, without float drift', () => {
    expect(value(parseMoneyCents('1659.95'))).toBe(165995);
    expect(value(parseMoneyCents('0.29'))).toBe(29);
    expect(value(parseMoneyCents('1,200.5'))).toBe(120050);
    expect(value(parseMoneyCents('¥12'))).toBe(1200);
    expect(value(parseMoneyCents('-3.10'))).toBe(-310);
  });

  it('rounds a third decimal half away from zero', () => {
    expect(value(parseMoneyCents('1.429999948'))).toBe(143);
    expect(value(parseMoneyCents('1.425'))).toBe(143);
    expect(value(parseMoneyCents('1.424'))).toBe(142);
  });

  it('rejects text, scientific notation and empty cells with the value in the reason', () => {
    expect(value(parseMoneyCents('abc'))).toBe('"abc" is not an amount; write it like 1659.95');
    expect(parseMoneyCents('7.09434e-39').ok).toBe(false);
    expect(parseMoneyCents('').ok).toBe(false);
    expect(parseMoneyCents('99999999999').ok).toBe(false);
    expect(value(parseMoneyCents('x'.repeat(100_000)))).toBe(
      `"${'x'.repeat(120)}…" is not an amount; write it like 1659.95`,
    );
  });

  it('reads the common "digits.two digits" form the same way, up to the largest amount a row holds', () => {
    expect(value(parseMoneyCents('08.90'))).toBe(890);
    expect(value(parseMoneyCents('0.00'))).toBe(0);
    expect(value(parseMoneyCents('21474836.47'))).toBe(2_147_483_647);
    expect(value(parseMoneyCents('21474836.48'))).toBe('"21474836.48" is too large an amount');
    expect(value(parseMoneyCents('99999999.99'))).toBe('"99999999.99" is too large an amount');
    expect(parseMoneyCents('.50').ok).toBe(false);
    expect(value(parseMoneyCents('1.5x'))).toBe('"1.5x" is not an amount; write it like 1659.95');
  });
});

describe('parseCount', () => {
  it('accepts whole numbers and rejects fractions and negatives', () => {
    expect(value(parseCount('1,200'))).toBe(1200);
    expect(parseCount('1.5').ok).toBe(false);
    expect(parseCount('-1').ok).toBe(false);
  });
});

describe('parseInstant', () => {
  it("honours Shopify's explicit offset", () => {
    expect(value(parseInstant('2025-05-11 09:55:16 -0400', 'Asia/Shanghai'))).toEqual(
      new Date('2025-05-11T13:55:16Z'),
    );
    expect(value(parseInstant('2026-11-11T00:00:00+08:00', 'UTC'))).toEqual(new Date('2026-11-10T16:00:00Z'));
  });

  it("reads a time without offset in the shop's time zone, across daylight saving", () => {
    expect(value(parseInstant('2016-04-27 18:28:03', 'Asia/Shanghai'))).toEqual(
      new Date('2016-04-27T10:28:03Z'),
    );
    expect(value(parseInstant('2026/1/15 09:00', 'America/Toronto'))).toEqual(
      new Date('2026-01-15T14:00:00Z'),
    );
    expect(value(parseInstant('2026-07-15 09:00', 'America/Toronto'))).toEqual(
      new Date('2026-07-15T13:00:00Z'),
    );
  });

  it('rejects impossible dates rather than rolling them over', () => {
    expect(value(parseInstant('2026-02-30 10:00', 'UTC'))).toBe(
      '"2026-02-30 10:00" is not a real date and time',
    );
    expect(parseInstant('2026-01-01 24:00', 'UTC').ok).toBe(false);
    expect(parseInstant('yesterday', 'UTC').ok).toBe(false);
  });

  it("reads Shopify's own form like any other, leap days, offsets and impossible times included", () => {
    // The form Shopify writes every instant in has a fast path of its own; it must agree with the rest.
    for (const [shopify, iso] of [
      ['2028-02-29 23:59:59 +0000', '2028-02-29T23:59:59Z'],
      ['2026-12-31 20:00:13 -0400', '2027-01-01T00:00:13Z'],
      ['2026-11-11 00:00:00 +0545', '2026-11-10T18:15:00Z'],
      ['2000-02-29 12:00:00 +0800', '2000-02-29T04:00:00Z'],
    ] as const) {
      expect(value(parseInstant(shopify, 'UTC'))).toEqual(new Date(iso));
      expect(
        value(parseInstant(shopify.replace(' ', 'T').replace(/ ([+-]\d\d)(\d\d)$/, '$1:$2'), 'UTC')),
      ).toEqual(new Date(iso));
    }
    for (const impossible of [
      '2026-02-29 10:00:00 +0800',
      '1900-02-29 10:00:00 +0800',
      '2026-13-01 10:00:00 +0800',
    ]) {
      expect(value(parseInstant(impossible, 'UTC'))).toBe(`"${impossible}" is not a real date and time`);
    }
    expect(value(parseInstant('2026-11-11 10:60:00 +0800', 'UTC'))).toContain('is not a real date and time');
    expect(value(parseInstant('2026-11-11 10:00:00 +08x0', 'UTC'))).toContain('is not a date and time');
  });

  it('reads the same local time again in another time zone as that zone says', () => {
    expect(value(parseInstant('2026-11-11 09:00', 'Asia/Shanghai'))).toEqual(
      new Date('2026-11-11T01:00:00Z'),
    );
    expect(value(parseInstant('2026-11-11 09:00', 'UTC'))).toEqual(new Date('2026-11-11T09:00:00Z'));
    const first = value(parseInstant('2026-11-11 09:00', 'UTC'));
    const again = value(parseInstant('2026-11-11 09:00', 'UTC'));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});

describe('parseDay', () => {
  it('reads a calendar day as UTC midnight and refuses a time part', () => {
    expect(value(parseDay('2026/11/11'))).toEqual(new Date('2026-11-11T00:00:00Z'));
    expect(parseDay('2026-11-11 10:00').ok).toBe(false);
    expect(parseDay('2026-13-01').ok).toBe(false);
  });
});
