// Chinese word segmentation with Node's built-in ICU (Intl.Segmenter) plus a merchant-term
// dictionary: ICU splits shop vocabulary such as 百搭, 新款 or 尺码 into single characters.
import { MERCHANT_TERMS } from './merchant-terms.js';

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const MAX_TERM_PIECES = 4;

/** Segmented titles and reviews recur (every diagnosis reads the same catalogue): kept, bounded. */
const segmentedWithMerchantTerms = new Map<string, readonly string[]>();
const MAX_CACHED_TEXTS = 50_000;

/** Splits Chinese (or mixed) text into words, merging adjacent pieces that form a merchant term. */
export function segmentZh(text: string, dictionary: ReadonlySet<string> = MERCHANT_TERMS): string[] {
  if (dictionary !== MERCHANT_TERMS) return segmentWithDictionary(text, dictionary);
  let words = segmentedWithMerchantTerms.get(text);
  if (!words) {
    if (segmentedWithMerchantTerms.size >= MAX_CACHED_TEXTS) segmentedWithMerchantTerms.clear();
    words = segmentWithDictionary(text, dictionary);
    segmentedWithMerchantTerms.set(text, words);
  }
  return [...words];
}

function segmentWithDictionary(text: string, dictionary: ReadonlySet<string>): string[] {
  const pieces = [...zhSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  const words: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = 1;
    for (let n = Math.min(MAX_TERM_PIECES, pieces.length - i); n >= 2; n--) {
      if (dictionary.has(pieces.slice(i, i + n).join(''))) {
        taken = n;
        break;
      }
    }
    words.push(pieces.slice(i, i + taken).join(''));
    i += taken;
  }
  return words;
}

/** Lower-cased English words; apostrophes dropped so "don't" and "dont" are one word. */
export function segmentEn(text: string): string[] {
  return decodeHtmlEntities(text)
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** True when at least a fifth of the letters are CJK ideographs. */
export function isMostlyChinese(text: string): boolean {
  const cjk = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0 && cjk * 5 >= cjk + latin;
}

export type TextLanguage = 'zh' | 'en';

/** The language a review or title is written in, trusting a stored tag when it names one we know. */
export function detectLanguage(text: string, tag?: string | null): TextLanguage {
  const normalized = tag?.toLowerCase().slice(0, 2);
  if (normalized === 'zh' || normalized === 'en') return normalized;
  return isMostlyChinese(text) ? 'zh' : 'en';
}

/** Words of a title or review in its language. */
export function segmentWords(text: string, language: TextLanguage): string[] {
  return language === 'zh' ? segmentZh(text) : segmentEn(text);
}

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
