import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLatex, escapeTitle, formatBibtex } from '../src/lib/bibtex';
import { makePaper } from './helpers/papers';

const pageUrl = 'https://example.org/papers/x/';
/** Keep titles as written: no sentence-casing, no case-protection markup. */
const PARSE_OPTIONS = { sentenceCase: false, caseProtection: false } as const;

/** True when every brace opens before it closes and all close (ignoring escaped \{ and \}). */
function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const char of text.replace(/\\[{}]/g, '')) {
    if (char === '{') depth++;
    if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('escapeLatex', () => {
  it('escapes every LaTeX special and keeps other characters', () => {
    expect(escapeLatex('50% & $5 #1 a_b {x} \\ ~ ^ 中文 Ёж')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{} \\textasciitilde{} \\textasciicircum{} 中文 Ёж',
    );
  });
  it('breaks TeX ligatures so dashes and quotes stay as typed', () => {
    expect(escapeLatex("a -- b --- c '' d `` e ?` f")).toBe("a -{}- b -{}-{}- c '{}' d `{}` e ?{}` f");
  });
  it('protects capitals of acronyms and mixed-case words only', () => {
    expect(escapeTitle('DiffusionBERT: Improving LLMs with GPT-2 and Chess-Playing Nex-N1')).toBe(
      '{DiffusionBERT:} Improving {LLMs} with {GPT-2} and Chess-Playing {Nex-N1}',
    );
  });
});

describe('formatBibtex', () => {
  const paper = makePaper('x', {
    title: 'Ünïcode 中文 Title: 50% of {BERT}',
    authors: ['Zhengfu He', 'Сергей Брин', 'Nex-AGI Team'],
    authorsTruncated: true,
    date: '2022-11-28',
    arxiv: '2211.15029',
  });
  const entry = formatBibtex(paper, 'he2022unicode', { pageUrl });

  it('keeps non-ASCII text, ends truncated author lists in "and others", adds eprint fields', () => {
    expect(entry).toContain('author = {He, Zhengfu and Брин, Сергей and {Nex-AGI Team} and others}');
    expect(entry).toContain('中文');
    expect(entry).toContain('eprint = {2211.15029}');
    expect(entry).toContain('archiveprefix = {arXiv}');
    expect(entry).toContain('primaryclass = {cs.CL}');
    expect(entry).toContain('url = {https://arxiv.org/abs/2211.15029}');
    expect(bracesBalance(entry)).toBe(true);
  });

  it('parses back with citation-js and with an independent BibTeX parser', () => {
    const [csl] = new Cite(entry).data as Record<string, unknown>[];
    expect(csl.title).toBe('Ünïcode 中文 Title: 50% of {BERT}');
    expect(csl.author).toEqual([
      { given: 'Zhengfu', family: 'He' },
      { given: 'Сергей', family: 'Брин' },
      { family: 'Nex-AGI Team' },
      { family: 'others' },
    ]);
    const parsed = parseBibtex(entry, PARSE_OPTIONS);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0].fields.title).toBe('Ünïcode 中文 Title: 50% of {BERT}');
  });
});

// Printable text with LaTeX specials, CJK, Cyrillic, Greek and accented letters.
const alphabet = fc.constantFrom(...'abcXYZ 0123%&$#_{}\\~^-:;,.()\'"`?!中文字Ёжикαβγéüñçøł'.split(''));
const text = fc
  .array(alphabet, { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join('').replace(/\s+/g, ' ').trim())
  .filter((value) => /\p{L}/u.test(value));
const name = fc
  .tuple(
    fc.array(fc.constantFrom(...'abcdeÉéüñçøł中文Ёжα'.split('')), { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom(...'abcdeÉéüñçøł中文Ёжα'.split('')), { minLength: 1, maxLength: 8 }),
  )
  .map(([given, family]) => `${given.join('')} ${family.join('')}`);

describe('formatBibtex properties', () => {
  it('always yields one entry whose title and authors parse back equal', () => {
    fc.assert(
      fc.property(text, fc.array(name, { minLength: 1, maxLength: 5 }), fc.boolean(), (title, authors, truncated) => {
        const entry = formatBibtex(makePaper('p', { title, authors, authorsTruncated: truncated }), 'key', { pageUrl });
        expect(bracesBalance(entry)).toBe(true);
        const parsed = parseBibtex(entry, PARSE_OPTIONS);
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries).toHaveLength(1);
        const fields = parsed.entries[0].fields;
        // The parser turns protective braces into case-protection markup; compare the text.
        expect(fields.title).toBe(title);
        const names = (fields.author as { firstName?: string; lastName?: string; name?: string }[]).map(
          (author) => author.name ?? [author.firstName, author.lastName].filter(Boolean).join(' '),
        );
        expect(names).toEqual(truncated ? [...authors, 'others'] : authors);
      }),
      { numRuns: 300 },
    );
  });
});
