import { describe, expect, it } from 'vitest';
import en from './en.json';
import { detectLanguage, i18n, localeOf } from './i18n';
import zh from './zh.json';

/** Every leaf path of a translation tree: "warRoom.kpi.gmvCents", arrays as "areas.ads.will[]". */
function keysOf(tree: unknown, prefix = ''): string[] {
  if (Array.isArray(tree)) return [`${prefix}[]`];
  if (tree && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

describe('translations', () => {
  it('has the same keys in Chinese and English', () => {
    // English adds singular forms ("key_one"); Chinese has one form for every count.
    const withoutPlural = (keys: string[]) =>
      [...new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(withoutPlural(keysOf(zh))).toEqual(withoutPlural(keysOf(en)));
  });

  it('says one row and many rows in English, and the same words for both in Chinese', () => {
    const t = (language: string, count: number) =>
      i18n.getFixedT(language)('imports.job.importValid', { count });
    expect(t('en', 1)).toBe('Import the 1 valid row');
    expect(t('en', 12)).toBe('Import the 12 valid rows');
    expect(t('zh', 1)).toBe(zh.imports.job.importValid.replace('{{count}}', '1'));
  });

  it('has no empty text', () => {
    const empty = (tree: unknown): boolean =>
      typeof tree === 'string' ? tree.trim() === '' : Object.values(tree as object).some(empty);
    expect(empty(zh)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});

describe('detectLanguage', () => {
  it('prefers the remembered choice over the browser', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('takes the first browser language it speaks', () => {
    expect(detectLanguage(null, ['fr-FR', 'zh-TW', 'en-US'])).toBe('zh');
    expect(detectLanguage('klingon', ['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLanguage(null, ['fr-FR'])).toBe('en');
    expect(localeOf('zh')).toBe('zh-CN');
    expect(localeOf('xx')).toBe('en-US');
  });
});
