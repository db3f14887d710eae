// Title quality of a listing against its category's best sellers: missing shared keywords, length and
// repeated words, with a rewritten title in Chinese and English.
import { translateWords } from '../text/glossary.js';
import { isMostlyChinese, segmentWords } from '../text/segment.js';
import { type SharedKeyword, sharedKeywords, titleCarries } from '../text/title-keywords.js';

/** Taobao counts 60 bytes: 30 Chinese characters. */
export const ZH_TITLE_MAX_CHARS = 30;
export const ZH_TITLE_MIN_CHARS = 12;
export const EN_TITLE_MAX_CHARS = 150;
export const EN_TITLE_MIN_CHARS = 25;

export interface TitleReview {
  missingKeywords: SharedKeyword[];
  length: number;
  lengthIssue: 'too-short' | 'too-long' | null;
  repeatedWords: string[];
  rewrittenZh: string;
  rewrittenEn: string;
}

/** `keywords` are the best sellers' shared keywords, when the caller already has them. */
export function reviewTitle(
  title: string,
  bestSellerTitles: readonly string[],
  keywords: readonly SharedKeyword[] = sharedKeywords(bestSellerTitles),
): TitleReview {
  const chinese = isMostlyChinese(title);
  const missingKeywords = keywords.filter((k) => !titleCarries(title, k.keyword));
  const length = chinese ? [...title.replace(/\s+/g, '')].length : title.trim().length;
  const [min, max] = chinese
    ? [ZH_TITLE_MIN_CHARS, ZH_TITLE_MAX_CHARS]
    : [EN_TITLE_MIN_CHARS, EN_TITLE_MAX_CHARS];
  const lengthIssue = length < min ? 'too-short' : length > max ? 'too-long' : null;
  const words = segmentWords(title, chinese ? 'zh' : 'en').filter((w) => [...w].length >= 2);
  const repeatedWords = [...new Set(words.filter((w, i) => words.indexOf(w) !== i))];
  const rewrittenZh = rewriteZh(title, missingKeywords, chinese);
  return {
    missingKeywords,
    length,
    lengthIssue,
    repeatedWords,
    rewrittenZh,
    rewrittenEn: rewriteEn(rewrittenZh, title, chinese),
  };
}

/** Missing keywords first (search weight sits at the front), then the title's own words once each, cut to 30 characters. */
function rewriteZh(title: string, missing: readonly SharedKeyword[], chinese: boolean): string {
  if (!chinese) return title;
  const [brand, ...rest] = title.trim().split(/\s+/);
  const ownWords = segmentWords(rest.join(' '), 'zh');
  const missingWords = missing.map((k) => k.keyword);
  // 零食坚果 already says 坚果: keep only keywords no other missing keyword contains.
  const keywords = missingWords.filter(
    (k, i) => !missingWords.some((other, j) => j !== i && other !== k && other.includes(k)),
  );
  // Single characters are fragments of the title's own words (百搭|单|品): drop only whole repeated words.
  const seen = new Set<string>();
  const ownParts = ownWords.filter((word) => {
    if ([...word].length < 2) return true;
    if (seen.has(word) || keywords.some((k) => k.includes(word))) return false;
    seen.add(word);
    return true;
  });
  const parts = [...mergeOverlapping([...new Set(keywords)]), ...ownParts];
  let rewritten = brand && rest.length > 0 ? `${brand} ` : '';
  for (const part of rest.length > 0 ? parts : [brand ?? '', ...parts]) {
    if ([...`${rewritten}${part}`.replace(/\s+/g, '')].length > ZH_TITLE_MAX_CHARS) break;
    rewritten += part;
  }
  return rewritten.trim();
}

/** 零食坚果 + 坚果礼盒 → 零食坚果礼盒: keywords that share two or more characters at their seam become one. */
export function mergeOverlapping(words: readonly string[]): string[] {
  const merged = [...words];
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < merged.length; i++) {
      for (let j = 0; j < merged.length; j++) {
        if (i === j) continue;
        const joined = joinAtSeam(merged[i]!, merged[j]!);
        if (joined) {
          merged.splice(Math.max(i, j), 1);
          merged.splice(Math.min(i, j), 1, joined);
          changed = true;
          break outer;
        }
      }
    }
  }
  return merged;
}

function joinAtSeam(left: string, right: string): string | null {
  const a = [...left];
  const b = [...right];
  for (let overlap = Math.min(a.length, b.length) - 1; overlap >= 2; overlap--) {
    if (a.slice(-overlap).join('') === b.slice(0, overlap).join(''))
      return a.join('') + b.slice(overlap).join('');
  }
  return null;
}

/** English draft from the glossary; an English title is kept as it is, with repeated words removed. */
function rewriteEn(rewrittenZh: string, original: string, chinese: boolean): string {
  if (!chinese) {
    const seen = new Set<string>();
    return original
      .split(/\s+/)
      .filter((w) => {
        const key = w.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .join(' ');
  }
  const words = [...rewrittenZh.matchAll(/\S+/g)].flatMap((m) => expandForGlossary(m[0]));
  const english = translateWords(words);
  return english.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Glossary entries found inside a run of Chinese, longest first, so 白鸭绒羽绒服 yields both terms. */
function expandForGlossary(run: string): string[] {
  const found: { at: number; word: string }[] = [];
  for (const word of segmentWords(run, 'zh')) found.push({ at: run.indexOf(word), word });
  for (const term of GLOSSARY_TERMS) {
    const at = run.indexOf(term);
    if (at >= 0) found.push({ at, word: term });
  }
  return found.sort((a, b) => a.at - b.at || b.word.length - a.word.length).map((f) => f.word);
}

const GLOSSARY_TERMS = [
  '羽绒服',
  '白鸭绒',
  '针织衫',
  '运动鞋',
  '跑步鞋',
  '保温杯',
  '蓝牙耳机',
  '316不锈钢',
  '大容量',
  '长续航',
  '敏感肌',
];
