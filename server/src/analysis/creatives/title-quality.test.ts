import { describe, expect, it } from 'vitest';
import { mergeOverlapping, reviewTitle } from './title-quality.js';

const BEST = [
  '优衣 2026新款白鸭绒羽绒服 加厚女',
  '北面 连帽加厚羽绒服 保暖男',
  '波司登 短款白鸭绒羽绒服 加厚冬季',
  '雪中飞 长款加厚羽绒服 白鸭绒宽松',
  '鸭鸭 轻薄保暖羽绒服 加厚连帽',
];

describe('reviewTitle', () => {
  it('lists the keywords best sellers share that a vague title lacks, and rewrites it with them up front', () => {
    const review = reviewTitle('鸭鸭 慵懒风冬日外套 气质', BEST);
    expect(review.missingKeywords.map((k) => k.keyword)).toEqual(['羽绒服', '加厚']);
    expect(review.rewrittenZh.startsWith('鸭鸭 羽绒服加厚')).toBe(true);
    expect([...review.rewrittenZh.replace(/\s/g, '')].length).toBeLessThanOrEqual(30);
    expect(review.rewrittenEn).toBe('Down jacket Thick Coat');
  });

  it('finds nothing missing in a title that already carries the shared keywords', () => {
    const review = reviewTitle('李宁 加厚羽绒服 男', BEST);
    expect(review.missingKeywords).toEqual([]);
    expect(review.lengthIssue).toBe('too-short');
  });

  it('flags repeated words and over-long titles', () => {
    const review = reviewTitle('加厚羽绒服加厚羽绒服女冬季保暖白鸭绒连帽长款宽松百搭显瘦面包服新款', BEST);
    expect(review.repeatedWords).toEqual(expect.arrayContaining(['加厚']));
    expect(review.lengthIssue).toBe('too-long');
  });

  it("keeps every character of the title's own words and adds no keyword twice", () => {
    const review = reviewTitle('北纬 百搭单品家居好物 高级感', [
      '云栖 纯棉四件套 床上用品 百搭',
      '木槿 四件套床上用品 纯棉',
      '北纬 床上用品四件套 简约',
    ]);
    expect(review.missingKeywords.map((k) => k.keyword)).toEqual(
      expect.arrayContaining(['四件套', '床上用品']),
    );
    expect(review.rewrittenZh).toContain('百搭单品');
    expect(review.rewrittenZh).toContain('高级感');
    expect(review.rewrittenZh.match(/四件套/g)).toHaveLength(1);
  });

  it('drops a missing keyword that a longer missing keyword already contains', () => {
    const review = reviewTitle('暖屿 法式伴手礼 百搭单品', [
      '青禾 零食坚果礼盒 每日坚果',
      '拾光 每日坚果 零食坚果礼盒',
      '云栖 坚果礼盒 零食坚果',
    ]);
    expect(review.rewrittenZh).toContain('伴手礼');
    expect(review.rewrittenZh.match(/坚果/g) ?? []).toHaveLength(1);
  });
});

describe('mergeOverlapping', () => {
  it('joins keywords that share two or more characters at their seam, in either order', () => {
    expect(mergeOverlapping(['坚果礼盒', '零食坚果'])).toEqual(['零食坚果礼盒']);
    expect(mergeOverlapping(['羽绒服', '加厚'])).toEqual(['羽绒服', '加厚']);
  });
});
