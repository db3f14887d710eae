import { describe, expect, it } from 'vitest';
import { copyVariants, draftBannerSvg, escapeXml } from './copy-and-banner.js';

describe('copyVariants', () => {
  it('drafts benefit, spec and promo lines in Chinese and English from product data', () => {
    const variants = copyVariants({
      title: '加厚羽绒服 保暖',
      category: '羽绒服',
      priceCents: 59_900,
      attributes: { color: '黑色', size: 'M' },
      currency: 'CNY',
    });
    expect(variants.map((v) => v.angle)).toEqual(['benefit', 'spec', 'promo']);
    expect(variants[1]!.zh).toBe('羽绒服｜黑色 / M｜加厚');
    expect(variants[1]!.en).toBe('Down jacket | black | ships fast');
    expect(variants[2]!.zh).toBe('双11到手价¥599｜羽绒服限时直降');
  });
});

describe('draftBannerSvg', () => {
  it('escapes text so product data cannot break or inject into the SVG', () => {
    const svg = draftBannerSvg({
      headline: 'A&B <script>',
      subline: '"quoted" \'single\'',
      priceText: '¥99',
    });
    expect(svg).toContain('A&amp;B &lt;script&gt;');
    expect(svg).toContain('&quot;quoted&quot; &apos;single&apos;');
    expect(svg).not.toContain('<script>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('escapes ampersands first so entities are not double-escaped wrongly', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });
});
