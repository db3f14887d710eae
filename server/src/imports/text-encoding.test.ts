import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding } from './text-encoding.js';
import { encodeGbk } from './writers/gbk.js';

const report = '订单编号,订单状态\n="1001",交易成功\n';

describe('detectEncoding', () => {
  it('tells UTF-8 (with or without BOM), GBK and UTF-16 apart', () => {
    expect(detectEncoding(Buffer.from(report, 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Buffer.from(`\uFEFF${report}`, 'utf8'))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(encodeGbk(report))).toEqual({ encoding: 'gb18030', bomLength: 0 });
    expect(detectEncoding(Buffer.from(`\uFEFF${report}`, 'utf16le'))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
  });

  it('still calls a UTF-8 sample UTF-8 when the sample cuts a character in half', () => {
    const bytes = Buffer.from(report, 'utf8');
    expect(detectEncoding(bytes.subarray(0, 4)).encoding).toBe('utf-8');
  });
});

describe('createDecoder', () => {
  it('decodes GBK split mid-character across chunks', async () => {
    const bytes = encodeGbk(report);
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)];
    const decoded = await text(
      Readable.from(chunks).pipe(createDecoder({ encoding: 'gb18030', bomLength: 0 })),
    );
    expect(decoded).toBe(report);
  });

  it('gives text, not bytes for its reader to decode again, and no empty chunk for a cut character', async () => {
    const bytes = encodeGbk(report);
    const chunks: unknown[] = [];
    // The first chunk ends inside a two-byte character, which decodes to nothing until the next one.
    const decoder = Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]).pipe(
      createDecoder({ encoding: 'gb18030', bomLength: 0 }),
    );
    for await (const chunk of decoder) chunks.push(chunk);
    expect(chunks.every((c) => typeof c === 'string' && c !== '')).toBe(true);
    expect(chunks.join('')).toBe(report);
  });

  it('drops the BOM and fails loudly when a UTF-8 file holds GBK bytes further on', async () => {
    const bytes = Buffer.concat([Buffer.from(`\uFEFFa,b\n`, 'utf8'), encodeGbk('交易成功')]);
    const decoder = Readable.from([bytes]).pipe(createDecoder({ encoding: 'utf-8', bomLength: 3 }));
    await expect(text(decoder)).rejects.toThrow(/not valid UTF-8 near byte 0.*Save it again as UTF-8/);
  });
});
