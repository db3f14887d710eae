// Selling-point copy variants from product data, and a simple SVG banner draft (text escaped for XML).
import { translateWords } from '../text/glossary.js';
import { segmentWords } from '../text/segment.js';

export interface ProductCopyInput {
  title: string;
  category: string;
  priceCents: number;
  /** SKU or product attributes such as { color: '黑色', size: 'M' }. */
  attributes: Record<string, unknown>;
  currency: string;
}

export interface CopyVariant {
  angle: 'benefit' | 'spec' | 'promo';
  zh: string;
  en: string;
}

function yuan(cents: number, currency: string): string {
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${symbol}${Math.round(cents / 100)}`;
}

export function copyVariants(input: ProductCopyInput): CopyVariant[] {
  const words = segmentWords(input.title, 'zh').filter((w) => [...w].length >= 2 && w !== input.category);
  const features = words.slice(0, 2);
  const featureEn = translateWords(features);
  const categoryEn = translateWords([input.category])[0] ?? 'this pick';
  const attributeValues = Object.values(input.attributes).filter((v): v is string => typeof v === 'string');
  const attributeEn = translateWords(attributeValues);
  const price = yuan(input.priceCents, input.currency);
  return [
    {
      angle: 'benefit',
      zh: `${features.join(' · ') || '品质之选'}｜这件${input.category}，穿用都安心`,
      en: `${capitalize(featureEn.join(', ') || 'quality')} — a ${categoryEn} you can count on`,
    },
    {
      angle: 'spec',
      zh: `${input.category}｜${attributeValues.join(' / ') || '多款可选'}｜${features[0] ?? '现货速发'}`,
      en: `${capitalize(categoryEn)} | ${attributeEn.join(' / ') || 'several options'} | ships fast`,
    },
    {
      angle: 'promo',
      zh: `双11到手价${price}｜${input.category}限时直降`,
      en: `Double 11 price ${price} — ${categoryEn}, this week only`,
    },
  ];
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A 1200×628 banner: headline, sub-line and a price tag; text only, so it renders anywhere. */
export function draftBannerSvg(banner: { headline: string; subline: string; priceText: string }): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628" viewBox="0 0 1200 628">',
    '<rect width="1200" height="628" fill="#fff4e6"/>',
    '<rect x="0" y="520" width="1200" height="108" fill="#e4393c"/>',
    `<text x="60" y="220" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-size="64" font-weight="700" fill="#222">${escapeXml(banner.headline)}</text>`,
    `<text x="60" y="310" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-size="36" fill="#555">${escapeXml(banner.subline)}</text>`,
    `<text x="60" y="592" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-size="48" font-weight="700" fill="#fff">${escapeXml(banner.priceText)}</text>`,
    '</svg>',
  ].join('');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
