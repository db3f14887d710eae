// Trains the review sentiment classifier on the labelled corpora in ../shared/data and writes
// sentiment.model.json beside this file. Run: npx -y pnpm@10 exec tsx server/src/analysis/text/train-sentiment.ts [dataDir]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestThreshold, outOfFoldScores } from './calibrate-threshold.js';
import {
  type LabelledReview,
  readChineseReviews,
  readEnglishReviews,
  SPLIT_SEED,
  splitHeldOut,
} from './labelled-reviews.js';
import {
  type SentimentLanguageModel,
  scoreNaiveBayes,
  type TrainOptions,
  trainNaiveBayes,
} from './naive-bayes.js';
import { sentimentFeatures } from './sentiment-features.js';
import { measureSentiment } from './sentiment-metrics.js';
import { SENTIMENT_MODEL_FILE, type SentimentModel } from './sentiment-model.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '..', 'shared', 'data');

// Chosen by 5-fold cross-validated balanced accuracy on the training part (never the held-out part),
// over alpha ∈ {0.3, 0.5, 1}, minDocuments ∈ {2, 3}, maxFeatures ∈ {3000, 6000}.
const OPTIONS: Record<'zh' | 'en', TrainOptions> = {
  zh: { alpha: 0.5, minDocuments: 3, maxFeatures: 6000, precision: 2 },
  en: { alpha: 0.5, minDocuments: 3, maxFeatures: 3000, precision: 2 },
};

export function evaluate(model: SentimentLanguageModel, reviews: LabelledReview[]) {
  return measureSentiment(
    reviews.map((r) => ({
      isPositive: r.isPositive,
      predictedPositive: scoreNaiveBayes(model, sentimentFeatures(r.text, r.language)) >= 0,
    })),
  );
}

async function main() {
  const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
  const corpora = { zh: await readChineseReviews(dataDir), en: await readEnglishReviews(dataDir) };
  const languages = {} as SentimentModel['languages'];
  const heldOut: SentimentModel['heldOut'] = {};
  for (const language of ['zh', 'en'] as const) {
    const split = splitHeldOut(corpora[language]);
    const examples = split.train.map((r) => ({
      features: sentimentFeatures(r.text, language),
      isPositive: r.isPositive,
    }));
    const { threshold } = bestThreshold(outOfFoldScores(examples, OPTIONS[language]));
    const trained = trainNaiveBayes(examples, OPTIONS[language]);
    const model = { ...trained, threshold: Math.round(threshold * 1000) / 1000 };
    const metrics = evaluate(model, split.heldOut);
    languages[language] = model;
    heldOut[language] = {
      count: metrics.count,
      accuracy: metrics.accuracy,
      balancedAccuracy: metrics.balancedAccuracy,
    };
    process.stdout.write(
      `${language}: trained on ${split.train.length}, held out ${metrics.count}, accuracy ${metrics.accuracy?.toFixed(4)}, balanced ${metrics.balancedAccuracy?.toFixed(4)}, negative recall ${metrics.negativeRecall?.toFixed(4)}, features ${Object.keys(model.weights).length}\n`,
    );
  }
  const model: SentimentModel = {
    version: 1,
    method: `Binarized multinomial naive Bayes scored by the mean log-odds of known features, threshold from 5-fold cross-validated balanced accuracy; zh character 1–3-grams, en word uni+bi-grams; 80/20 split, seed ${SPLIT_SEED}.`,
    trainedOn: {
      zh: 'reviews_zh/reviews_zh_sample.csv (SophonPlus ChineseNlpCorpus online_shopping_10_cats), label 1/0',
      en: "reviews_en/womens_clothing_reviews_sample.csv (Kaggle Women's E-Commerce Clothing Reviews), rating ≥4 positive, ≤2 negative, 3 dropped",
    },
    heldOut,
    languages,
  };
  writeFileSync(SENTIMENT_MODEL_FILE, `${JSON.stringify(model)}\n`);
  process.stdout.write(`wrote ${fileURLToPath(SENTIMENT_MODEL_FILE)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
