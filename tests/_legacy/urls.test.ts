import { describe, expect, it } from 'vitest';
import { paperPath, toAbsoluteUrl, withBase } from '../src/lib/urls';

describe('urls', () => {
  it('joins base and path', () => {
    expect(withBase('/', 'papers/x/')).toBe('/papers/x/');
    expect(withBase('/bib', '/papers/x/')).toBe('/bib/papers/x/');
    expect(withBase('/bib/')).toBe('/bib/');
  });
  it('makes absolute URLs', () => {
    expect(toAbsoluteUrl('https://a.org', withBase('/bib/', paperPath('x')))).toBe('https://a.org/bib/papers/x/');
  });
});
