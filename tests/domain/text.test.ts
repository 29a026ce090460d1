// Plain-text helpers the pages, feeds and search records share.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/domain/html';
import { compareText, truncateText } from '../../src/domain/text';

describe('htmlToText and decodeEntities', () => {
  it('strip tags, decode entities and keep paragraphs', () => {
    expect(htmlToText('<p>A <em>b</em> &amp; c&#x27;s &lt;tag&gt;</p>\n<p>Second&nbsp;para</p>')).toBe(
      "A b & c's <tag>\n\nSecond\u00a0para",
    );
  });
  it('leave unknown entities alone', () => {
    expect(decodeEntities('&bogus; &#8212;')).toBe('&bogus; —');
  });
});

describe('truncateText', () => {
  it('keeps short text', () => {
    expect(truncateText('short', 10)).toBe('short');
  });
  it('cuts at a word boundary with an ellipsis, never longer than asked', () => {
    const cut = truncateText('one two three four five six', 15);
    expect(cut).toBe('one two three…');
    expect(cut.length).toBeLessThanOrEqual(15);
    expect(truncateText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(truncateText('one two, three four', 10)).toBe('one two…');
  });
});

describe('compareText', () => {
  it('sorts in English alphabetical order, accents next to their letter', () => {
    expect(['Zoe', 'émile', 'Bo', 'ann'].sort(compareText)).toEqual(['ann', 'Bo', 'émile', 'Zoe']);
    expect(compareText('a', 'a')).toBe(0);
  });
});
