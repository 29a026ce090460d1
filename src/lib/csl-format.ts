/**
 * Formats a Bibshelf CSL item as an APA (7th edition, no year suffixes) or Vancouver reference, as HTML, exactly as
 * citation-js/citeproc-js did with the bundled `apa` and `vancouver` CSL styles, in microseconds instead of
 * milliseconds. Only the item shapes `toCslItem` writes are handled (article or paper-conference; authors; a full
 * issued date; URL; optional DOI, container title and arXiv publisher/number). tests/csl-format.test.ts compares
 * every rule here with citeproc itself.
 */
import {
  adjustPunctuation,
  makeBlob,
  makeText,
  renderBlob,
  ROMANESQUE,
  STARTS_ROMANESQUE,
  type Blob,
  type Decoration,
  type TextCase,
} from './csl-blobs';
import type { CslItem, CslName } from './csl';

const ITALIC: Decoration = ['@font-style', 'italic'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** How a style writes names. */
interface NameStyle {
  /** Between family and given name. */
  sortSeparator: string;
  /** After each initial (APA `. `, Vancouver none). */
  initializeWith: string;
  /** Whether `Ana-María` keeps its hyphen between initials (APA `A.-M.`; Vancouver `AM`). */
  hyphenInitials: boolean;
  etAlMin: number;
  etAlUseFirst: number;
  /** APA: "first 19, …, last" instead of "et al.". */
  etAlUseLast: boolean;
  /** The final joiner before the last name: [text, prefix for two names, prefix for more], by kind of last name. */
  and: { person: [string, string, string]; institution: [string, string, string] } | undefined;
}

const APA_NAMES: NameStyle = {
  sortSeparator: ', ',
  initializeWith: '. ',
  hyphenInitials: true,
  etAlMin: 21,
  etAlUseFirst: 19,
  etAlUseLast: true,
  and: { person: ['&', ', ', ', '], institution: ['&', ' ', ', '] },
};

const VANCOUVER_NAMES: NameStyle = {
  sortSeparator: ' ',
  initializeWith: '',
  hyphenInitials: false,
  etAlMin: 7,
  etAlUseFirst: 6,
  etAlUseLast: false,
  and: undefined,
};

const NAME_DELIMITER = ', ';

// ---------------------------------------------------------------------------------------------------------------
// Name parts

/** A person's name as citeproc splits it. */
interface ParsedName {
  family: string;
  given: string;
  nonDroppingParticle: string;
  droppingParticle: string;
  suffix: string;
  commaSuffix: boolean;
  commaDroppingParticle: string;
}

const PARTICLE_GIVEN = /^([^ ]+(?:\u02bb |\u2019 | |' ) *)(.+)$/;
const PARTICLE_FAMILY = /^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$/;
const reverse = (text: string) => text.split('').reverse().join('');

/** Splits lowercase particles off the start of a family name or (`fromEnd`) the end of a given name. */
function splitParticles(value: string, fromEnd: boolean): { rest: string; particles: string[] } {
  let original = value;
  let text = fromEnd ? reverse(value) : value;
  const pattern = fromEnd ? PARTICLE_GIVEN : PARTICLE_FAMILY;
  const particles: string[] = [];
  let match = pattern.exec(text);
  while (match) {
    const particle = fromEnd ? reverse(match[1]) : match[1];
    const firstChar = particle.replace(/^[-'\u02bb\u2019\s]*(.).*$/, '$1');
    if (firstChar.toUpperCase() === firstChar) break;
    if (fromEnd) {
      particles.push(original.slice(-particle.length));
      original = original.slice(0, -particle.length);
    } else {
      particles.push(original.slice(0, particle.length));
      original = original.slice(particle.length);
    }
    text = match[2];
    match = pattern.exec(text);
  }
  if (!fromEnd) return { rest: original.slice(-text.length), particles };
  particles.reverse();
  for (let i = 1; i < particles.length; i++) if (particles[i].startsWith(' ')) particles[i - 1] += ' ';
  for (let i = 0; i < particles.length; i++) if (particles[i].startsWith(' ')) particles[i] = particles[i].slice(1);
  return { rest: original.slice(0, text.length), particles };
}

/** Trims a particle, keeping one space after a final apostrophe (`d' Arcy`). */
function trimParticle(text: string): string {
  const last = text.slice(-1);
  let trimmed = text.trim();
  if (last === ' ' && ["'", '\u2019'].includes(trimmed.slice(-1))) trimmed += ' ';
  return trimmed;
}

/** Splits particles and a comma suffix (`Jr.`) out of a family/given pair, as citeproc's parseParticles does. */
function parseName(family: string, given: string): ParsedName {
  const name: ParsedName = {
    family,
    given,
    nonDroppingParticle: '',
    droppingParticle: '',
    suffix: '',
    commaSuffix: false,
    commaDroppingParticle: '',
  };
  let noParse = false;
  if (name.family && name.family.startsWith('"') && name.family.endsWith('"')) {
    name.family = name.family.slice(1, -1);
    noParse = true;
  }
  if (!name.family || noParse || !name.given) return name;
  const familyParts = splitParticles(name.family, false);
  name.family = familyParts.rest;
  name.nonDroppingParticle = trimParticle(familyParts.particles.join(''));
  const comma = /(\s*,!*\s*)/.exec(name.given);
  if (comma) {
    const index = name.given.indexOf(comma[1]);
    const possibleSuffix = name.given.slice(index + comma[1].length);
    if (possibleSuffix.replace(/\./g, '') === 'et al') {
      name.droppingParticle = possibleSuffix;
      name.commaDroppingParticle = ',';
    } else {
      if (comma[1].replace(/\s*/g, '').length === 2) name.commaSuffix = true;
      name.suffix = possibleSuffix;
    }
    name.given = name.given.slice(0, index);
  }
  const givenParts = splitParticles(name.given, true);
  name.given = givenParts.rest;
  const dropping = givenParts.particles.join('').trim();
  if (dropping) name.droppingParticle = dropping;
  return name;
}

/** 0: no romanesque letters in the family name; 1: mixed (romanesque given name); 2: romanesque. */
function getRomanesqueLevel(family: string, given: string): 0 | 1 | 2 {
  if (ROMANESQUE.test(family.replace(/"/g, ''))) return 2;
  return given && STARTS_ROMANESQUE.test(given) ? 1 : 0;
}

const NAME_SPLIT_SOURCE = '(?:[-\\s]*<\\/*(?:spans+class="no(?:case|decor)"|i|sc|b|sub|sup)>[-\\s]*|[-\\s]+)';
const NAME_SPLIT = new RegExp(NAME_SPLIT_SOURCE, 'g');
const NAME_INITIAL =
  /^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03fd-\u03ff])([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff\u1f00-\u1fff]*|)(\.)*/;
const TRAILING_SPACE = /[\u0009\u000a\u000b\u000c\u000d\u0020\ufeff\u00a0]+$/;
const ASCII_SPACES = /[\u0009\u000a\u000b\u000c\u000d\u0020]+/g;

/** Keeps the markup tags of a separator, placing `text` before trailing spaces (citeproc's mergetag). */
function mergeTags(separator: string, text: string): string {
  const tags = separator.match(/(?:-*<[^>]+>-*)/g);
  if (!tags) return text;
  const spaced = /^(.*[^\s])*(\s+)$/.exec(text);
  return spaced ? (spaced[1] ?? '') + tags.join('') + spaced[2] : text + tags.join('');
}

/** Keeps only the markup tags of a separator. */
const keepTags = (text: string) => /(?:<[^>]+>)+/.exec(text)?.[0] ?? text;
const stripTags = (text: string) => text.replace(/^(?:<[^>]+>)*/, '');

/** Splits a given name into words and separators (even indexes are words). */
function splitGivenName(name: string): string[] {
  const tags = name.match(NAME_SPLIT) ?? [];
  const strings = name.split(NAME_SPLIT);
  const parts = [strings[0]];
  if (tags.length === 0) {
    const tail = /[^.]+$/.exec(parts[0]);
    if (tail && tail[0].length === 1 && tail[0] !== tail[0].toLowerCase()) parts[0] += '.';
  }
  for (let i = 1; i < strings.length; i++) parts.push(tags[i - 1], strings[i]);
  return parts;
}

/** Initializes a given name (`Ana-María` → `A.-M.` with `. `, `AM` without hyphens), as citeproc does. */
function initializeName(given: string, terminator: string, hyphens: boolean, normalizeOnly = false): string {
  if (!given) return '';
  if (['Lord', 'Lady'].includes(given) || !STARTS_ROMANESQUE.test(stripTags(given))) return given;
  let name = hyphens ? given : given.replace(/-/g, ' ');
  name = name
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-([a-z])/g, '\u2013$1');
  for (let i = name.length - 2; i > -1; i--) {
    if (name[i] === '.' && name[i + 1] !== ' ') name = `${name.slice(0, i)}. ${name.slice(i + 1)}`;
  }
  const parts = splitGivenName(name);
  const result = normalizeOnly ? normalizeInitials(parts, terminator) : initialize(parts, terminator);
  return result.replace(/\u2013([a-z])/g, '-$1');
}

/** Tidies spaces and hyphens in a joined name. */
const tidyName = (parts: readonly string[]) =>
  parts
    .join('')
    .replace(TRAILING_SPACE, '')
    .replace(/\s*-\s*/g, '-')
    .replace(ASCII_SPACES, ' ');

/** Reduces each word to its initial plus `terminator` (citeproc's doInitialize). */
function initialize(parts: string[], terminator: string): string {
  const count = parts.length;
  for (let i = 0; i < count; i += 2) {
    const word = parts[i];
    if (!word) continue;
    const match = NAME_INITIAL.exec(word);
    let initial = match?.[1];
    let rest = match?.[2];
    if (match && match[2] && match[3]) {
      initial = match[1] + match[2];
      rest = '';
    }
    if (match && initial && initial[0] === initial[0].toUpperCase()) {
      let extra = '';
      if (rest) {
        let upper = '';
        for (const char of rest.split('')) {
          if (char !== char.toUpperCase()) break;
          upper += char;
        }
        if (upper.length < rest.length) extra = upper.toLocaleLowerCase('en-US');
      }
      parts[i] = initial + extra;
      if (i < count - 1) {
        const separator = parts[i + 1];
        parts[i + 1] = separator.includes('-')
          ? `${mergeTags(separator.replace('-', ''), terminator)}-`
          : mergeTags(separator, terminator);
      } else {
        parts.push(terminator);
      }
    } else if (ROMANESQUE.test(word) && (!match || !match[3])) {
      parts[i] = ` ${word}`;
    }
  }
  return tidyName(parts);
}

/** Normalizes periods and spacing of abbreviations (citeproc's doNormalize, used for name suffixes). */
function normalizeInitials(parts: string[], terminator: string): string {
  const isAbbreviation: boolean[] = [];
  for (let i = 0; i < parts.length; i++) {
    const text = stripTags(parts[i]);
    if (text.length > 1 && text.endsWith('.')) {
      parts[i] = parts[i].replace(/^(.*)\.(.*)$/, '$1$2');
      isAbbreviation.push(true);
    } else {
      isAbbreviation.push(parts[i].length === 1 && parts[i].toUpperCase() === parts[i]);
    }
  }
  for (let i = 0; i < parts.length; i += 2) {
    if (!isAbbreviation[i]) continue;
    if (i < parts.length - 2) {
      parts[i + 1] = keepTags(parts[i + 1]);
      if (!isAbbreviation[i + 2]) parts[i + 1] = `${keepTags(parts[i + 1])} `;
      parts[i + 1] =
        parts[i + 2].length > 1
          ? terminator.replace(/\ufeff$/, '') + parts[i + 1]
          : mergeTags(parts[i + 1], terminator);
    }
    if (i === parts.length - 1) parts[i] += terminator;
  }
  return tidyName(parts);
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** A name part as citeproc appends it, or undefined when empty. */
function makeNamePart(text: string): Blob | undefined {
  return text ? makeText(text, { serious: false }) : undefined;
}

/** Whether a rendered part ends with a joining character (`d’`, `al-`), so the family name follows directly. */
function endsInJoiner(blob: Blob | undefined): boolean {
  if (!blob) return false;
  if (typeof blob.blobs === 'string') return ['\u2019', "'", '-', ' '].includes(blob.blobs.slice(-1));
  return endsInJoiner(blob.blobs[blob.blobs.length - 1]);
}

/**
 * Joins name nodes (citeproc's NameOutput._join): the delimiter goes on the suffix of all but the last (and the
 * one before `finalJoin`), `finalJoin` (e.g. "&") goes before the last.
 */
function joinNames(parts: readonly (Blob | undefined)[], delimiter: string, finalJoin?: Blob): Blob | undefined {
  const list = parts.filter((part): part is Blob => part !== undefined && part.blobs.length > 0);
  if (!list.length) return undefined;
  if (list.length === 2) {
    if (finalJoin) list.splice(1, 0, finalJoin);
    else list[0].suffix += delimiter;
  } else if (list.length > 2) {
    const last = list.pop()!;
    const count = list.length - (finalJoin ? 1 : 0);
    for (let i = 0; i < count; i++) list[i].suffix += delimiter;
    if (finalJoin) list.push(finalJoin);
    list.push(last);
  }
  // citeproc appends each joined node into a new level, which wraps it.
  return makeBlob(list.map((part) => makeBlob([part])));
}

/** A rendered name and what the list join needs to know about it. */
interface RenderedName {
  blob: Blob;
  institution: boolean;
  /** A given name ending in "et al." (citeproc then ends the list as if it were truncated). */
  etAl: boolean;
}

/** One person, family name first (`van der Berg, A.-M.` in APA, `van der Berg AM` in Vancouver). */
function renderPerson(family: string, given: string, style: NameStyle): RenderedName | undefined {
  const staticOrder = getRomanesqueLevel(family, given) === 0;
  const name = parseName(family, given);
  let etAl = false;
  let dropping: Blob | undefined;
  if (/^et.?al[^a-z]$/.test(name.droppingParticle)) {
    etAl = true;
    name.commaDroppingParticle = '';
  } else {
    dropping = makeNamePart(name.droppingParticle);
  }
  const familyPart = makeNamePart(name.family);
  const particle = makeNamePart(name.nonDroppingParticle);
  if (name.family) name.given = initializeName(name.given, style.initializeWith, style.hyphenInitials);
  const givenPart = makeNamePart(name.given);
  let suffix: Blob | undefined;
  if (name.suffix) {
    let text = initializeName(name.suffix, style.initializeWith, style.hyphenInitials, true);
    let period = '';
    if (text.endsWith('.')) {
      text = text.slice(0, -1);
      period = '.';
    }
    suffix = makeText(text, { serious: false });
    suffix.suffix = period + suffix.suffix;
  }
  const level = getRomanesqueLevel(name.family, name.given);
  let blob: Blob | undefined;
  if (level === 0) {
    blob = joinNames([particle, familyPart, givenPart], '');
  } else if (level === 1 || staticOrder) {
    blob = joinNames([joinNames([particle, familyPart], ' '), givenPart], ' ');
  } else {
    const separator = ['Lord', 'Lady'].includes(name.given) ? ', ' : style.sortSeparator;
    const first = joinNames([particle, familyPart], endsInJoiner(particle) ? '' : ' ');
    const second = joinNames([givenPart, dropping], `${name.commaDroppingParticle} `);
    blob = joinNames([joinNames([first, second], separator), suffix], separator);
  }
  return blob && { blob: makeBlob([blob]), institution: false, etAl };
}

/** An organization or other literal name; `|` separates parts. */
function renderLiteral(literal: string): RenderedName | undefined {
  const parts = literal.split(/\s*\|\s*/).map((part) => (part ? makeText(part, { serious: false }) : undefined));
  const blob = joinNames([joinNames(parts, NAME_DELIMITER)], ' ');
  return blob && { blob, institution: true, etAl: false };
}

/** The author list, truncated and joined as the style asks. */
function renderNames(authors: readonly CslName[], style: NameStyle): Blob | undefined {
  // citation-js drops names with no content at all.
  let names = authors.filter((name) =>
    'literal' in name ? Boolean(name.literal) : Boolean(name.given || name.family),
  );
  let mode: 'and' | 'et-al' | 'ellipsis' = 'and';
  if (names.length >= style.etAlMin) {
    names = style.etAlUseLast
      ? [...names.slice(0, style.etAlUseFirst), names[names.length - 1]]
      : names.slice(0, style.etAlUseFirst);
    mode = style.etAlUseLast ? 'ellipsis' : 'et-al';
  }
  const rendered = names
    .map((name) =>
      'literal' in name ? renderLiteral(name.literal) : renderPerson(name.family ?? '', name.given ?? '', style),
    )
    .filter((name): name is RenderedName => name !== undefined && name.blob.blobs.length > 0);
  if (rendered.some((name) => name.etAl)) mode = style.etAlUseLast ? 'ellipsis' : 'et-al';
  const blobs = rendered.map((name) => name.blob);
  if (mode === 'et-al') {
    const etAl = makeText('et al.', { serious: false, prefix: blobs.length > 1 ? NAME_DELIMITER : ' ' });
    return makeBlob([joinNames(blobs, NAME_DELIMITER) ?? makeBlob([]), etAl]);
  }
  let finalJoin: Blob | undefined;
  if (blobs.length > 1) {
    const multiple = blobs.length > 2;
    if (mode === 'ellipsis') {
      finalJoin = makeBlob('\u2026', { prefix: multiple ? NAME_DELIMITER : ' ', suffix: ' ' });
    } else if (style.and) {
      const [text, single, many] = rendered[rendered.length - 1].institution ? style.and.institution : style.and.person;
      finalJoin = makeText(text, { serious: false, prefix: multiple ? many : single, suffix: ' ' });
    } else {
      finalJoin = makeBlob(NAME_DELIMITER);
    }
  }
  return joinNames(blobs, NAME_DELIMITER, finalJoin);
}

// ---------------------------------------------------------------------------------------------------------------
// Entries

/** Field text as a node inside formatting `inherited` (which its own `<i>` markup flips). */
const makeField = (value: string, inherited: readonly Decoration[] = []) => makeText(value, { inherited });
/**
 * A plain wrapper. citeproc nests most output in macro, choose and group levels; a wrapper does not change the text,
 * but punctuation moves up one level per pass, so whether a node sits in one decides what a neighbour sees.
 */
const wrapBlob = (blob: Blob) => makeBlob([blob]);

/**
 * Renders an entry as citeproc + Bibshelf's clean-up would: punctuation merged, spaces collapsed. A numbered style
 * (Vancouver) has its entry number in a margin node beside the entry; punctuation can move into it (and is then
 * dropped along with the number, as Bibshelf drops the margin), so it takes part in the merging.
 */
function renderEntry(entry: Blob, numbered = false): string {
  const shown = wrapBlob(entry);
  const root = numbered ? wrapBlob(makeBlob([wrapBlob(makeBlob('1', { suffix: '.', number: true })), shown])) : shown;
  adjustPunctuation(root);
  return renderBlob(shown)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,? (?:&#38;|&amp;|and) et al\./g, ', et al.');
}

/** A year: none for year 0 (citeproc reads it as no date), with the era (`C.E.`, `AD`) for years 1–499. */
function formatYear(year: number, era: string): Blob {
  if (year === 0) return makeBlob([]);
  return year < 500 ? makeBlob([makeField(String(year)), makeField(` ${era}`)]) : makeField(String(year));
}

/** The names of an item, with a literal "et al." appended to a truncated list. */
function listAuthors(item: CslItem, truncated: boolean): CslName[] {
  return truncated ? [...item.author, { literal: 'et al.' }] : item.author;
}

/** Locator labels citeproc's number parsing finds at the start of a hyphen-separated part, and what it prints. */
const NUMBER_LABELS: Record<string, string> = {
  'vrs.': 'v.',
  'sv.': 's.v.',
  'art.': 'preprint',
  'ch.': 'chap.',
  'pp.': 'p.',
  'supp.': 'suppl.',
};
const LABEL_LIKE = /^(?:[a-z]{1,4}|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)\./;

/**
 * An `arXiv:<id>` number as citeproc renders it: parsed into parts at hyphens (old-style ids such as
 * `hep-th/9901001` have some), each part a node ending in its hyphens. A short word plus period at the start of a
 * part is read as a locator label (some are printed their own way); other parts get APA's capitalize-first.
 */
function formatNumber(number: string, capitalize: boolean): Blob {
  const pieces = number.split(/(-+)/);
  const parts: Blob[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    let part = pieces[i];
    let textCase: TextCase | undefined = capitalize ? 'capitalize-first' : undefined;
    const label = /^[a-z]+\./.exec(part)?.[0];
    if (i > 0 && label && NUMBER_LABELS[label]) part = NUMBER_LABELS[label] + part.slice(label.length);
    if (i > 0 && LABEL_LIKE.test(pieces[i])) textCase = undefined;
    parts.push(makeText(part, { suffix: pieces[i + 1] ?? '', textCase }));
  }
  return makeBlob(parts);
}

/** The arXiv id of a preprint (`number` is `arXiv:<id>`), or undefined. */
const getArxivNumber = (item: CslItem) => (item.publisher === 'arXiv' && item.number ? item.number : undefined);

/**
 * The APA 7 reference of an item as HTML, the same string citeproc-js produced for the `bibshelf-apa` style
 * (after Bibshelf's clean-up): `truncated` marks an author list that continues ("…, K. Wang, et al.").
 */
export function formatApa(item: CslItem, truncated: boolean): string {
  const [year, month, day] = item.issued['date-parts'][0];
  const conference = item.type === 'paper-conference';
  const venue = item['container-title'];
  const number = getArxivNumber(item);
  const date = conference
    ? makeBlob(
        [
          wrapBlob(formatYear(year, 'C.E.')),
          wrapBlob(
            makeBlob([wrapBlob(makeField(MONTHS[month - 1])), wrapBlob(makeText(String(day), { prefix: ' ' }))]),
          ),
        ],
        { delimiter: ', ' },
      )
    : wrapBlob(formatYear(year, 'C.E.'));
  let heading: Blob;
  const rest: Blob[] = [];
  if (conference && venue) {
    heading = wrapBlob(makeField(item.title));
    const container = makeBlob([makeText(venue, { inherited: [ITALIC], textCase: 'title' })], {
      decorations: [ITALIC],
    });
    const article = () => wrapBlob(makeBlob([makeField('Article'), formatNumber(number!, false)], { delimiter: ' ' }));
    rest.push(wrapBlob(number ? makeBlob([container, article()], { delimiter: ', ' }) : container));
  } else {
    const title = wrapBlob(makeBlob([wrapBlob(makeField(item.title, [ITALIC]))], { decorations: [ITALIC] }));
    if (number) {
      const label = wrapBlob(makeBlob([wrapBlob(formatNumber(number, true))], { prefix: '(', suffix: ')' }));
      heading = wrapBlob(makeBlob([title, label], { delimiter: ' ' }));
      rest.push(wrapBlob(makeField('arXiv')));
    } else {
      heading = title;
    }
  }
  const names = renderNames(listAuthors(item, truncated), APA_NAMES);
  const paren = wrapBlob(makeBlob([date], { prefix: '(', suffix: ')' }));
  // Without any author, APA puts the title first.
  const body = names ? [wrapBlob(names), paren, heading, ...rest] : [heading, paren, ...rest];
  const link = item.DOI ? makeText(item.DOI, { prefix: 'https://doi.org/' }) : makeField(item.URL);
  return renderEntry(makeBlob([makeBlob(body, { suffix: '.', delimiter: '. ' }), wrapBlob(link)], { delimiter: ' ' }));
}

/**
 * The Vancouver (NLM) reference of an item as HTML, the same string citeproc-js produced for the `vancouver`
 * style (without its "1." number, after Bibshelf's clean-up).
 */
export function formatVancouver(item: CslItem, truncated: boolean): string {
  const [year] = item.issued['date-parts'][0];
  const venue = item.type === 'paper-conference' ? item['container-title'] : undefined;
  const body: Blob[] = [];
  const names = renderNames(listAuthors(item, truncated), VANCOUVER_NAMES);
  if (names) body.push(wrapBlob(names));
  if (venue) {
    body.push(wrapBlob(makeField(item.title)));
    const internet = makeText('Internet', { prefix: '[', suffix: ']' });
    body.push(
      makeBlob([wrapBlob(makeField('In')), wrapBlob(makeBlob([makeField(venue), internet], { delimiter: ' ' }))], {
        delimiter: ': ',
      }),
    );
  } else {
    const internet = makeBlob([wrapBlob(makeField('Internet'))], { prefix: '[', suffix: ']' });
    body.push(makeBlob([wrapBlob(makeField(item.title)), internet], { delimiter: ' ' }));
  }
  const date = wrapBlob(formatYear(year, 'AD'));
  body.push(getArxivNumber(item) ? makeBlob([wrapBlob(makeField('arXiv')), date], { delimiter: '; ' }) : date);
  const available = makeBlob([makeField('Available from'), makeField(item.URL)], { delimiter: ': ' });
  const access = item.DOI
    ? makeBlob([available, makeText(item.DOI, { prefix: 'doi:' })], { delimiter: ' ' })
    : available;
  return renderEntry(
    makeBlob([makeBlob(body, { suffix: '.', delimiter: '. ' }), wrapBlob(access)], { delimiter: ' ' }),
    true,
  );
}
