// The search page's pure parts: its URL state, excerpts as text runs, the filter values offered, the summary.
import { describe, expect, it } from 'vitest';
import {
  formatSummary,
  orderFilterValues,
  readSearchState,
  splitExcerpt,
  writeSearchState,
} from '../../src/site/search-view';

describe('readSearchState / writeSearchState', () => {
  it('reads ?q= (trimmed) and ?sort=date; anything else is relevance', () => {
    expect(readSearchState('https://x.org/search/?q=%20sparse%20&sort=date')).toEqual({
      query: 'sparse',
      sort: 'date',
    });
    expect(readSearchState('https://x.org/search/?sort=<b>')).toEqual({ query: '', sort: 'relevance' });
  });

  it('writes q and sort, removing them when empty or relevance, keeping other parameters', () => {
    expect(writeSearchState('https://x.org/bib/search/?a=1', { query: 'sae', sort: 'date' })).toBe(
      'https://x.org/bib/search/?a=1&q=sae&sort=date',
    );
    expect(writeSearchState('https://x.org/search/?q=x&sort=date', { query: ' ', sort: 'relevance' })).toBe(
      'https://x.org/search/',
    );
  });
});

describe('splitExcerpt', () => {
  it('turns marks into marked runs and the escaped text back into text (never markup)', () => {
    expect(splitExcerpt('a &lt;img onerror=x&gt; <mark>sparse</mark> & "b"')).toEqual([
      { text: 'a <img onerror=x> ', marked: false },
      { text: 'sparse', marked: true },
      { text: ' & "b"', marked: false },
    ]);
  });

  it('removes the spaces the index put between Chinese words, across marks', () => {
    const parts = splitExcerpt('本文 <mark>稀疏</mark> 自 编码 器');
    expect(parts.map((part) => part.text).join('')).toBe('本文稀疏自编码器');
    expect(parts.find((part) => part.marked)!.text).toBe('稀疏');
  });
});

describe('orderFilterValues', () => {
  it('offers values some result has and checked ones; years newest first, others by count then name', () => {
    expect(orderFilterValues('year', { '2021': 2, '2023': 1, '2019': 0 }, []).values.map((v) => v.value)).toEqual([
      '2023',
      '2021',
    ]);
    const { values } = orderFilterValues('author', { B: 1, A: 1, C: 3, D: 0 }, ['D']);
    expect(values.map((v) => [v.value, v.count, v.checked])).toEqual([
      ['C', 3, false],
      ['A', 1, false],
      ['B', 1, false],
      ['D', 0, true],
    ]);
  });

  it('cuts a long list at the limit, keeping checked values and counting the rest', () => {
    const counts = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`Name ${String(i).padStart(2, '0')}`, 30 - i]),
    );
    const { values, more } = orderFilterValues('author', counts, ['Name 29'], 5);
    expect(values.map((v) => v.value)).toEqual(['Name 00', 'Name 01', 'Name 02', 'Name 03', 'Name 04', 'Name 29']);
    expect(more).toBe(24);
  });
});

describe('formatSummary', () => {
  it('counts results for the query as typed, and says when none match', () => {
    expect(formatSummary('稀疏', 1, false)).toBe('1 result for “稀疏”');
    expect(formatSummary('sae', 12, true)).toBe('12 results for “sae” (filtered)');
    expect(formatSummary('zzz', 0, false)).toBe('No papers match “zzz”.');
    expect(formatSummary('zzz', 0, true)).toBe('No papers match “zzz” with these filters.');
  });
});
