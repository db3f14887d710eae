import { describe, expect, it } from 'vitest';
import { detectLanguage, segmentEn, segmentZh } from './segment.js';

describe('segmentZh', () => {
  it('merges merchant terms that ICU splits into single characters', () => {
    expect(segmentZh('2025新款加厚羊毛围巾女冬季保暖百搭')).toEqual([
      '2025',
      '新款',
      '加厚',
      '羊毛',
      '围巾',
      '女',
      '冬季',
      '保暖',
      '百搭',
    ]);
  });

  it('drops punctuation and spaces and keeps after-sales vocabulary whole', () => {
    expect(segmentZh('尺码偏小，物流很快！')).toEqual(['尺码', '偏小', '物流', '很快']);
  });

  it('returns no words for empty text', () => {
    expect(segmentZh('')).toEqual([]);
  });
});

describe('segmentEn', () => {
  it('lower-cases, decodes HTML entities and joins contractions', () => {
    expect(segmentEn('Didn&#39;t FIT, runs small')).toEqual(['didnt', 'fit', 'runs', 'small']);
  });
});

describe('detectLanguage', () => {
  it('trusts a stored zh/en tag and otherwise counts Han characters', () => {
    expect(detectLanguage('whatever', 'zh-CN')).toBe('zh');
    expect(detectLanguage('质量很好 good')).toBe('zh');
    expect(detectLanguage('Great quality, 好')).toBe('en');
  });
});
