import { describe, expect, it } from 'vitest';
import { readChineseReviews, readEnglishReviews, splitHeldOut } from './labelled-reviews.js';
import { measureSentiment } from './sentiment-metrics.js';
import { classifySentiment, loadSentimentModel } from './sentiment-model.js';
import { DEFAULT_DATA_DIR } from './train-sentiment.js';

describe('shipped sentiment model', () => {
  const model = loadSentimentModel();

  it.each([
    ['zh', readChineseReviews],
    ['en', readEnglishReviews],
  ] as const)(
    'classifies the %s held-out split with accuracy ≥ 0.85 and balanced accuracy ≥ 0.85',
    async (language, read) => {
      const { heldOut } = splitHeldOut(await read(DEFAULT_DATA_DIR));
      const metrics = measureSentiment(
        heldOut.map((r) => ({
          isPositive: r.isPositive,
          predictedPositive: !classifySentiment(r.text, language, model).isNegative,
        })),
      );
      expect(metrics.count).toBeGreaterThan(250);
      expect(metrics.accuracy).toBeGreaterThanOrEqual(0.85);
      expect(metrics.balancedAccuracy).toBeGreaterThanOrEqual(0.85);
      // The file records what the training script measured on the same split.
      expect(metrics.accuracy).toBeCloseTo(model.heldOut[language]!.accuracy!, 6);
    },
  );

  it('reads plain complaints and praise the way a person would', () => {
    expect(classifySentiment('质量太差了，穿一次就起球，退货', 'zh', model).isNegative).toBe(true);
    expect(classifySentiment('非常好，很满意，物流也快', 'zh', model).isNegative).toBe(false);
    expect(
      classifySentiment('Poor quality, the fabric ripped and it runs small. Returned it.', 'en', model)
        .isNegative,
    ).toBe(true);
    expect(
      classifySentiment('Love this dress, fits perfectly and the fabric is soft', 'en', model).isNegative,
    ).toBe(false);
  });

  it('treats an empty review as neutral, not an error', () => {
    expect(classifySentiment('', 'zh', model)).toEqual({ score: 0, isNegative: false });
    expect(classifySentiment('   ', 'en', model)).toEqual({ score: 0, isNegative: false });
  });

  it('reads short one-line reviews on the same scale as long ones', () => {
    expect(
      classifySentiment('Great quality, exactly as described. Fast delivery!', 'en', model).isNegative,
    ).toBe(false);
    expect(classifySentiment('Waste of money. Returning it.', 'en', model).isNegative).toBe(true);
    expect(classifySentiment('买了就后悔，根本不值这个价，大家别买。', 'zh', model).isNegative).toBe(true);
  });

  it('keeps the shipped file small', () => {
    const features =
      Object.keys(model.languages.zh.weights).length + Object.keys(model.languages.en.weights).length;
    expect(features).toBeLessThanOrEqual(10_000);
  });
});
