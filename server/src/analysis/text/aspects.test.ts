import { describe, expect, it } from 'vitest';
import { countAspects, detectAspects } from './aspects.js';

describe('detectAspects', () => {
  it('finds every aspect a Chinese complaint names', () => {
    expect(detectAspects('尺码偏小，而且快递太慢，客服也不理人', 'zh')).toEqual([
      'fit',
      'logistics',
      'service',
    ]);
  });

  it('matches English whole words only', () => {
    expect(detectAspects('Runs small and the fabric is thin', 'en')).toEqual(['fit', 'quality']);
    // "smalls" and "priceless" are not the words "small" and "price".
    expect(detectAspects('priceless smalls', 'en')).toEqual([]);
  });

  it('finds nothing in an empty review', () => {
    expect(detectAspects('', 'zh')).toEqual([]);
  });
});

describe('countAspects', () => {
  it('ranks complaint themes by how many reviews mention them', () => {
    const themes = countAspects([
      { text: '质量太差，做工粗糙', language: 'zh' },
      { text: '质量不好，物流也慢', language: 'zh' },
      { text: 'Terrible quality', language: 'en' },
      { text: '', language: 'en' },
    ]);
    expect(themes).toEqual([
      { aspect: 'quality', count: 3, share: 0.75 },
      { aspect: 'logistics', count: 1, share: 0.25 },
    ]);
  });
});
