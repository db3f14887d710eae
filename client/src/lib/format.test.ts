import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  minorUnitsToDecimal,
  NO_VALUE,
  roundMinorUnits,
} from './format';

describe('formatMoney', () => {
  it('formats integer fen as yuan with grouping in Chinese and English', () => {
    expect(formatMoney(1_234_567_890, 'CNY', 'zh-CN')).toBe('¥12,345,678.90');
    expect(formatMoney(1_234_567_890, 'CNY', 'en-US')).toBe('CN¥12,345,678.90');
  });

  it('keeps every digit of amounts beyond float precision of yuan', () => {
    // 2^53 - 1 fen: dividing by 100 as a float would lose the last digit.
    expect(formatMoney(9_007_199_254_740_991, 'CNY', 'en-US')).toBe('CN¥90,071,992,547,409.91');
  });

  it('handles negatives, single fen and zero-decimal currencies', () => {
    expect(formatMoney(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('shortens for axes in the reader’s convention', () => {
    expect(formatMoney(12_345_600, 'CNY', 'zh-CN', { compact: true })).toBe('¥12.3万');
    expect(formatMoney(12_345_600, 'CNY', 'en-US', { compact: true })).toBe('CN¥123.5K');
  });

  it('refuses a fraction of a fen instead of rounding silently', () => {
    expect(() => formatMoney(10.5, 'CNY', 'zh-CN')).toThrow(/whole minor units/);
  });
});

describe('minorUnitsToDecimal and roundMinorUnits', () => {
  it('places the decimal point by the currency’s minor digits', () => {
    expect(minorUnitsToDecimal(7, 2)).toBe('0.07');
    expect(minorUnitsToDecimal(-123456, 2)).toBe('-1234.56');
    expect(minorUnitsToDecimal(42, 0)).toBe('42');
  });

  it('rounds averages half away from zero', () => {
    expect(roundMinorUnits(1234.5)).toBe(1235);
    expect(roundMinorUnits(-1234.5)).toBe(-1235);
    expect(roundMinorUnits(1234.49)).toBe(1234);
  });
});

describe('percent formatters', () => {
  it('formats ratios as percentages with fixed decimals', () => {
    expect(formatPercent(0.03456, 'en-US', 2)).toBe('3.46%');
    expect(formatPercent(1.2, 'zh-CN')).toBe('120.0%');
  });

  it('signs changes so a rise and a fall read differently', () => {
    expect(formatChange(0.1234, 'en-US')).toBe('+12.3%');
    expect(formatChange(-0.05, 'en-US')).toBe('-5.0%');
    expect(formatChange(0, 'en-US')).toBe('0.0%');
  });

  it('shows a dash for undefined figures', () => {
    expect(formatPercent(null, 'en-US')).toBe(NO_VALUE);
    expect(formatChange(null, 'zh-CN')).toBe(NO_VALUE);
    expect(formatCount(null, 'zh-CN')).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN, 'en-US')).toBe(NO_VALUE);
  });

  it('groups counts', () => {
    expect(formatCount(1_234_567, 'zh-CN')).toBe('1,234,567');
  });
});
