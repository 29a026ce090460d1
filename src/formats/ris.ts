// RIS, both directions, driven by the field table's `ris` tags (the first written, all read) and the type table's TY.
//
// Writing: CRLF line ends, one tag per line, never wrapped, UTF-8. Every value is made one line, so no value can
// start a line of its own and inject a tag or a record (`ER  - `, `TY  - `): line breaks, NEL, LS/PS and every other
// control character become spaces. Decisions, with their reasons:
// - Dates: `PY` is the year and `DA` the date as RIS writes it, `YYYY/MM/DD/other`, at exactly its precision
//   (`2020///`, `2020/05//`, `2020/05/22/`). RIS has no ranges or approximate dates: their end and "circa" go into the
//   free "other" part (`2024/05/20/to 2024-05-24`, `1850///circa`), which RIS readers keep as text and this reader
//   reads back.
// - Names: `Family, Given` or `Family, Given, Suffix` (the RIS spec's order), particles where they belong
//   (`van Beethoven, Ludwig`). An organisation is one name without a comma, or, when it holds a comma or is one
//   word, written with a trailing comma (EndNote's mark for a corporate name): `University of California, Berkeley,`.
// - A truncated name list ("et al.") is an `N1` note, `Author list truncated (et al.)`, which the reader turns back
//   into the flag; an `AU  - et al.` or `others` written by other programs is read as the flag too.
// - Pages: `SP` first page and `EP` last page; a book's, thesis's or manuscript's `SP` is its page count (Zotero,
//   EndNote). Other page texts ("e1234", "12-14, 20") are written whole as `SP`.
// - Abstract (`AB`) and note (`N1`): RIS has no line continuation that every reader agrees on, so paragraphs are
//   joined with " ¶ " on one line; the reader splits them again. (Zotero's own multi-line values are read too.)
// - The arXiv id is `AN  - arXiv:<id>`; `UR` is the work's own URL only.
// - Tags the model has no field for are kept in `extra` as `ris-<tag>` (one value per line) and written back as
//   the same tag, so a RIS record comes back whole; the reader's notes say which.

import type { CslDate } from '../domain/csl';
import { formatIsoDate, parseDate, type DateParts } from '../domain/dates';
import { FIELDS, findField, getRisTags, type FieldSpec } from '../domain/fields';
import { parseName, type Name } from '../domain/names';
import type { Paper } from '../domain/paper';
import { formatFrontMatterName } from '../domain/paper-file';
import { normalizeArxiv, normalizeDoi } from '../domain/schema';
import { getItemType, RIS_TYPES_IN } from '../domain/types';
import { ImportFileError, type EntryProblem, type ImportedEntry, type ReadResult } from './import-entry';
import { cleanText, plainTextToMarkdown, settleFrontMatter, type RejectedValue } from './reader-support';

const EOL = '\r\n';
/** Joins the paragraphs of an abstract or note on its one line. */
const PARAGRAPH_MARK = ' ¶ ';
const PARAGRAPH_SPLIT = /\s+¶\s+/;
/** The prefix of `extra` keys that hold RIS tags the model has no field for. */
const EXTRA_PREFIX = 'ris-';

/**
 * A value as one line: control characters (C0 with CR and LF, DEL, C1 with NEL), LS and PS become spaces. Everything
 * else stays as it is, runs of spaces too (a note's layout, a value other readers split on "  - ").
 */
function oneLine(value: string): string {
  return (
    value
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      // Nor can a value look like a second tag glued on after a run of spaces (see GLUED_TAG).
      .replace(/\s{2,}(?=[A-Z][A-Z0-9] {2}- )/g, ' ')
      .trim()
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A date as RIS writes it, `YYYY/MM/DD/other`, at its precision; a range's end and "circa" go into `other`. */
function formatRisDate(date: CslDate): string {
  const [start, end] = date['date-parts'];
  const other = [date.circa ? 'circa' : '', end ? `to ${formatIsoDate({ 'date-parts': [end] })}` : '']
    .filter(Boolean)
    .join(' ');
  return `${pad(start[0], 4)}/${start[1] ? pad(start[1]) : ''}/${start[2] ? pad(start[2]) : ''}/${other}`;
}

/** A name as RIS writes it: "Family, Given[, Suffix]", or an organisation (see the module comment). */
function formatRisName(name: Name): string {
  if ('literal' in name) {
    const literal = oneLine(name.literal);
    return literal.includes(',') || !literal.includes(' ') ? `${literal},` : literal;
  }
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  if (name.suffix) return `${family}, ${given}, ${name.suffix}`;
  return given ? `${family}, ${given}` : family;
}

/** Splits a simple page range ("12-34", "12–34") into first and last page; anything else stays whole. */
function splitPages(pages: string): [string, string?] {
  const range = /^\s*([^\s,;–—-]+)\s*(?:-+|–|—)\s*([^\s,;–—-]+)\s*$/.exec(pages);
  return range ? [range[1], range[2]] : [pages];
}

/** The N1 note that marks a truncated name list ("Author list truncated (et al.)"). */
function truncationNote(field: FieldSpec): string {
  return `${field.label.replace(/s$/, '')} list truncated (et al.)`;
}

/** Formats one paper as a RIS record (CRLF line ends, ending with `ER  - `). */
export function formatRisRecord(paper: Paper): string {
  const type = paper.type.csl;
  const data = paper.data;
  const lines: string[] = [];
  const push = (tag: string, value: string) => {
    const text = oneLine(value);
    if (text) lines.push(`${tag}  - ${text}`);
  };
  // A TY this site has no type for was read as a document and kept in extra; it is written back as it came.
  const keptTy = type === 'document' ? paper.site.extra[`${EXTRA_PREFIX}ty`] : undefined;
  push('TY', keptTy && /^[A-Z0-9]{1,6}$/.test(keptTy) ? keptTy : paper.type.ris);
  // The paper's key, generated or its own: the key every export and the page cite it by.
  push('ID', paper.key);
  for (const field of FIELDS) {
    const tag = getRisTags(field, type)[0];
    const value = data[field.key];
    if (tag === undefined || value === undefined || field.kind === 'type' || field.kind === 'key') continue;
    switch (field.kind) {
      case 'names':
        for (const name of value as Name[]) push(tag, formatRisName(name));
        break;
      case 'date': {
        const date = value as CslDate;
        // The issued date is both `PY` (the year, which every reader takes) and `DA` (the date at its precision).
        if (tag === 'PY') push('PY', pad(date['date-parts'][0][0], 4));
        push(tag === 'PY' ? 'DA' : tag, formatRisDate(date));
        break;
      }
      case 'list':
        for (const item of value as string[]) push(tag, item);
        break;
      case 'longtext':
        push(tag, (value as string).split(/\n+/).map(oneLine).filter(Boolean).join(PARAGRAPH_MARK));
        break;
      case 'arxiv':
        push(tag, `arXiv:${value as string}`);
        break;
      default:
        if (tag === 'SP' && field.key === 'pages') {
          const [first, last] = splitPages(value as string);
          push('SP', first);
          if (last) push('EP', last);
        } else push(tag, String(value));
    }
  }
  // A book's, thesis's or manuscript's SP alone is its page count; its pages (a range in a collection, say) are
  // SP and EP, which the reader reads back as pages. With a page count too, RIS has no tag left for them.
  if (getRisTags(findField('pages')!, type).length === 0 && typeof data.pages === 'string' && !data.numberOfPages) {
    const [first, last] = splitPages(data.pages);
    push('SP', first);
    push('EP', last ?? first);
  }
  if (paper.abstract.text)
    push(
      'AB',
      paper.abstract.text
        .split(/\n{2,}/)
        .map(oneLine)
        .join(PARAGRAPH_MARK),
    );
  for (const field of FIELDS) if (field.truncatedKey && data[field.truncatedKey]) push('N1', truncationNote(field));
  for (const [name, value] of Object.entries(paper.site.extra)) {
    const tag = name.startsWith(EXTRA_PREFIX) ? name.slice(EXTRA_PREFIX.length).toUpperCase() : '';
    if (!/^[A-Z][A-Z0-9]$/.test(tag) || tag === 'TY' || tag === 'ER') continue;
    for (const line of value.split('\n')) push(tag, line);
  }
  lines.push('ER  - ');
  return `${lines.join(EOL)}${EOL}`;
}

export { joinRis } from './join';

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** One tag of a record, continuation lines joined. */
interface TagValue {
  tag: string;
  value: string;
  line: number;
}

/** One record as the file holds it. */
interface RisRecord {
  line: number;
  tags: TagValue[];
  notes: string[];
}

// Two letters/digits, one or two spaces (the spec says two; Zotero and EndNote read one), a hyphen, then the value.
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
/** Tags whose continuation lines are paragraphs (Zotero writes multi-paragraph abstracts and notes that way). */
const PARAGRAPH_TAGS = new Set(['AB', 'N1', 'N2']);
/**
 * A second tag glued onto a line after a run of spaces (Rayyan writes `UR  - <url>     U2  - <id>`). Never TY or ER:
 * text inside a value cannot start or end a record.
 */
const GLUED_TAG = /\s{2,}(?=(?!TY|ER)[A-Z][A-Z0-9] {2}- )/;

/** Splits RIS text into records: TY opens one, ER closes it, untagged lines continue the tag before them. */
function splitRecords(text: string): RisRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // A file wrapped at the spec's 70 characters has no line much longer: its continuation lines are one value.
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.length);
  const wrapped = longest <= 80;
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  let last: TagValue | undefined;
  let blankLine = false;
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    const match = TAG_LINE.exec(trimmed);
    if (!match) {
      if (!current || !last) return; // text outside a record (a header, blank lines): not part of any entry
      if (trimmed === '') {
        blankLine = true;
        return;
      }
      if (last.tag === 'KW') current.tags.push({ tag: 'KW', value: trimmed, line: lineNumber });
      else if (PARAGRAPH_TAGS.has(last.tag)) {
        last.value += (wrapped && !blankLine ? ' ' : '\n\n') + trimmed;
      } else last.value += ` ${trimmed}`;
      blankLine = false;
      return;
    }
    blankLine = false;
    const [, tag, whole = ''] = match;
    const [value, ...glued] = whole.split(GLUED_TAG);
    if (tag === 'ER') {
      current = undefined;
      last = undefined;
      return;
    }
    if (tag === 'TY' || !current) {
      if (current)
        current.notes.push(`the record has no ER line; it ends where the next TY starts (line ${lineNumber})`);
      current = { line: lineNumber, tags: [], notes: [] };
      if (tag !== 'TY') current.notes.push('the record has no TY line (type); read as a document');
      records.push(current);
    }
    last = { tag, value: value.trim(), line: lineNumber };
    current.tags.push(last);
    for (const part of glued) {
      const [, gluedTag, gluedValue = ''] = TAG_LINE.exec(part.trim()) ?? [];
      if (!gluedTag) continue;
      current.notes.push(`line ${lineNumber} holds two tags (${tag} and ${gluedTag}); read as two lines`);
      last = { tag: gluedTag, value: gluedValue.trim(), line: lineNumber };
      current.tags.push(last);
    }
  });
  if (current) current.notes.push("the file ends before this record's ER line");
  return records;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A RIS date as read: its parts (or only a month and day, EndNote's DA), circa, a range's end, what is left. */
interface RisDate {
  parts?: DateParts;
  monthDay?: [number, number?];
  circa?: boolean;
  end?: DateParts;
  time?: string;
  rest?: string;
}

/**
 * Reads a RIS date: `YYYY/MM/DD/other` with any part empty (`2020///`, `2010/05//`), an ISO date (`2020-05-22`),
 * or EndNote's month and day without a year (`July`, `Jul 4`). `other` may hold a time (dropped), "circa" or
 * "to <ISO date>" (a range's end, as this module writes them); anything else is `rest`.
 */
function parseRisDate(value: string): RisDate | undefined {
  const text = value.trim();
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  let other = '';
  const slashed = /^(\d{1,4})(?:\/(\d{0,2})(?:\/(\d{0,2})(?:\/(.*))?)?)?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](.*))?$/.exec(text);
  if (slashed || iso) {
    [, year, month, day, other = ''] = (slashed ?? iso)!;
  } else {
    const named = /^([A-Za-z]{3,})\.?(?:\s+(\d{1,2}))?$/.exec(text);
    const monthIndex = named ? MONTHS.indexOf(named[1].slice(0, 3).toLowerCase()) : -1;
    if (!named || monthIndex === -1) return undefined;
    return { monthDay: named[2] ? [monthIndex + 1, Number(named[2])] : [monthIndex + 1] };
  }
  const result: RisDate = {};
  const numbers = [year, month, day].map((part) => (part ? Number(part) : 0));
  // Unknown parts are empty, or 0 in some exports; a day without a month cannot be kept as a date part.
  const parts = [numbers[0], numbers[1] || undefined, numbers[1] ? numbers[2] || undefined : undefined];
  if (!numbers[1] && numbers[2]) other = `${day} ${other}`.trim();
  result.parts = parts.filter((part) => part !== undefined) as DateParts;
  let rest = other.trim();
  const circa = /^(?:circa|ca\.|c\.)(?=\s|$)/i.exec(rest);
  if (circa) {
    result.circa = true;
    rest = rest.slice(circa[0].length).trim();
  }
  const end = /^to (\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(rest);
  if (end) {
    result.end = parseDate(end[1])['date-parts'][0] as DateParts;
    rest = '';
  }
  const time = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]m|Z|[+-]\d{2}:?\d{2}))?$/i.exec(rest);
  if (time) {
    result.time = rest;
    rest = '';
  }
  if (rest) result.rest = rest;
  return result;
}

/** Whether a date's parts start with another's (2020 ⊂ 2020-05 ⊂ 2020-05-22). */
function extendsParts(longer: DateParts, shorter: DateParts): boolean {
  return shorter.every((part, index) => longer[index] === part);
}

const ISSN = /^\d{4}-?\d{3}[\dX]$/i;
const ISBN = /^(?:97[89])?\d{9}[\dX]$/i;
const SERIAL_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'periodical', 'review']);

/** Whether every identifier in an SN value (several may be listed) looks like one of the given kind. */
function looksLike(value: string, pattern: RegExp): boolean {
  const ids = value.split(/[\s,;]+/).filter(Boolean);
  return (
    ids.length > 0 &&
    ids.every((id) => pattern.test(id.replace(/[-\s]/g, '').replace(/^(\d{4})(\d{3}[\dX])$/i, '$1-$2')))
  );
}

/**
 * The field a tag's value belongs to when several fields read the tag: `AN` is the arXiv id when it says
 * `arXiv:`, else the archive location; `SN` is an ISSN or an ISBN by its form, else by the item type.
 */
function chooseField(candidates: FieldSpec[], value: string, type: string): FieldSpec | undefined {
  if (candidates.length <= 1) return candidates[0];
  const fits = (field: FieldSpec) => {
    if (field.kind === 'arxiv') return /^arxiv:/i.test(value) && normalizeArxiv(value) !== undefined;
    if (field.kind === 'issn') return looksLike(value, ISSN);
    if (field.kind === 'isbn') return looksLike(value, ISBN);
    return true;
  };
  // Fields whose values have a form (an arXiv id, an ISSN, an ISBN) are tried before those that take any text.
  const constrained = (field: FieldSpec) => ['arxiv', 'issn', 'isbn'].includes(field.kind);
  const fitting = candidates.find((field) => constrained(field) && fits(field)) ?? candidates.find(fits);
  if (fitting) return fitting;
  const byType = SERIAL_TYPES.has(type) ? 'issn' : 'isbn';
  return candidates.find((field) => field.kind === byType) ?? candidates.find((field) => field.kind !== 'arxiv');
}

const TAG_FIELDS = new Map<string, Map<string, FieldSpec[]>>();

/** Which fields read each RIS tag for a CSL type (cached per type). */
function tagFields(type: string): Map<string, FieldSpec[]> {
  let map = TAG_FIELDS.get(type);
  if (!map) {
    map = new Map();
    for (const field of FIELDS) {
      for (const tag of getRisTags(field, type)) {
        if (field.kind !== 'type') map.set(tag, [...(map.get(tag) ?? []), field]);
      }
    }
    TAG_FIELDS.set(type, map);
  }
  return map;
}

const ET_AL = /^(?:et\.?\s*al\.?|others|\[et al\.?\]|and others)$/i;

/**
 * Reads a RIS name: "Family, Given[, Suffix]" (a space after the comma is optional); a value ending in a comma is an
 * organisation (EndNote); without a comma, one word is a family name and several words an organisation. Lowercase
 * words leading the family part are its particle (`van Beethoven`), trailing the given part its dropping particle.
 */
function parseRisName(text: string): Name | 'et al.' | undefined {
  const value = text.replace(/\s+/g, ' ').trim();
  if (!value) return undefined;
  if (ET_AL.test(value)) return 'et al.';
  if (value.endsWith(',')) {
    const literal = value.slice(0, -1).trim();
    return literal ? { literal } : undefined;
  }
  if (!value.includes(',')) return value.includes(' ') ? { literal: value } : { family: value };
  const [familyPart, givenPart = '', ...suffixes] = value.split(',').map((part) => part.trim());
  if (!familyPart) return givenPart ? { literal: value.replace(/^,\s*/, '') } : undefined;
  // "Family, x" gives the family part BibTeX's von/Last split, which is RIS's too.
  const name: Name = parseName(`${familyPart}, x`);
  delete name.given;
  const givenWords = givenPart.split(' ').filter(Boolean);
  let cut = givenWords.length;
  while (cut > 1 && /^\p{Ll}/u.test(givenWords[cut - 1])) cut--;
  if (givenWords.length > 0) name.given = givenWords.slice(0, cut).join(' ');
  if (cut < givenWords.length) name['dropping-particle'] = givenWords.slice(cut).join(' ');
  const suffix = suffixes.filter(Boolean).join(', ');
  if (suffix) name.suffix = suffix;
  return name;
}

/** What a record's tags give each field, before they become front matter. */
interface Collected {
  single: Map<string, string>;
  names: Map<string, Name[]>;
  lists: Map<string, string[]>;
  texts: Map<string, string[]>;
  dates: Map<string, TagValue[]>;
  /** Values the model keeps verbatim, by RIS tag. */
  stash: Map<string, string[]>;
  /** The values each field was read from, by front-matter key (for a value the schema rejects). */
  sources: Map<string, TagValue[]>;
}

/** Reads one record into an entry, or says why it cannot be read. */
function readRecord(record: RisRecord): ImportedEntry | EntryProblem {
  const notes = [...record.notes];
  const collected: Collected = {
    single: new Map(),
    names: new Map(),
    lists: new Map(),
    texts: new Map(),
    dates: new Map(),
    stash: new Map(),
    sources: new Map(),
  };
  const stash = (tag: string, value: string) =>
    collected.stash.set(tag, [...(collected.stash.get(tag) ?? []), oneLine(value.split(/\n+/).join(PARAGRAPH_MARK))]);
  const source = (key: string, tagValue: TagValue) =>
    collected.sources.set(key, [...(collected.sources.get(key) ?? []), tagValue]);

  const tyTag = record.tags.find((tag) => tag.tag === 'TY');
  const ty = tyTag?.value
    .trim()
    .toUpperCase()
    .replace(/^JOURN$/, 'JOUR');
  let type = ty ? RIS_TYPES_IN[ty] : undefined;
  if (!type) {
    type = 'document';
    if (ty) {
      stash('TY', ty);
      notes.push(`TY ${ty} is not a RIS type Bibshelf knows; read as a document, the TY kept in extra.ris-ty`);
    }
  } else if (getItemType(type).ris !== ty) {
    notes.push(`TY ${ty} read as ${type} (written back as ${getItemType(type).ris})`);
  }
  const fields = tagFields(type);
  const abstracts: TagValue[] = [];
  const endPages: TagValue[] = [];
  const truncated = new Set<string>();
  const unknownTags = new Set<string>();

  for (const tagValue of record.tags) {
    const { tag } = tagValue;
    if (tag === 'TY') continue;
    const value = cleanText(tagValue.value, `${tag} (line ${tagValue.line})`, notes)
      .split(PARAGRAPH_SPLIT)
      .join('\n\n')
      .trim();
    if (!value) continue;
    const read = { ...tagValue, value };
    if (tag === 'AB' || tag === 'N2') {
      abstracts.push(read);
      continue;
    }
    if (tag === 'EP') {
      endPages.push(read);
      continue;
    }
    let field = chooseField(fields.get(tag) ?? [], value, type);
    // Some exports put the DOI in M3 (the RIS spec's "type of work"): a genre that is a DOI is the DOI.
    if (field?.key === 'genre' && normalizeDoi(value) && !record.tags.some((other) => other.tag === 'DO')) {
      field = FIELDS.find((candidate) => candidate.key === 'doi');
      notes.push(`${tag} holds a DOI (${value}); read as the DOI`);
    }
    if (!field) {
      stash(tag, value);
      unknownTags.add(tag);
      continue;
    }
    const { key } = field;
    switch (field.kind) {
      case 'names': {
        const name = parseRisName(value);
        if (name === 'et al.') {
          if (field.truncatedKey) truncated.add(field.truncatedKey);
          else stash(tag, value);
        } else if (name) {
          collected.names.set(key, [...(collected.names.get(key) ?? []), name]);
          source(key, read);
        }
        break;
      }
      case 'list': {
        const item = value.replace(/\s+/g, ' ');
        const items = collected.lists.get(key) ?? [];
        // A list holds each item once (Scopus repeats keywords that are both the author's and the index's).
        if (items.includes(item)) notes.push(`${tag} "${item}" is repeated; kept once`);
        else collected.lists.set(key, [...items, item]);
        source(key, read);
        break;
      }
      case 'longtext': {
        const truncation = FIELDS.find((candidate) => candidate.truncatedKey && truncationNote(candidate) === value);
        if (truncation?.truncatedKey) truncated.add(truncation.truncatedKey);
        else {
          collected.texts.set(key, [...(collected.texts.get(key) ?? []), value]);
          source(key, read);
        }
        break;
      }
      case 'date':
        collected.dates.set(key, [...(collected.dates.get(key) ?? []), read]);
        break;
      default: {
        const text = field.kind === 'arxiv' ? value.replace(/^arxiv:\s*/i, '') : value.replace(/\s+/g, ' ');
        const existing = collected.single.get(key);
        if (existing === undefined) {
          collected.single.set(key, text);
          source(key, read);
        } else if (existing !== text) {
          stash(tag, value);
          notes.push(`${tag} "${value}" is a second ${key}; kept in extra.ris-${tag.toLowerCase()}`);
        }
      }
    }
  }

  // Pages: SP and EP are one range. A book's SP is its page count, unless an EP makes it a range.
  if (endPages.length > 0) {
    const end = endPages[0];
    const countKey = collected.single.has('numberOfPages') && !collected.single.has('pages') ? 'numberOfPages' : '';
    const start = collected.single.get('pages') ?? (countKey ? collected.single.get(countKey) : undefined);
    if (start !== undefined && !/[-–—]/.test(start)) {
      // The writer gives a book's single page (not its count) as SP and EP of one value.
      collected.single.set('pages', countKey && start === end.value ? start : `${start}-${end.value}`);
      if (countKey) {
        collected.single.delete(countKey);
        collected.sources.set('pages', collected.sources.get(countKey) ?? []);
      }
      source('pages', end);
    } else if (start === undefined) {
      collected.single.set('pages', end.value);
      source('pages', end);
      notes.push(`EP ${end.value} without SP; read as the pages`);
    } else stash('EP', end.value);
    for (const extraEnd of endPages.slice(1)) stash('EP', extraEnd.value);
  }

  const frontMatter: Record<string, unknown> = { type };
  for (const [key, tagValues] of collected.dates) {
    const iso = resolveDate(tagValues, notes, stash);
    if (iso) {
      frontMatter[key] = iso;
      collected.sources.set(key, tagValues);
    }
  }
  for (const field of FIELDS) {
    const { key } = field;
    if (collected.names.has(key)) frontMatter[key] = collected.names.get(key)!.map(formatFrontMatterName);
    else if (collected.lists.has(key)) frontMatter[key] = collected.lists.get(key);
    else if (collected.texts.has(key)) frontMatter[key] = collected.texts.get(key)!.join('\n\n');
    else if (collected.single.has(key)) frontMatter[key] = collected.single.get(key);
    if (field.truncatedKey && truncated.has(field.truncatedKey)) {
      if (collected.names.has(key)) frontMatter[field.truncatedKey] = true;
      else {
        stash('N1', truncationNote(field));
        notes.push(
          `"${truncationNote(field)}" but the record lists no ${field.label.toLowerCase()}; kept in extra.ris-n1`,
        );
      }
    }
  }
  let abstract = '';
  if (abstracts.length > 0) {
    abstract = plainTextToMarkdown(abstracts[0].value);
    for (const other of abstracts.slice(1)) {
      if (other.value === abstracts[0].value) continue;
      stash(other.tag, other.value);
      notes.push(
        `${other.tag} (line ${other.line}) is a second abstract; kept in extra.ris-${other.tag.toLowerCase()}`,
      );
    }
  }
  const applyStash = () => {
    if (collected.stash.size === 0) return;
    const extra = (frontMatter.extra as Record<string, string> | undefined) ?? {};
    for (const [tag, values] of collected.stash) extra[`${EXTRA_PREFIX}${tag.toLowerCase()}`] = values.join('\n');
    frontMatter.extra = extra;
    collected.stash.clear();
  };
  if (unknownTags.size > 0) {
    const tags = [...unknownTags];
    notes.push(
      `kept ${tags.join(', ')} (no Bibshelf field) verbatim in extra as ${tags.map((tag) => `ris-${tag.toLowerCase()}`).join(', ')}`,
    );
  }
  applyStash();

  const unexplained = settleFrontMatter(frontMatter, (rejected: RejectedValue) => {
    if (rejected.key.startsWith('extra.')) {
      notes.push(`${rejected.key}: ${rejected.message}; not kept`);
      return;
    }
    const origins = collected.sources.get(rejected.key) ?? [];
    for (const origin of origins) stash(origin.tag, origin.value);
    const tags = [...new Set(origins.map((origin) => origin.tag))];
    notes.push(
      `${tags.join('/') || rejected.key} not read as ${rejected.key}: ${rejected.message}; ${tags.length > 0 ? `kept verbatim in extra as ${tags.map((tag) => `ris-${tag.toLowerCase()}`).join(', ')}` : 'not kept'}`,
    );
    applyStash();
  });
  const id = record.tags.find((tag) => tag.tag === 'ID')?.value.trim() || undefined;
  if (unexplained.length > 0) return { line: record.line, key: id, message: unexplained.join('; ') };
  return { line: record.line, ...(id ? { key: id } : {}), frontMatter, abstract, notes };
}

/**
 * The date a field's tags give (`PY`, `Y1`, `DA` for the issued date): the most precise one, `DA` before `PY` at
 * equal precision, EndNote's month-only `DA` completed by `PY`'s year. Values that disagree with it, or hold text
 * besides the date ("Spring"), are kept verbatim; a time of day is dropped (and said so).
 */
function resolveDate(
  tagValues: TagValue[],
  notes: string[],
  stash: (tag: string, value: string) => void,
): string | undefined {
  const parsed = tagValues.map((tagValue) => ({ tagValue, date: parseRisDate(tagValue.value) }));
  for (const { tagValue, date } of parsed) {
    if (!date) {
      stash(tagValue.tag, tagValue.value);
      notes.push(`${tagValue.tag} "${tagValue.value}" is not a date; kept in extra.ris-${tagValue.tag.toLowerCase()}`);
    }
  }
  const dated = parsed.filter((entry) => entry.date?.parts);
  if (dated.length === 0) {
    for (const { tagValue, date } of parsed) if (date?.monthDay) stash(tagValue.tag, tagValue.value);
    return undefined;
  }
  const best = dated.reduce((a, b) => {
    const byPrecision = b.date!.parts!.length - a.date!.parts!.length;
    if (byPrecision !== 0) return byPrecision > 0 ? b : a;
    return b.tagValue.tag === 'DA' && a.tagValue.tag !== 'DA' ? b : a;
  });
  let parts = best.date!.parts!;
  for (const { tagValue, date } of parsed) {
    if (!date) continue;
    if (date.monthDay) {
      if (parts.length === 1) parts = [parts[0], ...date.monthDay] as DateParts;
      else if (!extendsParts(parts.slice(1) as DateParts, date.monthDay as DateParts))
        stash(tagValue.tag, tagValue.value);
      continue;
    }
    if (date.time) notes.push(`${tagValue.tag} "${tagValue.value}": kept the date, dropped the time of day`);
    const agrees = extendsParts(parts, date.parts!) && (date === best.date || (!date.end && !date.circa));
    if (!agrees || date.rest) {
      stash(tagValue.tag, tagValue.value);
      notes.push(
        `${tagValue.tag} "${tagValue.value}" ${agrees ? 'holds more than a date' : `disagrees with ${best.tagValue.tag}`}; kept in extra.ris-${tagValue.tag.toLowerCase()}`,
      );
    }
  }
  const csl: CslDate = { 'date-parts': best.date!.end ? [parts, best.date!.end] : [parts] };
  if (best.date!.circa) csl.circa = true;
  const iso = formatIsoDate(csl);
  try {
    parseDate(iso);
  } catch (error) {
    for (const { tagValue } of dated) stash(tagValue.tag, tagValue.value);
    notes.push(`${best.tagValue.tag} "${best.tagValue.value}": ${(error as Error).message}; kept verbatim`);
    return undefined;
  }
  return iso;
}

/**
 * Reads a RIS file (Zotero's, EndNote's, Reference Manager's, or this module's): every record becomes front matter
 * keyed as paper files are, the abstract markdown that shows the plain text as it is (no LaTeX decoding). A record
 * without `ID` gets no citation key here (the importer generates one). Throws `ImportFileError` when the file holds
 * no RIS record at all.
 */
export function readRis(text: string, fileName: string): ReadResult {
  const records = splitRecords(text);
  if (records.length === 0) {
    throw new ImportFileError(`${fileName}: no RIS records (a record starts with a "TY  - " line)`);
  }
  const result: ReadResult = { entries: [], problems: [] };
  for (const record of records) {
    const read = readRecord(record);
    if ('frontMatter' in read) result.entries.push(read);
    else result.problems.push(read);
  }
  return result;
}
