import { describe, expect, it } from 'vitest';
import en from './en.json';
import { detectLanguage, localeOf } from './i18n';
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
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
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
