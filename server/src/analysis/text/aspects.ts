// What a review is about: keyword lexicons per aspect in Chinese and English. Small and explicit on
// purpose: a merchant can read why a review counted as a logistics complaint.
import type { TextLanguage } from './segment.js';

export const ASPECTS = ['fit', 'quality', 'logistics', 'service', 'price', 'appearance'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const ASPECT_LABELS: Record<Aspect, { zh: string; en: string }> = {
  fit: { zh: '尺码', en: 'fit and size' },
  quality: { zh: '质量', en: 'quality' },
  logistics: { zh: '物流', en: 'delivery' },
  service: { zh: '客服', en: 'customer service' },
  price: { zh: '价格', en: 'price' },
  appearance: { zh: '外观', en: 'look and colour' },
};

const LEXICON: Record<TextLanguage, Record<Aspect, string[]>> = {
  zh: {
    fit: ['尺码', '偏小', '偏大', '码数', '大小', '不合身', '太紧', '太松', '肥', '短了', '长了'],
    quality: [
      '质量',
      '做工',
      '瑕疵',
      '坏了',
      '破',
      '开线',
      '线头',
      '起球',
      '掉色',
      '异味',
      '粗糙',
      '材质',
      '面料',
      '过敏',
      '保温',
      '漏',
    ],
    logistics: ['物流', '快递', '发货', '到货', '配送', '包装', '破损', '签收', '慢'],
    service: ['客服', '态度', '售后', '不处理', '不理', '退货', '退款', '换货'],
    price: ['价格', '不值', '太贵', '性价比', '划算', '便宜', '原价', '降价'],
    appearance: ['色差', '颜色', '图片', '描述', '不一样', '款式', '颜值', '好看', '难看'],
  },
  en: {
    fit: [
      'size',
      'sizing',
      'fit',
      'fits',
      'small',
      'large',
      'tight',
      'loose',
      'runs',
      'length',
      'short',
      'long',
    ],
    quality: [
      'quality',
      'broke',
      'broken',
      'cheap',
      'material',
      'fabric',
      'damaged',
      'defect',
      'ripped',
      'flimsy',
      'thin',
      'tore',
      'smell',
    ],
    logistics: ['shipping', 'delivery', 'arrived', 'package', 'late', 'shipped', 'courier'],
    service: ['service', 'ignored', 'refund', 'return', 'returning', 'returned', 'support', 'seller'],
    price: ['price', 'money', 'value', 'expensive', 'worth', 'overpriced', 'sale'],
    appearance: [
      'color',
      'colour',
      'pictures',
      'picture',
      'photo',
      'photos',
      'looks',
      'described',
      'pattern',
    ],
  },
};

/** Aspects a review mentions, in ASPECTS order. English matches whole words, Chinese substrings. */
export function detectAspects(text: string, language: TextLanguage): Aspect[] {
  const lexicon = LEXICON[language];
  if (language === 'zh') return ASPECTS.filter((a) => lexicon[a].some((w) => text.includes(w)));
  const words = new Set(
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^a-z]+/),
  );
  return ASPECTS.filter((a) => lexicon[a].some((w) => words.has(w)));
}

export interface AspectCount {
  aspect: Aspect;
  count: number;
  share: number;
}

/** Complaint themes: how many texts mention each aspect, most mentioned first; aspects never mentioned are left out. */
export function countAspects(texts: readonly { text: string; language: TextLanguage }[]): AspectCount[] {
  const counts = new Map<Aspect, number>();
  for (const { text, language } of texts) {
    for (const aspect of detectAspects(text, language)) counts.set(aspect, (counts.get(aspect) ?? 0) + 1);
  }
  return [...counts]
    .map(([aspect, count]) => ({ aspect, count, share: texts.length > 0 ? count / texts.length : 0 }))
    .sort((a, b) => b.count - a.count || ASPECTS.indexOf(a.aspect) - ASPECTS.indexOf(b.aspect));
}
