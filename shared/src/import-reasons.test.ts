import { describe, expect, it } from 'vitest';
import { localizedReason, reasonText, rowError } from './import-reasons.js';

describe('import reasons', () => {
  it('writes a cell problem in English with the column first, and in Chinese', () => {
    const error = rowError(7, 'Total', 'abc', { code: 'notAmount', params: { raw: 'abc', column: 'Total' } });
    expect(error).toEqual({
      line: 7,
      column: 'Total',
      value: 'abc',
      reason: 'Total "abc" is not an amount; write it like 1659.95',
      code: 'notAmount',
      params: { raw: 'abc', column: 'Total' },
    });
    expect(localizedReason(error, 'zh')).toBe('Total：“abc”不是金额，请写成 1659.95 这样的格式');
    expect(reasonText({ code: 'notAmount', params: { raw: 'abc' } })).toBe(
      '"abc" is not an amount; write it like 1659.95',
    );
  });

  it('fills every parameter into the Chinese text of a file problem', () => {
    const reason = { code: 'rowTooLong', params: { line: 12, maxChars: 16 * 1024 * 1024 } } as const;
    expect(reasonText(reason)).toMatch(/^The row starting on line 12 is longer than 16 MB/);
    expect(reasonText(reason, 'zh')).toMatch(/^从第 12 行开始的一行超过 16 MB/);
    const header = { code: 'headerUnreadable', params: { problemCode: 'unclosedQuote' } } as const;
    expect(reasonText(header)).toBe(
      'The header row cannot be read: A quoted value starting on this line is never closed; the file may be cut off. Check the quotes on this line.',
    );
    expect(reasonText(header, 'zh')).toBe(
      '无法读取表头：从这一行开始的带引号的值没有闭合，文件可能被截断了。请检查这一行的引号。',
    );
    expect(reasonText({ code: 'duplicateKey', params: { key: 'hour and source', firstLine: 3 } }, 'zh')).toBe(
      '小时和渠道与第 3 行相同；每种组合只保留一行。',
    );
  });

  it('keeps the stored English of an error without a code it knows', () => {
    expect(localizedReason({ reason: 'Old text.', code: null, params: null }, 'zh')).toBe('Old text.');
    expect(localizedReason({ reason: 'Newer text.', code: 'fromTheFuture', params: {} }, 'zh')).toBe(
      'Newer text.',
    );
  });
});
