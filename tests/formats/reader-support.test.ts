import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainTextToMarkdown } from '../../src/formats/reader-support';
import { makePaper } from '../helpers/model';

/** The text the page shows for an abstract written as markdown (the real renderer, smartypants and sanitizer). */
async function shownText(markdown: string): Promise<string> {
  return (await makePaper({ title: 'T', authors: ['A B'] }, markdown)).abstract.text;
}

// ASCII punctuation (every character markdown or smart typography may act on), letters, spaces, a few non-ASCII.
const CHARACTERS = [...'\\`*_[]()<>#+-.!&;~\'"|=:$^{}@%/?,1aZ  ', 'é', '“', '—', 'α', 'x'];

describe('plainTextToMarkdown', () => {
  it('gives markdown that the site renders back to exactly the plain text', async () => {
    const paragraph = fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 3 }), async (paragraphs) => {
        const expected = paragraphs
          .map((text) => text.replace(/ +/g, ' ').trim())
          .filter(Boolean)
          .join('\n\n');
        fc.pre(expected.length > 0);
        expect(await shownText(plainTextToMarkdown(paragraphs.join('\n\n')))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the usual suspects as text: LaTeX, HTML, entities, lists, headings, quotes and dashes', async () => {
    const samples = [
      'The $\\alpha$-effect at ~10 K: \\emph{x} and $\\sqrt{2}$.',
      '<b>not bold</b> <script>alert(1)</script> &amp; &#169;',
      '# not a heading',
      '- not a list',
      '1. not a list either',
      '> not a quote',
      '---',
      '"Quoted" -- dashes... it\'s',
      '[not](a link) ![nor](an image) <https://autolink.example>',
      'snake_case_name and _underscored_ and *starred* and `code`',
    ];
    for (const sample of samples) expect(await shownText(plainTextToMarkdown(sample))).toBe(sample);
  });

  it("splits paragraphs on blank lines, or on every line break in Zotero's convention", () => {
    expect(plainTextToMarkdown('One\ntwo\n\nThree')).toBe('One two\n\nThree');
    expect(plainTextToMarkdown('One\ntwo\n\nThree', 'paragraph')).toBe('One\n\ntwo\n\nThree');
  });
});
