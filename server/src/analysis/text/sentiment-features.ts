// The features the sentiment classifier sees: character 1–3-grams for Chinese (no segmentation
// errors to inherit), word uni- and bi-grams for English (bi-grams keep "not good" apart from "good").
import { segmentEn, type TextLanguage } from './segment.js';

const MAX_ZH_CHARS = 400;
const MAX_EN_WORDS = 200;

/** Distinct features of one text; presence, not counts (binarized naive Bayes). */
export function sentimentFeatures(text: string, language: TextLanguage): Set<string> {
  return language === 'zh' ? zhCharGrams(text) : enWordGrams(text);
}

function zhCharGrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]+/gu, ' ').trim()].slice(0, MAX_ZH_CHARS);
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    for (let n = 1; n <= 3 && i + n <= chars.length; n++) {
      const gram = chars.slice(i, i + n).join('');
      if (!gram.includes(' ')) grams.add(gram);
    }
  }
  return grams;
}

function enWordGrams(text: string): Set<string> {
  const words = segmentEn(text).slice(0, MAX_EN_WORDS);
  const grams = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) grams.add(`${words[i]} ${words[i + 1]}`);
  return grams;
}
