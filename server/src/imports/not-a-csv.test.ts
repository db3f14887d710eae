import { reasonText } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { notACsvProblem } from './not-a-csv.js';
import { tempFile } from './test-files.js';
import { readAll } from './testing.js';
import { encodeGbk } from './writers/gbk.js';

describe('notACsvProblem', () => {
  it('names workbooks, archives and PDFs from their first bytes', () => {
    const text = (bytes: Buffer) => {
      const problem = notACsvProblem(bytes);
      return problem && reasonText(problem);
    };
    expect(text(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'))).toMatch(
      /^This is an Excel workbook \(\.xlsx\)/,
    );
    expect(text(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatch(
      /old Excel workbook \(\.xls\)/,
    );
    expect(text(Buffer.from([0x1f, 0x8b, 0x08, 0]))).toMatch(/compressed \(gzip\)/);
    expect(text(Buffer.from('%PDF-1.7\n', 'latin1'))).toMatch(/PDF document/);
    expect(text(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatch(
      /binary data/,
    );
  });

  it('lets text through: UTF-8, GBK and UTF-16 (whose ASCII is half NUL)', () => {
    expect(notACsvProblem(Buffer.from('Name,Email\n#1001,a@b.c\n', 'utf8'))).toBeNull();
    expect(notACsvProblem(encodeGbk('订单编号,买家会员名\n1,张三\n'))).toBeNull();
    expect(notACsvProblem(Buffer.from('\uFEFFName,Email\n', 'utf16le'))).toBeNull();
    expect(notACsvProblem(Buffer.alloc(0))).toBeNull();
  });

  it('stops an upload of a workbook with that message on line 0, reading nothing', async () => {
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 7)]);
    await expect(readAll(await tempFile('orders.xlsx', workbook))).rejects.toMatchObject({
      name: 'ImportFileError',
      line: 0,
      message: expect.stringMatching(/^This is an Excel workbook/),
    });
  });
});
