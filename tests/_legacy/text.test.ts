import { describe, expect, it } from 'vitest';
import { compareText, decodeEntities, htmlToText, truncateText } from '../src/lib/text';

describe('htmlToText', () => {
  it('strips tags, decodes entities and keeps paragraphs', () => {
    expect(htmlToText('<p>A <em>b</em> &amp; c&#x27;s &lt;tag&gt;</p>\n<p>Second&nbsp;para</p>')).toBe(
      "A b & c's <tag>\n\nSecond para",
    );
  });
  it('leaves unknown entities alone', () => {
    expect(decodeEntities('&bogus; &#8212;')).toBe('&bogus; —');
  });
});

describe('truncateText', () => {
  it('keeps short text', () => {
    expect(truncateText('short', 10)).toBe('short');
  });
  it('cuts at a word boundary with an ellipsis', () => {
    const cut = truncateText('one two three four five six', 15);
    expect(cut).toBe('one two three…');
    expect(cut.length).toBeLessThanOrEqual(15);
  });
});

describe('compareText', () => {
  it('sorts in English alphabetical order, accents next to their letter', () => {
    expect(['Zoe', 'émile', 'Bo', 'ann'].sort(compareText)).toEqual(['ann', 'Bo', 'émile', 'Zoe']);
    expect(compareText('a', 'a')).toBe(0);
  });
});
