// Reads the labelled review corpora in the shared data folder (beside the repo, never committed)
// and splits them into train and held-out parts with a fixed seed, identically for the
// training script and the accuracy test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TextLanguage } from './segment.js';

export interface LabelledReview {
  text: string;
  language: TextLanguage;
  isPositive: boolean;
}

export const HELD_OUT_SHARE = 0.2;
export const SPLIT_SEED = 20_251_111;

/** reviews_zh: label 1 positive, 0 negative. */
export async function readChineseReviews(dataDir: string): Promise<LabelledReview[]> {
  const rows: Record<string, string>[] = parse(
    await readFile(path.join(dataDir, 'reviews_zh', 'reviews_zh_sample.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true },
  );
  return rows
    .filter((row) => (row.review ?? '').trim() !== '' && (row.label === '0' || row.label === '1'))
    .map((row) => ({ text: row.review!, language: 'zh', isPositive: row.label === '1' }));
}

/** reviews_en: rating ≥ 4 positive, ≤ 2 negative; 3 is mixed and left out of training and test. */
export async function readEnglishReviews(dataDir: string): Promise<LabelledReview[]> {
  const rows: Record<string, string>[] = parse(
    await readFile(path.join(dataDir, 'reviews_en', 'womens_clothing_reviews_sample.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true, relax_column_count: true },
  );
  return rows.flatMap((row): LabelledReview[] => {
    const rating = Number(row.Rating);
    const text = (row['Review Text'] ?? '').trim();
    if (text === '' || !Number.isInteger(rating) || rating === 3) return [];
    return [{ text, language: 'en', isPositive: rating >= 4 }];
  });
}

/** Deterministic shuffle-and-cut: the same rows land in the held-out part on every run. */
export function splitHeldOut<T>(items: readonly T[], seed = SPLIT_SEED, share = HELD_OUT_SHARE) {
  const order = items.map((item, index) => ({ item, key: mulberry32(seed + index * 7919)() }));
  order.sort((a, b) => a.key - b.key);
  const cut = Math.round(items.length * share);
  return { heldOut: order.slice(0, cut).map((o) => o.item), train: order.slice(cut).map((o) => o.item) };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
