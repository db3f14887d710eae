// Keywords that a category's best-selling titles share, found without a dictionary: the maximal
// character runs (Chinese) or words (English) that most best-seller titles contain.
import { isMostlyChinese, segmentEn } from './segment.js';

export interface SharedKeyword {
  keyword: string;
  /** Share of the best-seller titles that carry it. */
  coverage: number;
}

const MIN_ZH_LENGTH = 2;
const MAX_ZH_LENGTH = 6;

/**
 * The character runs of a Chinese title's Han text, and its Latin words whole: "商品 Product" shares
 * "product" with another title, never "produc" or "roduct", which no title carries as a word.
 */
function zhRuns(title: string): Set<string> {
  const runs = new Set<string>();
  for (const part of title.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(part)) {
      if (part.length >= 3) runs.add(part.toLowerCase());
      continue;
    }
    const chars = [...part];
    for (let i = 0; i < chars.length; i++) {
      for (let n = MIN_ZH_LENGTH; n <= MAX_ZH_LENGTH && i + n <= chars.length; n++)
        runs.add(chars.slice(i, i + n).join(''));
    }
  }
  return runs;
}

function enWords(title: string): Set<string> {
  return new Set(segmentEn(title).filter((w) => w.length >= 3));
}

/** Keywords carried by at least `minCoverage` of the titles; a keyword inside a longer one with the same coverage is dropped. */
export function sharedKeywords(titles: readonly string[], minCoverage = 0.8): SharedKeyword[] {
  if (titles.length === 0) return [];
  const chinese = titles.filter(isMostlyChinese).length * 2 >= titles.length;
  const counts = new Map<string, number>();
  for (const title of titles) {
    for (const key of chinese ? zhRuns(title) : enWords(title)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept = [...counts]
    .map(([keyword, count]) => ({ keyword, coverage: count / titles.length }))
    .filter((k) => k.coverage >= minCoverage && !/^\d+$/.test(k.keyword));
  return kept
    .filter((k) => !kept.some((o) => o !== k && o.coverage === k.coverage && o.keyword.includes(k.keyword)))
    .sort(
      (a, b) =>
        b.coverage - a.coverage || b.keyword.length - a.keyword.length || a.keyword.localeCompare(b.keyword),
    );
}

/** True when the title carries the keyword (substring for Chinese, whole word for English). */
export function titleCarries(title: string, keyword: string): boolean {
  return isMostlyChinese(keyword)
    ? title.includes(keyword)
    : segmentEn(title).includes(keyword.toLowerCase());
}
