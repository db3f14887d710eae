// The shipped sentiment model (trained by train-sentiment.ts) and the classifier that uses it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SentimentLanguageModelSchema, scoreNaiveBayes } from './naive-bayes.js';
import type { TextLanguage } from './segment.js';
import { sentimentFeatures } from './sentiment-features.js';

export const SENTIMENT_MODEL_FILE = new URL('./sentiment.model.json', import.meta.url);

export const SentimentModelSchema = z.object({
  version: z.literal(1),
  method: z.string(),
  trainedOn: z.record(z.string(), z.string()),
  heldOut: z.record(
    z.string(),
    z.object({ count: z.number(), accuracy: z.number().nullable(), balancedAccuracy: z.number().nullable() }),
  ),
  languages: z.object({ zh: SentimentLanguageModelSchema, en: SentimentLanguageModelSchema }),
});
export type SentimentModel = z.infer<typeof SentimentModelSchema>;

let shipped: SentimentModel | undefined;

/** The model file committed beside this module, parsed and validated once. */
export function loadSentimentModel(): SentimentModel {
  if (!shipped) {
    const parsed = SentimentModelSchema.safeParse(JSON.parse(readFileSync(SENTIMENT_MODEL_FILE, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `sentiment.model.json is not a valid model (${parsed.error.message}). Re-run: npx -y pnpm@10 exec tsx server/src/analysis/text/train-sentiment.ts`,
      );
    }
    shipped = parsed.data;
  }
  return shipped;
}

export interface SentimentJudgement {
  /** Mean log-odds per known feature minus the threshold; 0 for a text with no known feature. */
  score: number;
  isNegative: boolean;
}

/** Classifies one review; an empty or unknown text is neutral (score 0, not negative), never an error. */
export function classifySentiment(
  text: string,
  language: TextLanguage,
  model: SentimentModel = loadSentimentModel(),
): SentimentJudgement {
  const score = scoreNaiveBayes(model.languages[language], sentimentFeatures(text, language));
  return { score, isNegative: score < 0 };
}
