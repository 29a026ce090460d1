// The search page's ?q= parameter: read on load, written back as the reader types.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readQuery, syncQueryWithUrl, writeQuery } from '../../src/site/search-url';

describe('readQuery and writeQuery', () => {
  it('read q, trimmed', () => {
    expect(readQuery('https://x.org/bib/search/?q=sparse+autoencoders')).toBe('sparse autoencoders');
    expect(readQuery('https://x.org/search/?q=%20%E4%B8%AD%E6%96%87%20')).toBe('中文');
    expect(readQuery('https://x.org/search/')).toBe('');
  });

  it('write and clear q, keeping other parameters', () => {
    expect(writeQuery('https://x.org/search/?lang=en', 'Zhengfu He')).toBe(
      'https://x.org/search/?lang=en&q=Zhengfu+He',
    );
    expect(writeQuery('https://x.org/search/?q=a&lang=en', '  ')).toBe('https://x.org/search/?lang=en');
  });
});

describe('syncQueryWithUrl', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('prefills the input from ?q=, runs the search, and keeps ?q= in step with typing', () => {
    const { document, window } = parseHTML('<div id="host"><input></div>');
    // The module creates its event with the browser's global Event; here that is linkedom's.
    vi.stubGlobal('Event', window.Event);
    let href = 'https://x.org/search/?q=diffusion&lang=en';
    const history: string[] = [];
    const win = {
      location: {
        get href() {
          return href;
        },
      },
      history: {
        state: null,
        replaceState: (_: unknown, __: string, url: string) => {
          history.push(url);
          href = url;
        },
      },
    } as unknown as Window;
    const input = document.querySelector('input')!;
    const inputs: string[] = [];
    input.addEventListener('input', () => inputs.push(input.value));
    syncQueryWithUrl(document.getElementById('host'), win);
    expect(input.value).toBe('diffusion');
    expect(inputs).toEqual(['diffusion']);
    input.value = 'sparse codes';
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(history.at(-1)).toBe('https://x.org/search/?q=sparse+codes&lang=en');
    input.value = '';
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(history.at(-1)).toBe('https://x.org/search/?lang=en');
  });

  it('does nothing without a host element', () => {
    expect(() => syncQueryWithUrl(null, {} as Window)).not.toThrow();
  });
});
