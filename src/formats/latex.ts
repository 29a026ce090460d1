// LaTeX in BibTeX field values, both ways. Writing: plain text → a field value that bibtex, biber and every
// BibTeX parser read back as the same text, whatever the text holds. Reading: @retorquere/bibtex-parser (Better
// BibTeX's parser) already turns LaTeX into Unicode and a little HTML markup; this module only adds what it does
// not do (\TeX, control spaces, literal `<` in the source) and turns its markup into plain text or markdown.

import { parse, type Options } from '@retorquere/bibtex-parser';

// BibTeX counts braces without regard to backslashes, so `\}` would close the field: literal braces become
// \textbraceleft{} / \textbraceright{}, whose own braces balance. The other specials become their commands.
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // Plain `<` and `>` print as ¡ and ¿ in TeX's default (OT1) font encoding; the commands print them everywhere.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '\u00a0': '~',
};

// Pairs TeX fonts turn into one glyph (-- and --- dashes, `` and '' quotes, ?` and !` inverted marks, T1's ,,
// quote); an empty group between them keeps the text as typed.
const LIGATURES = /([-'`,])(?=\1)|([?!])(?=`)/g;

// Every control character but tab and line breaks, DEL, C1, the line/paragraph separators and non-characters:
// none may reach a .bib file (the schema rejects them; the writer still never emits one).
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

/** Removes every character that must never be written to a .bib file (controls, non-characters, lone surrogates). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

// LaTeX's accent commands for the combining marks a letter keeps when Unicode has no precomposed letter for it (P̄).
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};
const COMBINED = /(\p{L})([\u0300-\u036f]+)/gu;

/** A letter with combining marks as LaTeX accents, braced as BibTeX's special characters are: P̄ → {\={P}}. */
function writeAccents(letter: string, marks: string): string {
  let text = letter;
  for (const mark of marks) text = ACCENTS[mark] ? `\\${ACCENTS[mark]}{${text}}` : `${text}${mark}`;
  return text === `${letter}${marks}` ? text : `{${text}}`;
}

/**
 * Escapes one line of plain text for a braced BibTeX field value: `\ { } % & $ # _ ~ ^` become LaTeX commands (so
 * braces always balance and nothing can end the field early), a non-breaking space becomes `~`, TeX ligatures are
 * broken, white space runs become one space, a letter with a combining accent (no precomposed form, so pdflatex
 * has no glyph for it) becomes LaTeX's accent; every other character (Ü, CJK, Cyrillic…) stays UTF-8.
 */
export function escapeLatex(text: string): string {
  return stripControlCharacters(text)
    .replace(/[\\{}%&$#_~^<>\u00a0]/g, (char) => SPECIALS[char])
    .replace(COMBINED, (_, letter: string, marks: string) => writeAccents(letter, marks))
    .replace(LIGATURES, '$1$2{}')
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim();
}

/**
 * Escapes text of several paragraphs (an abstract, a note): each paragraph as `escapeLatex` does, joined by
 * ` \par ` — bibtex and biber fold a blank line into a space, but keep `\par`, and TeX reads it as the break.
 */
export function escapeLatexBlock(text: string): string {
  return stripControlCharacters(text)
    .split(/\n[^\S\n]*\n\s*/)
    .map(escapeLatex)
    .filter(Boolean)
    .join(' \\par ');
}

/** True for words whose capitals a style must not lowercase: BERT, DiffusionBERT, LLMs, GPT-2, N1 (not Chess-Playing). */
function needsProtection(word: string): boolean {
  return word.split(/[-–—/]/).some((part) => /.\p{Lu}/u.test(part) || (/\p{Lu}/u.test(part) && /\d/.test(part)));
}

/**
 * Escapes a title and protects its capitals: words with a capital after their first letter or a capital and a
 * digit ({BERT}, {DiffusionBERT}, {GPT-2}) are braced, so styles that lowercase titles keep them.
 */
export function escapeTitle(title: string): string {
  return stripControlCharacters(title)
    .split(/([^\S\u00a0]+)/)
    .map((word, index) => {
      if (index % 2 === 1) return ' ';
      const escaped = escapeLatex(word);
      return escaped && needsProtection(word) ? `{${escaped}}` : escaped;
    })
    .join('')
    .trim();
}

/**
 * A value written as it was read (an `extra` field kept verbatim): unchanged when its braces balance as BibTeX
 * counts them; a brace that would close the field early, or one never closed, becomes \textbraceright{} /
 * \textbraceleft{}. Control characters are removed and line breaks folded into spaces.
 */
export function balanceBraces(value: string): string {
  const text = stripControlCharacters(value).replace(/\s*\n\s*/g, ' ');
  const open: number[] = [];
  const replace = new Map<number, string>();
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{') open.push(index);
    else if (text[index] === '}') {
      if (open.length > 0) open.pop();
      else replace.set(index, '\\textbraceright{}');
    }
  }
  for (const index of open) replace.set(index, '\\textbraceleft{}');
  if (replace.size === 0) return text;
  // By UTF-16 unit, as the indexes above are (a surrogate pair's halves stay side by side).
  return text
    .split('')
    .map((unit, index) => replace.get(index) ?? unit)
    .join('');
}

/**
 * A verbatim value (URL, DOI, eprint): biber and every BibTeX parser read these fields without LaTeX, so `%`, `#`,
 * `_`, `~`, `&` and `^` stay raw (biber would keep a backslash); only what would break the entry for bibtex or a
 * parser — braces, backslashes, white space, and `$` (Better BibTeX's parser opens math on it even here) — is
 * percent-encoded, which names the same URL (the reader decodes these four in a DOI).
 */
export function escapeVerbatim(value: string): string {
  return stripControlCharacters(value)
    .trim()
    .replace(/[{}\\$\s]/gu, (char) => encodeURIComponent(char));
}

// Placeholders for the source's own `<` and `>` while the parser runs, so they cannot be mistaken for the markup
// the parser adds. They are non-characters, which the reader removes from the input first, so none is ever real.
const LT = '\ufdd0';
const GT = '\ufdd1';

/** Hides the input's `<` and `>` (and \textless, \textgreater) from the markup conversion (see `restoreAngles`). */
export function hideAngles(text: string): string {
  return text
    .replace(/\\textless(?![a-zA-Z])(?:[ \t]*\{\})?/g, LT)
    .replace(/\\textgreater(?![a-zA-Z])(?:[ \t]*\{\})?/g, GT)
    .replace(/</g, LT)
    .replace(/>/g, GT);
}

/** Brings back what `hideAngles` hid, for values taken as they are (URLs, DOIs, keys). */
export function restoreAngles(text: string): string {
  return text.replace(/\ufdd0/g, '<').replace(/\ufdd1/g, '>');
}

// Commands the parser does not know, by name, with the text they stand for.
const MACRO_TEXT: Record<string, string> = {
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  LaTeXe: 'LaTeX2ε',
  XeTeX: 'XeTeX',
  LuaTeX: 'LuaTeX',
  ' ': ' ',
  '\n': ' ',
  '\t': ' ',
  '!': '',
  '/': '',
  '-': '',
  protect: '',
  hyphen: '-',
  log: 'log',
  ldots: '…',
  dots: '…',
};
// biblatex's case and number wrappers: their argument is the text.
const PASS_THROUGH = new Set(['autocap', 'arabic', 'mkbibacro', 'textnormal', 'textup', 'textmd', 'textrm', 'textsf']);

interface MacroNode {
  type: string;
  content?: unknown;
  args?: { content?: { type: string; content?: unknown }[] }[];
}

/** Plain text of a node's arguments (strings only: these wrappers hold words). */
function argumentText(node: MacroNode): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const child = value as { type?: string; content?: unknown };
      if (child.type === 'string' && typeof child.content === 'string') parts.push(child.content);
      else if (child.type === 'whitespace') parts.push(' ');
      else walk(child.content);
    }
  };
  (node.args ?? []).forEach((arg) => walk(arg.content));
  return parts.join('');
}

/** The parser's fallback for commands it does not know: their text, or the command as written. */
export function decodeUnknownMacro(node: unknown, tex: string): string {
  const macro = node as MacroNode;
  if (macro.type === 'macro' && typeof macro.content === 'string') {
    if (macro.content in MACRO_TEXT) return MACRO_TEXT[macro.content];
    if (PASS_THROUGH.has(macro.content)) return argumentText(macro);
  }
  return tex;
}

/** The parser options the reader uses: no case changes, LaTeX to Unicode, paragraphs kept in long text. */
export const PARSE_OPTIONS: Options = {
  sentenceCase: false,
  caseProtection: false,
  english: false,
  applyCrossRef: true,
  unsupported: (node, tex) => decodeUnknownMacro(node, tex),
  // Dates are EDTF, read as written: in LaTeX, the `~` of a circa date would become a space.
  fieldMode: {
    abstract: 'richtext',
    date: 'verbatim',
    urldate: 'verbatim',
    eventdate: 'verbatim',
    origdate: 'verbatim',
  },
};

// The markup the parser emits, and only that: any other `<` is text.
const MARKUP =
  /<(\/?)(i|b|code|sup|sub|p|br|li|ul|blockquote|h[1-6])>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>|<a href="([^"]*)">|<\/a>/g;

/** Fixes what the parser's conversion leaves unreadable (its \LaTeX logo). */
function fixLogos(text: string): string {
  return text.replace(/Lᴬ?T(?:<sub>E<\/sub>|E)X|L<sup>A<\/sup>T<sub>E<\/sub>X/g, 'LaTeX');
}

/**
 * LaTeX puts accents on the dotless i and j (`{\'\i}`); the parser gives ı + a combining accent, which NFC does not
 * compose. With an accent on it, the letter is the usual i or j (í), as the author typed it; a bare ı stays ı.
 */
function composeDotless(text: string): string {
  return text
    .replace(/\u0131(?=\p{M})/gu, 'i')
    .replace(/\u0237(?=\p{M})/gu, 'j')
    .normalize('NFC');
}

/** The parser's converted value as plain text: markup removed, links as their text, white space folded. */
export function markupToText(value: string): string {
  return (
    restoreAngles(
      fixLogos(value)
        .replace(/<sup>(\d+)<\/sup>/g, (_, digits: string) => digits)
        .replace(MARKUP, (tag) => (/^<(p|br|li)>$/.test(tag) ? ' ' : '')),
    )
      // A non-breaking space (LaTeX's ~) stays one.
      .replace(/[^\S\u00a0]+/g, ' ')
      .trim()
      .normalize('NFC')
      .replace(/[\u0131\u0237]\p{M}/gu, composeDotless)
  );
}

/**
 * Escapes text so markdown shows it as typed: its markup characters, and the quotes, `--` and `...` that the
 * site's renderer (smartypants) would otherwise turn into typographic ones.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~|'"]/g, '\\$&')
    .replace(/-{2,}|\.{3,}/g, (run) => run.replace(/[-.]/g, '\\$&'))
    .replace(/^(\s*)([#+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

/** Whether a link target may be a link in the page (the sanitizer would drop anything else anyway). */
function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/**
 * The parser's converted value as markdown (for abstracts): *italic*, **bold**, `code`, <sup>/<sub>, links for
 * http(s) and mailto targets (any other target stays text, never a link), paragraphs as blank lines.
 */
export function markupToMarkdown(value: string): string {
  const text = fixLogos(value);
  let out = '';
  let last = 0;
  const links: { href: string; start: number }[] = [];
  for (const match of text.matchAll(MARKUP)) {
    out += escapeMarkdown(restoreAngles(text.slice(last, match.index)));
    last = match.index + match[0].length;
    const [tag, closing, name, href] = match;
    if (href !== undefined) {
      links.push({ href: restoreAngles(href), start: out.length });
      continue;
    }
    if (tag === '</a>') {
      const link = links.pop();
      if (!link) continue;
      const label = out.slice(link.start);
      const plainLabel = label.replace(/\\(.)/g, '$1');
      if (!isSafeHref(link.href)) {
        out = out.slice(0, link.start) + label + (plainLabel === link.href ? '' : ` (${escapeMarkdown(link.href)})`);
      } else if (plainLabel === link.href || !label.trim()) {
        out = `${out.slice(0, link.start)}<${link.href.replace(/[<>\s]/g, encodeURIComponent)}>`;
      } else {
        out = `${out.slice(0, link.start)}[${label}](<${link.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      }
      continue;
    }
    if (tag.startsWith('<span') || tag === '</span>') continue;
    switch (name) {
      case 'i':
        out += '*';
        break;
      case 'b':
        out += '**';
        break;
      case 'code':
        out += '`';
        break;
      case 'sup':
      case 'sub':
        out += closing ? `</${name}>` : `<${name}>`;
        break;
      case 'p':
      case 'blockquote':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        out += '\n\n';
        break;
      case 'br':
        out += '\\\n';
        break;
      case 'ul':
        out += '\n\n';
        break;
      case 'li':
        if (!closing) out += '\n- ';
        break;
    }
  }
  out += escapeMarkdown(restoreAngles(text.slice(last)));
  return out
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
        .join('\n')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n')
    .normalize('NFC')
    .replace(/[\u0131\u0237]\p{M}/gu, composeDotless);
}

/**
 * Decodes one LaTeX value (as it would stand between the braces of a field) to plain text, or to markdown with
 * `markdown: true`, the way the reader decodes fields.
 */
export function decodeLatex(tex: string, options: { markdown?: boolean } = {}): string {
  const field = options.markdown ? 'abstract' : 'title';
  const library = parse(`@misc{x, ${field} = {${hideAngles(stripControlCharacters(tex))}}}`, PARSE_OPTIONS);
  const value = library.entries[0]?.fields[field];
  if (typeof value !== 'string') return '';
  return options.markdown ? markupToMarkdown(value) : markupToText(value);
}
