/**
 * A small output engine with citeproc-js's text semantics, for the few entry shapes Bibshelf's citation styles
 * produce (see `csl-format.ts`). Formatted text is a tree of nodes ("blobs", as citeproc calls them): text or
 * child nodes, each with a prefix, suffix, a delimiter between children and formatting. Field text is read for
 * the inline markup citeproc understands (`<i>`, `<b>`, `<sc>`, `<sup>`, `<sub>`, `<span class="nocase">`…,
 * straight and curly quotes, apostrophes); punctuation where fields meet is then merged the way citeproc merges it
 * (no ".." or "?."; commas and periods move inside quotes), and the tree is rendered as HTML with citeproc's
 * escaping. Every rule here was checked against citeproc's output (tests/csl-format.test.ts keeps checking it).
 */

/** A formatting attribute and its value, e.g. `['@font-style', 'italic']` or `['@quotes', 'inner']`. */
export type Decoration = readonly [attribute: string, value: string];

/** One node of formatted output: text, or child nodes joined by `delimiter`; affixes sit outside the formatting. */
export interface Blob {
  prefix: string;
  suffix: string;
  delimiter: string;
  decorations: Decoration[];
  blobs: string | Blob[];
  /** A number citeproc renders specially (only Vancouver's entry number); punctuation never merges into it. */
  number?: boolean;
}

/** Letters citeproc treats as "romanesque" (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai…), digits and `-`. */
const ROMANESQUE_CLASS =
  '[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]';
/** Any romanesque character. */
export const ROMANESQUE = new RegExp(ROMANESQUE_CLASS);
/** Text starting with a romanesque letter (or `&`). */
export const STARTS_ROMANESQUE =
  /^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]/;
/** A typographic apostrophe between two romanesque characters (read as a straight one before markup parsing). */
const CURLY_APOSTROPHE = new RegExp(`(${ROMANESQUE_CLASS})\u2019(${ROMANESQUE_CLASS})`, 'g');

/** Creates a node. */
export function makeBlob(blobs: string | Blob[], fields: Partial<Omit<Blob, 'blobs'>> = {}): Blob {
  const blob: Blob = {
    prefix: fields.prefix ?? '',
    suffix: fields.suffix ?? '',
    delimiter: fields.delimiter ?? '',
    decorations: fields.decorations ?? [],
    blobs,
  };
  if (fields.number) blob.number = true;
  return blob;
}

/** Characters whose spacing citeproc adjusts (narrow spaces before `:;?!»`, after `«`; spaces before `'`). */
const SPACED_PUNCTUATION = /[:;?!\u00ab\u00bb']/;
/** Characters citeproc moves from the start of field text into the field's prefix. */
const LEADING_PUNCTUATION = new Set([':', '.', ';', '!', '?', ' ']);

/**
 * Makes the node for one piece of field text as citeproc appends it: narrow spaces before `:;?!»`, straight
 * apostrophes after spaces, leading punctuation moved into the prefix, then inline markup parsed into child nodes.
 * `inherited` is the formatting of the enclosing nodes (an `<i>` inside italic text turns italics off); `serious` is
 * false for name parts, which citeproc appends slightly differently.
 */
export function makeText(
  value: string,
  options: {
    inherited?: readonly Decoration[];
    serious?: boolean;
    prefix?: string;
    suffix?: string;
    /** A CSL text-case; citeproc applies it to the whole text, even the leading punctuation already moved out. */
    textCase?: TextCase;
  } = {},
): Blob {
  let text = value;
  if (text && SPACED_PUNCTUATION.test(text)) {
    text = text.replace(/ ([:;?!\u00bb])/g, '\u202f$1').replace(/\u00ab /g, '\u00ab\u202f');
    text = text.replace(/\s+'/g, " '");
    if (options.serious !== false) text = text.replace(/^'/g, " '");
  }
  const blob = makeBlob(text, { prefix: options.prefix ?? '', suffix: options.suffix ?? '' });
  if (!text.startsWith(' ')) {
    let start = 0;
    while (start < text.length && LEADING_PUNCTUATION.has(text[start])) start++;
    if (start > 0 && start < text.length) {
      blob.prefix += text.slice(0, start);
      blob.blobs = text.slice(start);
    }
  }
  if (options.textCase) blob.blobs = applyTextCase(text, options.textCase);
  parseMarkup(blob, options.inherited ?? []);
  return blob;
}

// ---------------------------------------------------------------------------------------------------------------
// Inline markup ("flip-flop" parsing)

/** What one opening tag or quote means. */
interface Markup {
  kind: 'tag' | 'quote' | 'nocase' | 'nodecor';
  closer: string;
  attribute: string;
  /** The value when no enclosing node sets the attribute; for straight quotes it depends on the text. */
  outer: string;
  /** Value inside an enclosing node with the same attribute, by that node's value. */
  flip: Record<string, string>;
}

const SMALL_CAPS = { 'small-caps': 'normal', normal: 'small-caps' };
const QUOTE_FLIP = { true: 'inner', inner: 'true', false: 'true' };
const DOUBLE_QUOTE: Markup = { kind: 'quote', closer: '"', attribute: '@quotes', outer: 'true', flip: QUOTE_FLIP };
const SINGLE_QUOTE: Markup = { kind: 'quote', closer: "'", attribute: '@quotes', outer: 'inner', flip: QUOTE_FLIP };
/** Openers in citeproc's order (which decides between overlapping matches). */
const OPENERS = new Map<string, Markup>([
  ['<span class="nocase">', { kind: 'nocase', closer: '</span>', attribute: '', outer: '', flip: {} }],
  [
    '<span class="nodecor">',
    { kind: 'nodecor', closer: '</span>', attribute: '@class', outer: 'nodecor', flip: { nodecor: 'nodecor' } },
  ],
  [
    '<span style="font-variant:small-caps;">',
    { kind: 'tag', closer: '</span>', attribute: '@font-variant', outer: 'small-caps', flip: SMALL_CAPS },
  ],
  ['<sc>', { kind: 'tag', closer: '</sc>', attribute: '@font-variant', outer: 'small-caps', flip: SMALL_CAPS }],
  [
    '<i>',
    {
      kind: 'tag',
      closer: '</i>',
      attribute: '@font-style',
      outer: 'italic',
      flip: { italic: 'normal', normal: 'italic' },
    },
  ],
  [
    '<b>',
    { kind: 'tag', closer: '</b>', attribute: '@font-weight', outer: 'bold', flip: { bold: 'normal', normal: 'bold' } },
  ],
  [
    '<sup>',
    { kind: 'tag', closer: '</sup>', attribute: '@vertical-align', outer: 'sup', flip: { sub: 'sup', sup: 'sup' } },
  ],
  [
    '<sub>',
    { kind: 'tag', closer: '</sub>', attribute: '@vertical-align', outer: 'sub', flip: { sup: 'sub', sub: 'sub' } },
  ],
  [' "', DOUBLE_QUOTE],
  [" '", SINGLE_QUOTE],
  ['("', DOUBLE_QUOTE],
  ["('", SINGLE_QUOTE],
  ['\u201c', { ...DOUBLE_QUOTE, closer: '\u201d' }],
  ['\u2018', { ...SINGLE_QUOTE, closer: '\u2019' }],
]);
const CLOSERS = [...new Set([...OPENERS.values()].map((markup) => markup.closer))];
const STRAIGHT_QUOTE_OPENERS = new Set([' "', " '", '("', "('"]);
/** Attributes `<span class="nodecor">` resets. */
const NODECOR = new Set(['@font-weight', '@font-style', '@font-variant']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TAG_ALTERNATIVES = [...OPENERS.keys(), ...CLOSERS].map(escapeRegExp).join('|');
const TAG_MATCH = new RegExp(`(?:${TAG_ALTERNATIVES})`, 'g');
const MARKUP_CHARS = /[<"'\u201c\u201d\u2018\u2019]/;

/** The tags in a text and the strings between them, as citeproc splits it. */
interface Split {
  tags: string[];
  strings: string[];
  /** Per opener (not per tag), whether a quote right after it was read as an opener; citeproc indexes it by tag. */
  forcedSpaces: boolean[];
}

/** Splits text at inline tags and quotes. */
function splitMarkup(input: string): Split {
  const text = input
    .replace(/(<span)\s+(style="font-variant:)\s*(small-caps);?"[^>]*(>)/g, '$1 $2$3;"$4')
    .replace(/(<span)\s+(class="no(?:case|decor)")[^>]*(>)/g, '$1 $2$3');
  const tags = text.match(TAG_MATCH) ?? [];
  const strings = text.split(TAG_MATCH);
  const forcedSpaces: boolean[] = [];
  for (let i = 0; i < tags.length - 1; i++) {
    if (!OPENERS.has(tags[i])) continue;
    const forced = strings[i + 1] === '' && (tags[i + 1] === '"' || tags[i + 1] === "'");
    if (forced) tags[i + 1] = ` ${tags[i + 1]}`;
    forcedSpaces.push(forced);
  }
  return { tags, strings, forcedSpaces };
}

/** An apostrophe that citeproc reads as text rather than a quote, or `undefined`. */
function forceApostrophe(tag: string, next: string): string | undefined {
  if (tag === "'") return next && /^[^,.?:; ]/.test(next) ? '\u2019' : undefined;
  if (tag === " '" && next.startsWith(' ')) return ' \u2019';
  return undefined;
}

/**
 * Parses the inline markup of a text node into child nodes (the node keeps its affixes), as citeproc's
 * "flip-flopper" does, including how it recovers from unbalanced tags and quotes.
 */
function parseMarkup(blob: Blob, inherited: readonly Decoration[]): void {
  const original = blob.blobs as string;
  // Every tag and quote contains one of these characters; most text has none.
  if (!MARKUP_CHARS.test(original)) return;
  const leadingSpace = original.startsWith(' ') && !/^\s+['"]/.test(original);
  const split = splitMarkup(` ${original.replace(CURLY_APOSTROPHE, "$1'$2")}`);
  const { tags, strings, forcedSpaces } = split;
  if (tags.length === 0) return;
  const nesting: { markup: Markup; pos: number }[] = [];
  /** Literalizes the tag at `pos` into the following string. */
  const literalize = (pos: number, text: string) => {
    strings[pos + 1] = text + strings[pos + 1];
    tags[pos] = '';
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const apostrophe = forceApostrophe(tag, strings[i + 1]);
    if (apostrophe) {
      literalize(i, apostrophe);
      continue;
    }
    let failed: number | undefined;
    for (;;) {
      failed = undefined;
      const opener = OPENERS.get(tag);
      if (opener) {
        nesting.push({ markup: opener, pos: i });
        break;
      }
      const top = nesting.at(-1);
      if (top && tag === top.markup.closer) {
        nesting.pop();
        if (top.markup.kind === 'nocase') {
          tags[top.pos] = '';
          tags[i] = '';
        }
        break;
      }
      failed = top ? top.pos : i;
      if (tag === "'") {
        literalize(i, '\u2019');
      } else {
        let text = tags[failed];
        if (forcedSpaces[failed - 1]) text = text.slice(1);
        literalize(failed, text);
      }
      if (nesting.length === 0 || tag === "'") break;
      nesting.pop();
    }
    if (failed !== undefined) literalize(i, tags[i]);
  }
  // Openers never closed become text.
  for (let k = nesting.length - 1; k >= 0; k--) {
    const pos = nesting[k].pos;
    const tag = tags[pos];
    literalize(pos, tag === " '" || tag === "'" ? ' \u2019' : tag);
  }
  for (let k = tags.length - 1; k >= 0; k--) {
    if (tags[k]) continue;
    tags.splice(k, 1);
    strings.splice(k, 2, strings[k] + strings[k + 1]);
  }
  // The first straight quote decides which straight quote is the outer (double) one.
  let outerQuote: string | undefined;
  for (let k = 0; k < tags.length; k++) {
    if (!STRAIGHT_QUOTE_OPENERS.has(tags[k])) continue;
    outerQuote ??= tags[k];
    if (!forcedSpaces[k - 1]) strings[k] += tags[k][0];
  }
  const doubleIsOuter = outerQuote === ' "' || outerQuote === '("';
  buildMarkupTree(blob, tags, strings, leadingSpace, inherited, outerQuote === undefined ? undefined : doubleIsOuter);
}

/** The value of `attribute` set by the outermost enclosing node that sets it. */
function findInherited(inherited: readonly Decoration[], attribute: string): Decoration | undefined {
  return inherited.find(([name]) => name === attribute);
}

/** Turns the cleaned-up tags and strings into child nodes of `blob`. */
function buildMarkupTree(
  blob: Blob,
  tags: readonly string[],
  strings: readonly string[],
  leadingSpace: boolean,
  inherited: readonly Decoration[],
  doubleIsOuter: boolean | undefined,
): void {
  const root: Blob[] = [];
  blob.blobs = root;
  /** Open nodes; `opened` is the formatting set by markup in this text, outermost first. */
  const stack: { children: Blob[]; opened: Decoration[] }[] = [{ children: root, opened: [] }];
  const open: Decoration[] = [];
  let first = true;
  const add = (text: string, decoration?: Decoration) => {
    let str = text;
    if (first) {
      if (str.startsWith(' ')) str = str.slice(1);
      if (str.startsWith(' ')) str = str.slice(1);
      first = false;
    }
    const latest = stack[stack.length - 1];
    if (decoration) {
      let decorations: Decoration[] = [decoration];
      if (decoration[0] === '@class') {
        // <span class="nodecor">: weight, style and variant back to normal wherever something sets them, in the
        // order citeproc finds them (markup in this text innermost first, then enclosing nodes outermost first).
        decorations = [];
        for (const [attribute] of [...latest.opened].reverse().concat(inherited)) {
          if (NODECOR.has(attribute) && !decorations.some(([name]) => name === attribute)) {
            decorations.push([attribute, 'normal']);
          }
        }
      }
      const node = makeBlob([], { decorations });
      latest.children.push(node);
      const entry = { children: node.blobs as Blob[], opened: [...latest.opened, ...decorations] };
      stack.push(entry);
      if (str) entry.children.push(makeBlob(str));
    } else if (str) {
      latest.children.push(makeBlob(str));
    }
  };
  if (strings.length) add(leadingSpace ? ` ${strings[0]}` : strings[0]);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const opener = OPENERS.get(tag);
    if (opener) {
      const attribute = opener.attribute;
      const enclosing = open.findLast(([name]) => name === attribute) ?? findInherited(inherited, attribute);
      let outer = opener.outer;
      if (opener.kind === 'quote' && STRAIGHT_QUOTE_OPENERS.has(tag) && doubleIsOuter !== undefined) {
        outer = (opener === DOUBLE_QUOTE) === doubleIsOuter ? 'true' : 'inner';
      }
      const decoration: Decoration = [attribute, enclosing ? opener.flip[enclosing[1]] : outer];
      open.push(decoration);
      add(strings[i + 1], decoration);
    } else {
      open.pop();
      stack.pop();
      add(strings[i + 1]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Title case (CSL text-case="title", as citeproc applies it to English text)

/** citeproc's English stop words, which title case leaves lowercase, as a regex alternation (`.` is any char). */
const SKIP_WORDS =
  'about|above|across|afore|after|against|al|along|alongside|amid|amidst|among|amongst|anenst|apropos|' +
  'apud|around|as|aside|astride|at|athwart|atop|barring|before|behind|below|beneath|beside|besides|' +
  'between|beyond|but|by|circa|despite|down|during|et|except|for|forenenst|from|given|in|inside|into|' +
  'lest|like|modulo|near|next|notwithstanding|of|off|on|onto|out|over|per|plus|pro|qua|sans|since|than|' +
  'through| thru|throughout|thruout|till|to|toward|towards|under|underneath|until|unto|up|upon|versus|' +
  'vs.|v.|vs|v|via|vis-à-vis|with|within|without|according to|ahead of|apart from|as for|as of|as per|' +
  'as regards|aside from|back to|because of|close to|due to|except for|far from|inside of|instead of|' +
  'near to|next to|on to|out from|out of|outside of|prior to|pursuant to|rather than|regardless of|' +
  "such as|that of|up to|where as|or|yet|so|for|and|nor|a|an|the|de|d'|von|van|c|ca";
const SKIP_WORD = new RegExp(`(?:(?:[?!:]*\\s+|-|^)(?:${SKIP_WORDS})(?=[!?:]*\\s+|-|$))`);
/** Tags and punctuation between which title case looks at words. */
const CASE_SPLIT = new RegExp(
  '(?:\u2018|\u2019|\u201c|\u201d| "| \'|"|\'|[-\u2013\u2014/.,;?!:]|\\[|\\]|\\(|\\)|<span style="font-variant: small-caps;">|' +
    '<span class="no(?:case|decor)">|</span>|</?(?:i|sc|b|sub|sup)>)',
  'g',
);
const WORD_SPLIT = /[\u00a0\u0020\u2000-\u200b\u205f\u3000]+/g;
/** Markup inside which title case changes nothing, by opener. */
const CASE_PROTECTED: Record<string, string> = {
  '<span style="font-variant: small-caps;">': '</span>',
  '<span class="nocase">': '</span>',
  '<span class="nodecor">': '</span>',
  '<sc>': '</sc>',
  '<sub>': '</sub>',
  '<sup>': '</sup>',
};
/** Quote pairs title case tracks (to undo capitals after a stray quote). */
const CASE_QUOTES: Record<string, { opener: string; closer: string }> = {
  ' "': { opener: " '", closer: '"' },
  " '": { opener: ' "', closer: "'" },
  '\u2018': { opener: '\u2018', closer: '\u2019' },
  '\u201c': { opener: '\u201c', closer: '\u201d' },
};

/** Splits text at tags/punctuation like citeproc's text-case splitter (an apostrophe before text stays text). */
function splitForCase(input: string): { tags: string[]; strings: string[]; original: string[] } {
  const text = input
    .replace(/(<span)\s+(class="no(?:case|decor)")[^>]*(>)/g, '$1 $2$3')
    .replace(/(<span)\s+(style="font-variant:)\s*(small-caps);?(")[^>]*(>)/g, '$1 $2 $3;$4$5');
  const tags = text.match(CASE_SPLIT) ?? [];
  const strings = text.split(CASE_SPLIT);
  for (let i = tags.length - 1; i >= 0; i--) {
    if (tags[i] === "'" && strings[i + 1].length > 0) {
      strings[i + 1] = `'${strings[i + 1]}`;
      tags[i] = '';
    }
  }
  return { tags, strings, original: strings.slice() };
}

/** Joins what a split produced. */
const joinSplit = (tags: readonly string[], strings: readonly string[]) =>
  strings.map((str, i) => (i < tags.length ? str + tags[i] : str)).join('');

/** Uppercases the first character of a word (not a lone Greek letter, which is a symbol in a title). */
function capitalise(word: string): string {
  const match = /(^\s*)(.)(.*)/u.exec(word);
  if (!match || (/^[\u0370-\u03ff]$/.test(match[2]) && !match[3])) return word;
  return match[1] + match[2].toLocaleUpperCase('en-US') + match[3];
}

/** A CSL text-case Bibshelf's styles use. */
export type TextCase = 'title' | 'capitalize-first';

/**
 * A CSL text case as citeproc applies it. Title: words not already capitalized, except stop words inside the title;
 * capitalize-first: the first word if it is all lowercase. Text in `<sc>`, `<sup>`, `<sub>` and nocase spans is
 * left alone, and a quote that does not pair up keeps the original case of what follows it.
 */
export function applyTextCase(input: string, mode: TextCase): string {
  if (!input) return '';
  const { tags, strings, original } = splitForCase(input);
  let isFirst = true;
  let afterPunct = false;
  let lastWord: { string: number; word: number } | undefined;
  const tagState: string[] = [];
  const quoteState: { opener: string; closer: string; pos?: number }[] = [];
  const capitaliseWords = (str: string, index: number, followingTag: string | undefined) => {
    if (mode === 'capitalize-first') return capitaliseFirstWord(str);
    if (!str.trim()) return str;
    const separators = str.match(WORD_SPLIT) ?? [];
    const words = str.split(WORD_SPLIT);
    for (let j = 0; j < words.length; j++) {
      const word = words[j];
      if (!word) continue;
      const lower = word.toLocaleLowerCase('en-US');
      const capitalize =
        (word.length > 1 && !SKIP_WORD.test(lower)) ||
        (j === words.length - 1 && followingTag === '-') ||
        isFirst ||
        afterPunct;
      if (capitalize && word === lower) words[j] = capitalise(word);
      afterPunct = false;
      isFirst = false;
      lastWord = { string: index, word: j };
    }
    return joinSplit(separators, words);
  };
  const capitaliseFirstWord = (str: string) => {
    const separators = str.match(WORD_SPLIT) ?? [];
    const words = str.split(WORD_SPLIT);
    const j = words.findIndex(Boolean);
    if (isFirst && j >= 0) {
      if (words[j] === words[j].toLocaleLowerCase('en-US')) words[j] = capitalise(words[j]);
      isFirst = false;
    }
    return joinSplit(separators, words);
  };
  /** Tracks quotes; returns the position of a quote that turned out not to open, if any. */
  const trackQuote = (tag: string, pos: number): number | undefined => {
    const match = /(^(?:\u2018|\u2019|\u201c|\u201d|"|')|(?: "| ')$)/.exec(tag);
    if (!match) return undefined;
    const quote = match[1];
    const top = quoteState[quoteState.length - 1];
    if (['\u201c', '\u2018', ' "', " '"].includes(quote)) {
      if (!top || quote === top.opener) {
        quoteState.push({ ...CASE_QUOTES[quote], pos });
        return undefined;
      }
      quoteState.pop();
      // citeproc records this one without its position.
      quoteState.push({ ...CASE_QUOTES[quote] });
      return top.pos;
    }
    if (top && quote === top.closer) {
      quoteState.pop();
      return undefined;
    }
    return pos;
  };
  /** Puts back the original first character after a quote that did not pair up. */
  const restore = (pos: number) => {
    strings[pos + 1] = original[pos + 1].slice(0, 1) + strings[pos + 1].slice(1);
  };
  if (strings.length && strings[0].trim()) strings[0] = capitaliseWords(strings[0], 0, tags[0]);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const str = strings[i + 1];
    if (CASE_PROTECTED[tag]) tagState.push(CASE_PROTECTED[tag]);
    else if (tagState.length && tag === tagState[tagState.length - 1]) tagState.pop();
    if (mode === 'title' && /[!?:]$/.test(tag)) afterPunct = true;
    // citeproc passes no following tag here (only for the first string).
    if (tagState.length === 0) strings[i + 1] = capitaliseWords(str, i + 1, undefined);
    else if (strings[i + 1].trim()) lastWord = undefined;
    const quotePos = trackQuote(tag, i);
    if (quotePos !== undefined) {
      restore(quotePos);
      lastWord = undefined;
    }
    if (isFirst && str.trim()) isFirst = false;
    if (afterPunct && str.trim()) afterPunct = false;
  }
  for (const { pos } of quoteState) if (pos !== undefined) restore(pos);
  if (lastWord) {
    const target = strings[lastWord.string];
    const separators = target.match(WORD_SPLIT) ?? [];
    const words = target.split(WORD_SPLIT);
    const word = words[lastWord.word];
    if (word.length > 1 && SKIP_WORD.test(word.toLocaleLowerCase('en-US'))) words[lastWord.word] = capitalise(word);
    strings[lastWord.string] = joinSplit(separators, words);
  }
  return joinSplit(tags, strings);
}

// ---------------------------------------------------------------------------------------------------------------
// Punctuation where nodes meet

/** Merged punctuation when `left` is followed by `right` (citeproc's table). */
const LEFT_TO_RIGHT: Record<string, Record<string, string>> = {
  '!': { '.': '!', '?': '!?', ':': '!', ',': '!,', ';': '!;' },
  '?': { '!': '?!', '.': '?', ':': '?', ',': '?,', ';': '?;' },
  '.': { '!': '.!', '?': '.?', ':': '.:', ',': '.,', ';': '.;' },
  ':': { '!': '!', '?': '?', '.': ':', ',': ':,', ';': ':;' },
  ',': { '!': ',!', '?': ',?', ':': ',:', '.': ',.', ';': ',;' },
  ';': { '!': '!', '?': '?', ':': ';', ',': ';,', '.': ';' },
};
const RIGHT_TO_LEFT: Record<string, Record<string, string>> = {};
for (const [left, row] of Object.entries(LEFT_TO_RIGHT)) {
  for (const [right, merged] of Object.entries(row)) (RIGHT_TO_LEFT[right] ??= {})[left] = merged;
}
const PUNCTUATION = new Set(Object.keys(LEFT_TO_RIGHT));
const PUNCTUATION_OR_SPACE = new Set([...PUNCTUATION, ' ', '\u00a0']);
/** Punctuation that moves inside closing quotes. */
const SWAP_IN = new Set(['!', '?', '.', ',']);

const isPunctuation = (char: string) => PUNCTUATION.has(char);
const isPunctuationOrSpace = (char: string) => PUNCTUATION_OR_SPACE.has(char);
/** A node with text content. */
type TextBlob = Omit<Blob, 'blobs'> & { blobs: string };
const isText = (blob: Blob): blob is TextBlob => typeof blob.blobs === 'string';
const getLastChild = (blob: Blob): Blob => (blob.blobs as Blob[])[(blob.blobs as Blob[]).length - 1];
const FORMATTING = new Set(['@font-style', '@font-variant', '@font-weight', '@text-decoration', '@vertical-align']);

/** Whether a node has visible formatting (and, if asked, quotes) of its own. */
function hasFormatting(blob: Blob, withQuotes = false): boolean {
  return blob.decorations.some(([name]) => FORMATTING.has(name) || (withQuotes && name === '@quotes'));
}

/** A string slot of a node: its text, prefix or suffix. */
type Slot = 'blobs' | 'prefix' | 'suffix';
const readSlot = (blob: Blob, slot: Slot) => blob[slot] as string;
const writeSlot = (blob: Blob, slot: Slot, value: string) => {
  (blob as unknown as Record<Slot, string>)[slot] = value;
};

/**
 * Merges the last character of `first`'s slot with the first of `second`'s (citeproc's mergeChars): a duplicate is
 * dropped, a pair is replaced by its merged form on the right (`toRight`) or left.
 */
function mergeChars(first: Blob, firstSlot: Slot, second: Blob, secondSlot: Slot, toRight = false): void {
  const left = readSlot(first, firstSlot).slice(-1);
  const right = readSlot(second, secondSlot).slice(0, 1);
  const cullLeft = () => writeSlot(first, firstSlot, readSlot(first, firstSlot).slice(0, -1));
  const cullRight = () => writeSlot(second, secondSlot, readSlot(second, secondSlot).slice(1));
  if (left === right) {
    if (toRight) cullLeft();
    else cullRight();
    return;
  }
  if (toRight) {
    if (!LEFT_TO_RIGHT[left]) return;
    const merged = LEFT_TO_RIGHT[left][right];
    if (merged !== undefined) {
      cullLeft();
      cullRight();
      writeSlot(second, secondSlot, merged + readSlot(second, secondSlot));
    } else {
      writeSlot(second, secondSlot, left + readSlot(second, secondSlot));
      cullLeft();
    }
  } else {
    if (!RIGHT_TO_LEFT[right]) return;
    const merged = RIGHT_TO_LEFT[right][left];
    if (merged !== undefined) {
      cullLeft();
      cullRight();
      writeSlot(first, firstSlot, readSlot(first, firstSlot) + merged);
    } else {
      writeSlot(first, firstSlot, readSlot(first, firstSlot) + right);
      cullRight();
    }
  }
}

/** Removes nodes without content, bottom-up. */
function purgeEmpty(blob: Blob): void {
  if (isText(blob)) return;
  const children = blob.blobs as Blob[];
  for (const child of children) purgeEmpty(child);
  if (children.some((child) => child.blobs.length === 0))
    blob.blobs = children.filter((child) => child.blobs.length > 0);
}

/** Drops a text blob's suffix punctuation when its text already ends with that mark ("etc." + "." → "etc."). */
function dropRepeatedSuffixPunctuation(blob: Blob): void {
  const mark = blob.suffix.slice(0, 1);
  if (isPunctuation(mark) && mark === (blob.blobs as string).slice(-1)) blob.suffix = blob.suffix.slice(1);
}

/** Moves leading punctuation and trailing spaces of children up to their parents (citeproc's first pass). */
function moveUp(parent: Blob): void {
  if (isText(parent)) {
    dropRepeatedSuffixPunctuation(parent);
    return;
  }
  const children = parent.blobs as Blob[];
  if (!children.length) return;
  const parentFormatted = hasFormatting(parent, true);
  for (let i = children.length - 1; i >= 0; i--) {
    moveUp(children[i]);
    const child = children[i];
    if (i === 0) {
      if (parent.prefix.endsWith(' ') && child.prefix.startsWith(' ')) child.prefix = child.prefix.slice(1);
      const char = child.prefix.slice(0, 1);
      if (!parentFormatted && isPunctuationOrSpace(char) && !parent.prefix) {
        parent.prefix += char;
        child.prefix = child.prefix.slice(1);
      }
    }
    if (i === children.length - 1) {
      const char = child.suffix.slice(-1);
      if (!parentFormatted && char === ' ') {
        if (parent.suffix.slice(0, 1) !== char) parent.suffix = char + parent.suffix;
        child.suffix = child.suffix.slice(0, -1);
      }
    }
    if (parent.delimiter && i > 0) {
      const char = parent.delimiter.slice(-1);
      if (isPunctuationOrSpace(char) && char === child.prefix.slice(0, 1)) child.prefix = child.prefix.slice(1);
    }
  }
}

/** Moves a sibling's leading punctuation onto the end of the node before it (citeproc's second pass). */
function moveLeft(parent: Blob): void {
  if (isText(parent)) return;
  const children = parent.blobs as Blob[];
  for (let i = children.length - 1; i >= 0; i--) {
    moveLeft(children[i]);
    if (i === children.length - 1 || parent.delimiter) continue;
    const child = children[i];
    const sibling = children[i + 1];
    const siblingChar = sibling.prefix.slice(0, 1);
    if (hasFormatting(child) || hasFormatting(sibling) || !isPunctuation(siblingChar)) continue;
    const suffixMatches = siblingChar === child.suffix.slice(-1);
    const textMatches = !child.suffix && isText(child) && child.blobs.slice(-1) === siblingChar;
    if (!suffixMatches && !textMatches) mergeChars(child, 'suffix', sibling, 'prefix');
    else sibling.prefix = sibling.prefix.slice(1);
  }
}

/** Whether a node is, or only wraps, a number. */
const isNumber = (blob: Blob) =>
  Boolean(blob.number) || (!isText(blob) && blob.blobs.length === 1 && Boolean((blob.blobs[0] as Blob).number));

/** Whether a node's content ends in a number. */
const endsInNumber = (blob: Blob): boolean =>
  Boolean(blob.number) || (!isText(blob) && endsInNumber(getLastChild(blob)));

/** Whether the end of a node's content would merge with `parentChar` into one character. */
function endsInMergingPunctuation(parentChar: string, blob: Blob): boolean {
  let char = blob.suffix.slice(-1);
  if (!char && isText(blob)) char = blob.blobs.slice(-1);
  const merged = RIGHT_TO_LEFT[parentChar]?.[char];
  if (merged && merged.length === 1) return true;
  if (isText(blob)) return false;
  return endsInMergingPunctuation(parentChar, getLastChild(blob));
}

/** Whether a node or its last descendants are quoted. */
function endsInQuotes(blob: Blob): boolean {
  if (blob.decorations.some(([name, value]) => name === '@quotes' && value !== 'false')) return true;
  if (isText(blob)) return false;
  return endsInQuotes(getLastChild(blob));
}

/** Whether the node's content already ends with `char` (a punctuation mark). */
function endsWithChar(blob: Blob, char: string): boolean {
  if (!isPunctuation(char)) return false;
  if (isText(blob)) return blob.blobs.slice(-1) === char;
  const child = getLastChild(blob);
  if (!child) return false;
  const childChar = child.suffix.slice(-1);
  return childChar ? childChar === char : endsWithChar(child, char);
}

/** Moves delimiters' and suffixes' punctuation down onto the content it follows, merging it (the third pass). */
function moveDown(parent: Blob): void {
  if (isText(parent)) {
    dropRepeatedSuffixPunctuation(parent);
    return;
  }
  const children = parent.blobs as Blob[];
  if (!children.length) return;
  if (parent.delimiter && isPunctuation(parent.delimiter.slice(0, 1))) {
    const char = parent.delimiter.slice(0, 1);
    for (let i = children.length - 2; i >= 0; i--) {
      if (children[i].suffix.slice(-1) !== char) children[i].suffix += char;
    }
    parent.delimiter = parent.delimiter.slice(1);
  }
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    const childFormatted = hasFormatting(child, true);
    const childIsNumber = isNumber(child);
    if (i === children.length - 1) {
      const parentChar = parent.suffix.slice(0, 1);
      let migrate = false;
      if (isPunctuation(parentChar)) {
        migrate = endsInMergingPunctuation(parentChar, child) || endsInQuotes(child);
      }
      if (migrate && !endsInNumber(child)) {
        if (isText(child)) mergeChars(child, 'blobs', parent, 'suffix');
        else mergeChars(child, 'suffix', parent, 'suffix');
        if (parent.suffix.slice(0, 1) === '.') {
          child.suffix += '.';
          parent.suffix = parent.suffix.slice(1);
        }
      }
      if (child.suffix.slice(-1) === ' ' && parent.suffix.slice(0, 1) === ' ') parent.suffix = parent.suffix.slice(1);
      if (isPunctuationOrSpace(child.suffix.slice(0, 1))) {
        if (isText(child) && child.blobs.slice(-1) === child.suffix.slice(0, 1)) child.suffix = child.suffix.slice(1);
        if (child.suffix.slice(-1) === parent.suffix.slice(0, 1)) parent.suffix = parent.suffix.slice(0, -1);
      }
      if (endsWithChar(parent, parent.suffix.slice(0, 1))) parent.suffix = parent.suffix.slice(1);
    } else if (parent.delimiter) {
      const char = parent.delimiter.slice(0, 1);
      if (isPunctuationOrSpace(char) && char === child.suffix.slice(-1)) child.suffix = child.suffix.slice(0, -1);
    } else {
      const sibling = children[i + 1];
      const char = child.suffix.slice(-1);
      if (!childIsNumber && !childFormatted && isPunctuationOrSpace(char) && char === sibling.prefix.slice(0, 1)) {
        sibling.prefix = sibling.prefix.slice(1);
      }
    }
    if (!childIsNumber && !childFormatted && isPunctuation(child.suffix.slice(0, 1)) && isText(child)) {
      mergeChars(child, 'blobs', child, 'suffix');
    }
    moveDown(child);
  }
}

/** Moves punctuation that follows quoted text inside the closing quote (American style; the last pass). */
function moveIntoQuotes(parent: Blob): void {
  if (isText(parent)) return;
  for (const child of parent.blobs as Blob[]) {
    if (child.decorations.some(([name, value]) => name === '@quotes' && value !== 'false')) {
      while (SWAP_IN.has(child.suffix.slice(0, 1))) {
        if (isText(child)) mergeChars(child, 'blobs', child, 'suffix');
        else mergeChars(getLastChild(child), 'suffix', child, 'suffix');
      }
    }
    moveIntoQuotes(child);
  }
}

/** Applies citeproc's punctuation passes to a finished entry tree (in place). */
export function adjustPunctuation(root: Blob): void {
  purgeEmpty(root);
  moveUp(root);
  moveLeft(root);
  moveDown(root);
  moveIntoQuotes(root);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/** Characters citeproc renders as `<sup>`, with their plain forms where NFKC normalization disagrees. */
const SUPERSCRIPTS =
  '\u00aa\u00b2\u00b3\u00b9\u00ba\u02b0\u02b1\u02b2\u02b3\u02b4\u02b5\u02b6\u02b7\u02b8\u02e0\u02e1\u02e2\u02e3\u02e4' +
  '\u1d2c\u1d2d\u1d2e\u1d30\u1d31\u1d32\u1d33\u1d34\u1d35\u1d36\u1d37\u1d38\u1d39\u1d3a\u1d3c\u1d3d\u1d3e\u1d3f\u1d40' +
  '\u1d41\u1d42\u1d43\u1d44\u1d45\u1d46\u1d47\u1d48\u1d49\u1d4a\u1d4b\u1d4c\u1d4d\u1d4f\u1d50\u1d51\u1d52\u1d53\u1d54' +
  '\u1d55\u1d56\u1d57\u1d58\u1d59\u1d5a\u1d5b\u1d5c\u1d5d\u1d5e\u1d5f\u1d60\u1d61\u2070\u2071\u2074\u2075\u2076\u2077' +
  '\u2078\u2079\u207a\u207b\u207c\u207d\u207e\u207f\u2120\u2122\u3192\u3193\u3194\u3195\u3196\u3197\u3198\u3199\u319a' +
  '\u319b\u319c\u319d\u319e\u319f\u02c0\u02c1\u06e5\u06e6';
const SUPERSCRIPT_EXCEPTIONS: Record<string, string> = {
  '\u02c0': '\u0294',
  '\u02c1': '\u0295',
  '\u06e5': '\u0648',
  '\u06e6': '\u064a',
};
const SUPERSCRIPT = new RegExp(`[${SUPERSCRIPTS}]`, 'g');
const NEEDS_ESCAPE = new RegExp(`[&<>${SUPERSCRIPTS}]|\\s\\s`);

/** Escapes text for HTML exactly as citeproc does (numeric entities; superscript characters become `<sup>`). */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&#38;')
    .replace(/</g, '&#60;')
    .replace(/>/g, '&#62;')
    .replace(/\s\s/g, '\u00a0 ')
    .replace(SUPERSCRIPT, (char) => `<sup>${SUPERSCRIPT_EXCEPTIONS[char] ?? char.normalize('NFKC')}</sup>`);
}

/**
 * HTML around formatted text, by attribute and value. citeproc fills these templates with `String.replace` and a
 * string, so `$&`, `$$`, `` $` `` and `$'` in formatted text act as replacement patterns there (a title with `$&` in
 * italics comes out with `%%STRING%%` in it); Bibshelf fills them with a function and keeps the text as written.
 */
const TEMPLATES: Record<string, Record<string, string>> = {
  '@font-style': {
    italic: '<i>%%STRING%%</i>',
    oblique: '<em>%%STRING%%</em>',
    normal: '<span style="font-style:normal;">%%STRING%%</span>',
  },
  '@font-variant': {
    'small-caps': '<span style="font-variant:small-caps;">%%STRING%%</span>',
    normal: '<span style="font-variant:normal;">%%STRING%%</span>',
  },
  '@font-weight': { bold: '<b>%%STRING%%</b>', normal: '<span style="font-weight:normal;">%%STRING%%</span>' },
  '@vertical-align': {
    sup: '<sup>%%STRING%%</sup>',
    sub: '<sub>%%STRING%%</sub>',
    baseline: '<span style="baseline">%%STRING%%</span>',
  },
};
/** Quotes are added by concatenation (no replacement patterns). */
const QUOTES: Record<string, [string, string]> = { true: ['\u201c', '\u201d'], inner: ['\u2018', '\u2019'] };

/** Applies formatting, skipping a "normal" that nothing around it (in `chain`) needs to undo. */
function decorate(html: string, decorations: readonly Decoration[], chain: readonly Decoration[]): string {
  let result = html;
  for (const [attribute, value] of decorations) {
    if (value === 'normal' && !chain.some(([name, v]) => name === attribute && v !== 'normal')) continue;
    if (attribute === '@quotes') {
      const quotes = QUOTES[value];
      if (quotes) result = quotes[0] + result + quotes[1];
    } else {
      const template = TEMPLATES[attribute]?.[value];
      if (template) {
        const inner = result;
        result = template.replace('%%STRING%%', () => inner);
      }
    }
  }
  return result;
}

/** Renders a tree as HTML the way citeproc's output queue does. */
export function renderBlob(blob: Blob, chain: readonly Decoration[] = []): string {
  const own = blob.decorations.length ? [...chain, ...blob.decorations] : chain;
  if (isText(blob)) {
    if (!blob.blobs) return '';
    const html = escapeText(blob.blobs);
    return (
      escapeText(blob.prefix) +
      (blob.decorations.length ? decorate(html, blob.decorations, own) : html) +
      escapeText(blob.suffix)
    );
  }
  const children = blob.blobs as Blob[];
  const delimiter = escapeText(blob.delimiter);
  let html = '';
  for (const child of children) {
    const part = renderBlob(child, own);
    if (part) html = html ? html + delimiter + part : part;
  }
  if (!html || (!blob.decorations.length && !blob.suffix && !blob.prefix)) return html;
  // citeproc decides whether a "normal" is needed from the last child's point of view.
  const last = children[children.length - 1];
  return (
    escapeText(blob.prefix) + decorate(html, blob.decorations, [...own, ...last.decorations]) + escapeText(blob.suffix)
  );
}
