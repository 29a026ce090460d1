// LaTeX both ways: escaping plain text for a field value (read back by Better BibTeX's parser, whatever the text
// holds), and decoding LaTeX to plain text and markdown for import.
import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceBraces,
  decodeLatex,
  escapeLatex,
  escapeLatexBlock,
  escapeTitle,
  escapeVerbatim,
  PARSE_OPTIONS,
} from '../../src/formats/latex';

/** How BibTeX counts braces: every `{` and `}`, backslash or not; the value must never close early. */
function bracesBalance(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Text as the field holds it after escaping: one line, trimmed, composed. */
const asLine = (text: string) =>
  text
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim()
    .normalize('NFC');

// Printable text with every TeX special, brace and ligature pair in it, and any other Unicode.
const SPECIALS = [...'\\{}%&$#_~^<>`\'"-?!,@= \u00a0'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''))
  .filter(
    (value) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]/.test(value) && asLine(value) !== '',
  );

describe('escapeLatex / escapeTitle', () => {
  it('any text stays inside its field and reads back as typed', () => {
    fc.assert(
      fc.property(text, (value) => {
        const title = escapeTitle(value);
        const note = escapeLatex(value);
        expect(bracesBalance(title)).toBe(true);
        expect(bracesBalance(note)).toBe(true);
        const library = parse(`@misc{x, title = {${title}}, note = {${note}}}`, { ...PARSE_OPTIONS, fieldMode: {} });
        expect(library.errors).toEqual([]);
        expect(library.entries).toHaveLength(1);
        expect(Object.keys(library.entries[0].fields).sort()).toEqual(['note', 'title']);
        expect(library.entries[0].fields.title!.normalize('NFC')).toBe(asLine(value));
      }),
      { numRuns: 300 },
    );
  });

  it('writes the specials as commands and breaks ligatures', () => {
    expect(escapeLatex('a}b{c\\d%e&f$g#h_i~j^k<l>m')).toBe(
      'a\\textbraceright{}b\\textbraceleft{}c\\textbackslash{}d\\%e\\&f\\$g\\#h\\_i\\textasciitilde{}j\\textasciicircum{}k\\textless{}l\\textgreater{}m',
    );
    expect(escapeLatex("-- --- `` '' ?` !` ,,")).toBe("-{}- -{}-{}- `{}` '{}' ?{}` !{}` ,{},");
    expect(escapeLatex('non\u00a0breaking')).toBe('non~breaking');
    expect(escapeLatex('日本語 Русский')).toBe('日本語 Русский');
  });

  it('writes a letter whose accent Unicode has no precomposed form for as a LaTeX accent; the others stay UTF-8', () => {
    expect(escapeLatex('Paul P\u0304ot, Ünderwood, Ñet, ṟ, 北京')).toBe('Paul {\\={P}}ot, Ünderwood, Ñet, ṟ, 北京');
    expect(escapeLatex('x\u0323\u0304 q\u0361')).toBe('{\\={\\d{x}}} q\u0361');
  });

  it('protects mixed-case words and acronyms only', () => {
    expect(escapeTitle('BERT meets GPT-2 and LLMs in DiffusionBERT, not Chess-Playing or Paris')).toBe(
      '{BERT} meets {GPT-2} and {LLMs} in {DiffusionBERT,} not Chess-Playing or Paris',
    );
  });

  it('joins paragraphs with \\par', () => {
    expect(escapeLatexBlock('One 50%.\n\nTwo.\n \nThree')).toBe('One 50\\%. \\par Two. \\par Three');
  });
});

describe('balanceBraces / escapeVerbatim', () => {
  it('leaves balanced verbatim values alone and neutralises braces that would break out', () => {
    expect(balanceBraces('The {American} \\emph{Frontier}')).toBe('The {American} \\emph{Frontier}');
    fc.assert(
      fc.property(text, (value) => {
        expect(bracesBalance(balanceBraces(value))).toBe(true);
      }),
    );
  });

  it('percent-encodes only what would break the entry', () => {
    expect(escapeVerbatim('https://x.org/a b/{c}\\d?q=50%25&r=$#frag~_^')).toBe(
      'https://x.org/a%20b/%7Bc%7D%5Cd?q=50%25&r=%24#frag~_^',
    );
  });
});

describe('decodeLatex', () => {
  it.each([
    ['\\\'e\\`a\\^o\\"u\\~n\\c{c}\\v{s}\\H{o}\\u{g}{\\ss}\\i{}', 'éàôüñçšőğßı'],
    ['\\emph{a} \\textbf{b} \\textit{c} \\mbox{MB}', 'a b c MB'],
    ['50\\% \\& \\$ \\# \\_', '50% & $ # _'],
    ['a~b', 'a\u00a0b'],
    ['\\TeX{} and \\LaTeX', 'TeX and LaTeX'],
    ['$\\simeq$ $x^2$ H$_2$O', '≃ x² H₂O'],
    ['\\url{https://x.org/a_b}', 'https://x.org/a_b'],
    ['5 < 6 > 4', '5 < 6 > 4'],
    ['\\textless{}i\\textgreater{}', '<i>'],
  ])('%s → %s', (tex, plain) => {
    expect(decodeLatex(tex)).toBe(plain);
  });

  it('turns markup into markdown, links only for safe targets', () => {
    expect(
      decodeLatex(
        '\\emph{a} \\textbf{b} \\texttt{c} \\href{https://x.org}{site} \\href{javascript:alert(1)}{bad} \\url{https://y.org}',
        {
          markdown: true,
        },
      ),
    ).toBe('*a* **b** `c` [site](<https://x.org>) bad (javascript:alert(1)) <https://y.org>');
    expect(decodeLatex('x\\textsuperscript{2} \\par * not a list \\par 1. nor this', { markdown: true })).toBe(
      'x²\n\n\\* not a list\n\n1\\. nor this',
    );
  });
});
