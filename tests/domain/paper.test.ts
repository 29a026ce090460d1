// The paper's language as pages mark it up (the `lang` of its title and abstract).
import { describe, expect, it } from 'vitest';
import { getLanguageTag } from '../../src/domain/paper';
import { makePaper } from '../helpers/model';

describe('getLanguageTag', () => {
  it('gives a language tag canonicalised, and nothing for a name or a malformed value', async () => {
    const tag = async (language?: string) =>
      getLanguageTag(await makePaper({ title: 'T', authors: ['A One'], ...(language ? { language } : {}) }));
    expect(await tag('de')).toBe('de');
    expect(await tag('zh-hans')).toBe('zh-Hans');
    expect(await tag('en_US')).toBe('en-US');
    expect(await tag('eng')).toBe('en');
    expect(await tag('German')).toBeUndefined();
    expect(await tag('x')).toBeUndefined();
    expect(await tag('de--DE')).toBeUndefined();
    expect(await tag()).toBeUndefined();
  });
});
