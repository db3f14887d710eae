import { localizedReason } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { bindRow, cell, validateRow } from './row-schema.js';

const shape = {
  name: cell.text(5),
  note: cell.optionalText(3),
  total: cell.money(),
  shipping: cell.optional(cell.money()),
  paidAt: cell.optional(cell.instant('Asia/Shanghai')),
};
const bound = bindRow(
  shape,
  { name: 0, note: 1, total: 2, shipping: 3, paidAt: 4 },
  { name: 'Name', note: 'Note', total: 'Total', shipping: 'Shipping', paidAt: 'Paid at' },
);

describe('row validation with the cell schemas', () => {
  it('trims text, reads blank optional cells as null and parses the rest', () => {
    expect(validateRow(bound, ['  #12 ', ' ', '1,659.95', '', '2026-11-11 20:00:00'], 7)).toEqual({
      ok: true,
      value: {
        name: '#12',
        note: null,
        total: 165995,
        shipping: null,
        paidAt: new Date('2026-11-11T12:00:00Z'),
      },
    });
  });

  it('names the column, the value and the reason of every bad cell', () => {
    const result = validateRow(bound, [' ', 'long', 'abc', '1.2.3', '2026-02-30 10:00'], 9);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { line: 9, column: 'Name', value: ' ', reason: 'Name is empty' },
        { line: 9, column: 'Note', value: 'long', reason: 'Note is longer than 3 characters' },
        {
          line: 9,
          column: 'Total',
          value: 'abc',
          reason: 'Total "abc" is not an amount; write it like 1659.95',
        },
        {
          line: 9,
          column: 'Shipping',
          value: '1.2.3',
          reason: 'Shipping "1.2.3" is not an amount; write it like 1659.95',
        },
        {
          line: 9,
          column: 'Paid at',
          value: '2026-02-30 10:00',
          reason: 'Paid at "2026-02-30 10:00" is not a real date and time',
        },
      ],
    });
    // The same reasons as codes, which the Imports page writes out in Chinese.
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.code)).toEqual([
      'empty',
      'tooLong',
      'notAmount',
      'notAmount',
      'notRealDateTime',
    ]);
    expect(errors.map((e) => localizedReason(e, 'zh'))).toEqual([
      'Name：不能为空',
      'Note：超过 3 个字符',
      'Total：“abc”不是金额，请写成 1659.95 这样的格式',
      'Shipping：“1.2.3”不是金额，请写成 1659.95 这样的格式',
      'Paid at：“2026-02-30 10:00”不是真实存在的日期时间',
    ]);
  });
});
