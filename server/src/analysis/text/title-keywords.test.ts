import { describe, expect, it } from 'vitest';
import { translateWords } from './glossary.js';
import { sharedKeywords, titleCarries } from './title-keywords.js';

describe('sharedKeywords', () => {
  it('finds the category words every best seller carries, as whole runs', () => {
    const titles = [
      '优衣 2026新款白鸭绒羽绒服 加厚女',
      '北面 连帽加厚羽绒服 保暖男',
      '波司登 短款白鸭绒羽绒服 加厚冬季',
    ];
    expect(sharedKeywords(titles)).toEqual([
      { keyword: '羽绒服', coverage: 1 },
      { keyword: '加厚', coverage: 1 },
    ]);
  });

  it('works on English titles word by word and ignores bare numbers', () => {
    const titles = ['Wool Scarf Women 2026', 'Cashmere Wool Scarf 2026', 'Warm Wool Scarf'];
    expect(sharedKeywords(titles).map((k) => k.keyword)).toEqual(['scarf', 'wool']);
  });

  it('keeps the Latin words of Chinese titles whole, so every title that has them carries them', () => {
    const titles = ['商品 17 Product', '商品 4 Product', 'ins风 商品 9 Product', '商品 Product 12'];
    const keywords = sharedKeywords(titles);
    expect(keywords.map((k) => k.keyword)).toEqual(['product', '商品']);
    for (const title of titles) expect(keywords.every((k) => titleCarries(title, k.keyword))).toBe(true);
  });

  it('returns nothing for no titles', () => {
    expect(sharedKeywords([])).toEqual([]);
  });
});

describe('titleCarries', () => {
  it('checks Chinese by substring and English by whole word', () => {
    expect(titleCarries('优衣 慵懒冬日外套', '羽绒服')).toBe(false);
    expect(titleCarries('白鸭绒羽绒服', '羽绒服')).toBe(true);
    expect(titleCarries('Woolly hat', 'wool')).toBe(false);
  });
});

describe('translateWords', () => {
  it('translates known merchant words once each and leaves the rest out', () => {
    expect(translateWords(['羽绒服', '加厚', '优衣', '加厚'])).toEqual(['down jacket', 'thick']);
  });
});
