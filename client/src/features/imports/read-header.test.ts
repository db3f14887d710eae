import { describe, expect, it } from 'vitest';
import { decodeSample, headerColumns } from './read-header';

describe('headerColumns', () => {
  it('splits a quoted header with commas inside names', () => {
    expect(headerColumns('Date,"Spend, CNY","Say ""hi""",Clicks\r\n2026-11-11,1,2,3')).toEqual([
      'Date',
      'Spend, CNY',
      'Say "hi"',
      'Clicks',
    ]);
  });

  it('recognises a tab-separated header', () => {
    expect(headerColumns('时间\t渠道\t访客数\n')).toEqual(['时间', '渠道', '访客数']);
  });
});

describe('decodeSample', () => {
  it('reads GBK bytes as Chinese when they are not UTF-8', () => {
    // "时间,渠道" in GBK
    const gbk = new Uint8Array([0xca, 0xb1, 0xbc, 0xe4, 0x2c, 0xc7, 0xfe, 0xb5, 0xc0]);
    expect(decodeSample(gbk)).toBe('时间,渠道');
    expect(decodeSample(new TextEncoder().encode('\uFEFF时间'))).toBe('\uFEFF时间'.slice(1));
  });
});
