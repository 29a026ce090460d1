import { describe, expect, it } from 'vitest';
import { readQuery, writeQuery } from '../src/lib/search-url';

describe('search URL', () => {
  it('reads q', () => {
    expect(readQuery('https://x.org/bib/search/?q=sparse+autoencoders')).toBe('sparse autoencoders');
    expect(readQuery('https://x.org/search/')).toBe('');
  });
  it('writes and clears q, keeping other parameters', () => {
    expect(writeQuery('https://x.org/search/?lang=en', 'Zhengfu He')).toBe(
      'https://x.org/search/?lang=en&q=Zhengfu+He',
    );
    expect(writeQuery('https://x.org/search/?q=a&lang=en', '  ')).toBe('https://x.org/search/?lang=en');
  });
});
