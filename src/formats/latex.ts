// LaTeX in BibTeX field values, both ways. Writing: plain text → a field value that bibtex, biber and every
// BibTeX parser read back as the same text, whatever the text holds. Reading: @retorquere/bibtex-parser (Better
// BibTeX's parser) already turns LaTeX into Unicode and a little HTML markup; this module only adds what it does
// not do (\TeX, control spaces, literal `<` in the source) and turns its markup into plain text or markdown.

import { parse, type Options } from '@retorquere/bibtex-parser';
import { Parser } from 'htmlparser2';

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
  return escapeLatexRun(text).trim();
}

/** `escapeLatex` for a run of text inside a larger value: the same escapes, its edge spaces kept. */
function escapeLatexRun(text: string): string {
  return stripControlCharacters(text)
    .replace(/[\\{}%&$#_~^<>\u00a0]/g, (char) => SPECIALS[char])
    .replace(COMBINED, (_, letter: string, marks: string) => writeAccents(letter, marks))
    .replace(LIGATURES, '$1$2{}')
    .replace(/[^\S\u00a0]+/g, ' ');
}

// The LaTeX each inline HTML element of an abstract becomes; the reader turns each back into the same markup.
const INLINE_COMMANDS: Readonly<Record<string, string>> = {
  em: 'emph',
  i: 'emph',
  cite: 'emph',
  var: 'emph',
  strong: 'textbf',
  b: 'textbf',
  code: 'texttt',
  kbd: 'texttt',
  samp: 'texttt',
  sup: 'textsuperscript',
  sub: 'textsubscript',
};
// Elements that end a paragraph (written as \par between paragraphs).
const BLOCKS = new Set(
  'p div blockquote pre h1 h2 h3 h4 h5 h6 figure figcaption table caption thead tbody tfoot tr dl dt dd hr'.split(' '),
);
// A URL as an argument of \url or \href: LaTeX's specials there are `%` and `#` (escaped), braces and `\`, which
// would end or break the argument (percent-encoded, naming the same URL).
const escapeUrlArgument = (url: string): string =>
  stripControlCharacters(url)
    .trim()
    .replace(/[{}\\\s]/g, (char) => encodeURIComponent(char))
    .replace(/[%#]/g, '\\$&');

/**
 * An abstract's sanitized HTML as a BibTeX field value: text escaped as `escapeLatex` does, emphasis, bold, code,
 * super- and subscripts as \emph, \textbf, \texttt, \textsuperscript, \textsubscript, links as \href (\url when
 * the text is the URL), lists as itemize/enumerate, paragraphs joined by ` \par `; the reader gives the same
 * markdown back. Other elements (spans, images, tables) keep their text.
 */
export function formatHtmlAsLatex(html: string): string {
  let out = '';
  const closers: string[] = [];
  const links: { href: string; start: number }[] = [];
  // Preformatted blocks, written after white space is folded (their own line breaks are the point).
  const blocks: string[] = [];
  let pre: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (pre !== undefined) return;
        if (name === 'pre') {
          pre = '';
          return;
        }
        if (BLOCKS.has(name)) out += '\n\n';
        if (name === 'br') out += ' \\\\ ';
        if (name === 'ul' || name === 'ol') out += ` \\begin{${name === 'ul' ? 'itemize' : 'enumerate'}} `;
        if (name === 'li') out += ' \\item ';
        if (name === 'a' && attributes.href) links.push({ href: attributes.href, start: out.length });
        const command = INLINE_COMMANDS[name];
        if (command) out += `\\${command}{`;
        closers.push(command ? '}' : '');
        if (name === 'img' && attributes.alt) out += escapeLatexRun(attributes.alt);
      },
      ontext(text) {
        if (pre !== undefined) pre += text;
        else out += escapeLatexRun(text);
      },
      onclosetag(name) {
        if (pre !== undefined) {
          if (name !== 'pre') return;
          out += `\n\n${VERBATIM_MARK}${blocks.length}${VERBATIM_MARK}\n\n`;
          blocks.push(formatVerbatimBlock(pre));
          pre = undefined;
          return;
        }
        out += closers.pop() ?? '';
        if (name === 'ul' || name === 'ol') out += ` \\end{${name === 'ul' ? 'itemize' : 'enumerate'}} `;
        if (name === 'a') {
          const link = links.at(-1);
          if (!link) return;
          links.pop();
          const label = out.slice(link.start);
          const href = escapeUrlArgument(link.href);
          // An address the renderer linked itself (an e-mail address, www.…) stays text, as the source had it.
          const bare = [`mailto:${label.trim()}`, `http://${label.trim()}`].includes(escapeLatexRun(link.href).trim());
          if (bare) return;
          out =
            out.slice(0, link.start) +
            (label.trim() === escapeLatexRun(link.href).trim() ? `\\url{${href}}` : `\\href{${href}}{${label}}`);
        }
        if (BLOCKS.has(name)) out += '\n\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[^\S\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join(' \\par ')
    .replace(new RegExp(`${VERBATIM_MARK}(\\d+)${VERBATIM_MARK}`, 'g'), (_, index: string) => blocks[Number(index)]);
}

const VERBATIM_MARK = '\ufdd4';

/**
 * A preformatted block (code in an abstract) as a verbatim environment, line breaks and spaces kept; when its
 * braces do not balance (BibTeX would end the field there) or it holds \end{verbatim}, its escaped text instead.
 */
function formatVerbatimBlock(text: string): string {
  const code = stripControlCharacters(text).replace(/^\n+|\s+$/g, '');
  if (balanceBraces(code) === code.replace(/\s*\n\s*/g, ' ') && !code.includes('\\end{verbatim}')) {
    return `\\begin{verbatim}\n${code}\n\\end{verbatim}`;
  }
  return escapeLatex(code);
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

/** Whether a value has an odd number of `$` not escaped by a backslash (a math section never closed). */
function hasUnpairedDollar(value: string): boolean {
  return (value.match(/(?<!\\)\$/g)?.length ?? 0) % 2 === 1;
}

/** Whether a value has a `"` outside braces, which would end a quoted BibTeX value. */
function hasBareQuote(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '"' && depth === 0) return true;
  }
  return false;
}

/**
 * A value kept verbatim (`extra`), delimited for the entry: braced, or quoted when it holds a `$` never closed
 * (BibTeX takes either, but Better BibTeX's parser refuses a braced value with an open math section, so the site's
 * own export could not be imported again). Quotes are impossible with a bare `"`; then that last `$` is written
 * `\$`, the one change, which prints the same dollar sign the source would have begun math with.
 */
export function delimitVerbatimExtra(value: string): string {
  const balanced = balanceBraces(value);
  if (!hasUnpairedDollar(balanced)) return `{${balanced}}`;
  if (!hasBareQuote(balanced)) return `"${balanced}"`;
  const last = balanced.search(/(?<!\\)\$(?!.*(?<!\\)\$)/s);
  return `{${balanced.slice(0, last)}\\${balanced.slice(last)}}`;
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

// A verbatim environment's text while the parser runs (it would fold its lines): hex-coded UTF-8 between two
// non-characters, which the reader removes from the input first.
const CODE_OPEN = '\ufdd2';
const CODE_CLOSE = '\ufdd3';
const CODE_BLOCK = /\ufdd2([0-9a-f]*)\ufdd3/g;

/** Removes a block's blank edge lines and the indentation all its lines share (a .bib file indents values). */
function dedent(text: string): string {
  const lines = text.replace(/^\s*\n|\s+$/g, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common).trimEnd()).join('\n');
}

/** Hides each \begin{verbatim}…\end{verbatim} from the parser, its text coded (see `restoreCode`). */
export function hideVerbatimEnvironments(text: string): string {
  return text.replace(/\\begin\{verbatim\}([\s\S]*?)\\end\{verbatim\}/g, (_, code: string) => {
    const hex = Buffer.from(dedent(code), 'utf8').toString('hex');
    return `${CODE_OPEN}${hex}${CODE_CLOSE}`;
  });
}

/** The text of the verbatim environments `hideVerbatimEnvironments` hid: as fenced code blocks, or as plain text. */
function restoreCode(text: string, markdown: boolean): string {
  return text.replace(CODE_BLOCK, (_, hex: string) => {
    const code = Buffer.from(hex, 'hex').toString('utf8');
    if (!markdown) return code.replace(/\s+/g, ' ');
    const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    return `${fence}\n${code}\n${fence}`;
  });
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

// A command the parser does not know, marked in its output until the text around it is known (see settleCommands).
const COMMAND_OPEN = '\ufdd5';
const COMMAND_CLOSE = '\ufdd6';
const UNKNOWN_COMMAND = /\ufdd5([a-zA-Z@]+)\ufdd6(?=([\p{L}\p{N}])?)/gu;

/**
 * The parser's fallback for commands it does not know: the text the command stands for, else a mark that
 * `settleCommands` resolves; `onUnknown` hears the name so the report can say it.
 */
export function decodeUnknownMacro(node: unknown, tex: string, onUnknown?: (command: string) => void): string {
  const macro = node as MacroNode;
  if (macro.type !== 'macro' || typeof macro.content !== 'string') return tex;
  if (macro.content in MACRO_TEXT) return MACRO_TEXT[macro.content];
  if (PASS_THROUGH.has(macro.content)) return argumentText(macro);
  if (!/^[a-zA-Z@]+$/.test(macro.content)) return tex;
  onUnknown?.(macro.content);
  return `${COMMAND_OPEN}${macro.content}${COMMAND_CLOSE}`;
}

/**
 * Resolves the marks of unknown commands: one directly before text had a braced argument (`\booktitle{LaTeX for
 * Linux}`; the parser keeps the argument's text, never its braces): the command goes and its argument stays; any
 * other (a logo, `{\AmSLaTeX}`, a journal macro `\TUB`) stays as written, since only it names what it prints.
 */
function settleCommands(text: string): string {
  return text.replace(UNKNOWN_COMMAND, (_, name: string, next?: string) => (next ? '' : `\\${name}`));
}

/**
 * The parser options the reader uses: no case changes, LaTeX to Unicode, paragraphs kept in long text; each command
 * it does not know is passed to `onUnknown` with the entry's key.
 */
export function createParseOptions(onUnknown?: (command: string, key: string) => void): Options {
  return {
    sentenceCase: false,
    caseProtection: false,
    english: false,
    applyCrossRef: true,
    // No entry when the parser reads an @string or @preamble.
    unsupported: (node, tex, entry) =>
      decodeUnknownMacro(node, tex, (command) =>
        onUnknown?.(command, (entry as { key?: string } | undefined)?.key ?? ''),
      ),
    // Dates are EDTF, read as written: in LaTeX, the `~` of a circa date would become a space.
    fieldMode: {
      abstract: 'richtext',
      date: 'verbatim',
      urldate: 'verbatim',
      eventdate: 'verbatim',
      origdate: 'verbatim',
    },
  };
}

/** The parser options the reader uses (see `createParseOptions`), for parses that report nothing. */
export const PARSE_OPTIONS: Options = createParseOptions();

// The markup the parser emits, and only that: any other `<` is text.
const MARKUP =
  /<(\/?)(i|b|code|sup|sub|p|br|li|ul|blockquote|h[1-6])>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>|<a href="([^"]*)">|<\/a>/g;

/** Fixes what the parser's conversion leaves unreadable (its \LaTeX logo). */
function fixLogos(text: string): string {
  return settleCommands(text).replace(/Lᴬ?T(?:<sub>E<\/sub>|E)X|L<sup>A<\/sup>T<sub>E<\/sub>X/g, 'LaTeX');
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
      restoreCode(
        fixLogos(value)
          .replace(/<sup>(\d+)<\/sup>/g, (_, digits: string) => digits)
          .replace(MARKUP, (tag) => (/^<(p|br|li)>$/.test(tag) ? ' ' : '')),
        false,
      ),
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

// A URL or an e-mail address in running text, as GFM's autolink extension finds them (its trailing punctuation
// and an unmatched closing parenthesis are not part of the link).
const URL_LITERAL = /(?<![\w@.+-])(?:https?:\/\/[^\s<>"]+|[a-zA-Z0-9._+-]+@[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]+)+)/g;

/** A URL literal without what GFM leaves out of the link: trailing `?!.,:*_~'"`, an unmatched `)`. */
function trimUrlLiteral(literal: string): string {
  let url = literal.replace(/[?!.,:*_~'";]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(/[?!.,:*_~'";]+$/, '');
  }
  return url.replace(/[-_]+$/, (tail) => (url.includes('://') ? tail : ''));
}

/**
 * A run of text as markdown: escaped, its URLs and e-mail addresses as autolinks (<…>) outside a link's label,
 * so a bare address and a \url of it read alike, and the renderer's own autolinking changes nothing.
 */
function formatTextRun(text: string, inLink: boolean): string {
  if (inLink) return escapeMarkdown(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_LITERAL)) {
    const url = trimUrlLiteral(match[0]);
    if (!url || (!url.includes('://') && !/\.[a-zA-Z0-9]+$/.test(url))) continue;
    out += escapeMarkdown(text.slice(last, match.index)) + `<${url}>`;
    last = match.index + url.length;
  }
  return out + escapeMarkdown(text.slice(last));
}

/**
 * The parser's converted value as markdown (for abstracts): *italic*, **bold**, `code`, <sup>/<sub>, links for
 * http(s) and mailto targets (any other target stays text, never a link), paragraphs as blank lines.
 */
export function markupToMarkdown(value: string): string {
  // A verbatim block is a paragraph of its own.
  const text = fixLogos(value).replace(CODE_BLOCK, '<p>$&<p>');
  let out = '';
  let last = 0;
  const links: { href: string; start: number }[] = [];
  for (const match of text.matchAll(MARKUP)) {
    out += formatTextRun(restoreAngles(text.slice(last, match.index)), links.length > 0);
    last = match.index + match[0].length;
    const [tag, closing, name, href] = match;
    if (href !== undefined) {
      // TeX's escaped specials in a link target (\href{…/a\%20b\#top}) name the characters themselves.
      links.push({ href: restoreAngles(href).replace(/\\([%#&_~$])/g, '$1'), start: out.length });
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
  out += formatTextRun(restoreAngles(text.slice(last)), links.length > 0);
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
    .replace(/[\u0131\u0237]\p{M}/gu, composeDotless)
    .replace(CODE_BLOCK, (block) => restoreCode(block, true).trim());
}

/**
 * Decodes one LaTeX value (as it would stand between the braces of a field) to plain text, or to markdown with
 * `markdown: true`, the way the reader decodes fields.
 */
export function decodeLatex(tex: string, options: { markdown?: boolean } = {}): string {
  const field = options.markdown ? 'abstract' : 'title';
  const library = parse(
    `@misc{x, ${field} = {${hideAngles(hideVerbatimEnvironments(stripControlCharacters(tex)))}}}`,
    PARSE_OPTIONS,
  );
  const value = library.entries[0]?.fields[field];
  if (typeof value !== 'string') return '';
  return options.markdown ? markupToMarkdown(value) : markupToText(value);
}
