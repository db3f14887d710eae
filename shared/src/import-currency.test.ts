import { describe, expect, it } from 'vitest';
import { rejectedFileCurrency } from './import-currency.js';
import { rowError } from './import-reasons.js';

const mismatch = (file: string, shop = 'CNY') => ({
  line: 2,
  column: 'Currency',
  value: file,
  reason: `Currency ${file} differs from the shop's currency ${shop}; import this file into a shop that keeps ${file}.`,
});

describe('rejectedFileCurrency', () => {
  it('names the currency when every rejected row is in the same other currency', () => {
    expect(rejectedFileCurrency([mismatch('eur'), mismatch('EUR')])).toBe('EUR');
    const leftOut = rowError(3, null, null, {
      code: 'leftOutWithOrder',
      params: { order: '#1001', rejectedLine: 2 },
    });
    expect(rejectedFileCurrency([mismatch('EUR'), leftOut])).toBe('EUR');
    expect(rejectedFileCurrency([leftOut])).toBeNull();
    const coded = rowError(2, 'Currency', 'usd', {
      code: 'currencyMismatch',
      params: { file: 'usd', shop: 'CNY' },
    });
    expect(rejectedFileCurrency([coded, leftOut])).toBe('USD');
    const badPrice = rowError(3, 'Total', 'x', { code: 'notAmount', params: { raw: 'x', column: 'Total' } });
    expect(rejectedFileCurrency([coded, badPrice])).toBeNull();
  });

  it('is null when rows name different currencies or some row failed for another reason', () => {
    expect(rejectedFileCurrency([mismatch('EUR'), mismatch('USD')])).toBeNull();
    expect(
      rejectedFileCurrency([
        mismatch('EUR'),
        { line: 3, column: 'Total', value: 'x', reason: 'Not an amount.' },
      ]),
    ).toBeNull();
    expect(rejectedFileCurrency([])).toBeNull();
  });
});
