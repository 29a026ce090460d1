// Text rules every field shares: which characters a paper may hold, what counts as empty, how text compares.

// Control characters (C0 but tab, line feed and carriage return; DEL; C1 including NEL), Unicode non-characters
// (U+FDD0–U+FDEF and the last two code points of every plane), the line and paragraph separators, and lone
// surrogates. None of them means anything in a bibliography, and each breaks some reader: HTML parsers, biber, RIS
// readers (which split records on them), XML feeds.
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, plane) => {
  const base = (plane + 1).toString(16);
  return `\\u{${base}fffe}\\u{${base}ffff}`;
}).join('');
const FORBIDDEN = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufdd0-\\ufdef\\ufffe\\uffff${PLANE_NONCHARACTERS}\\ud800-\\udfff]`,
  'u',
);
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

// Characters that take no space: zero-width spaces and joiners, word joiner, invisible operators, BOM, soft
// hyphen, bidirectional controls, Hangul fillers, Mongolian vowel separator, combining grapheme joiner.
const INVISIBLE =
  /[\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/gu;

/** Describes the first forbidden character in a text (e.g. "U+0007"), or undefined when there is none. */
export function findForbiddenCharacter(text: string): string | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes forbidden characters (for text from outside, such as imports, where the caller reports the removal). */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, '');
}

/** True when a text shows nothing: empty, blank, or only invisible characters. */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

/**
 * One-line text: NFC, runs of white space (line breaks from YAML folding included) as one space, trimmed. A
 * non-breaking space is kept: it is typography the author chose ("Fig.~3", French quotes), as in BibTeX's `~`.
 */
export function normalizeLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim();
}

/** Multi-line text: NFC, line ends as `\n`, trailing spaces and surrounding blank lines removed. */
export function normalizeBlock(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}

// One collator for the whole build: `localeCompare` with a locale builds a new one on every call.
const COLLATOR = new Intl.Collator('en');

/** Compares two strings in English alphabetical order. */
export function compareText(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** Shortens text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
