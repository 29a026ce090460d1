// BibTeX / biblatex file → entries as front matter, with @retorquere/bibtex-parser (Better BibTeX's parser): every
// @string form, crossref/xdata inheritance, @article(...) parentheses. Each field goes to its front-matter key
// through the field table in reverse; what the model has no home for, and any value the schema would reject, is
// kept verbatim in `extra` with a note, so nothing is lost and no entry fails for one field.

import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { ARXIV_CATEGORIES } from '../domain/arxiv-categories';
import { parseDate } from '../domain/dates';
import { FIELDS, getBibtexName, type FieldSpec } from '../domain/fields';
import {
  CLASSIC_BIBTEX_TYPES,
  createPaperSchema,
  findUnsafePreambleCommand,
  normalizeArxiv,
  normalizeDoi,
} from '../domain/schema';
import { createTaxonomy } from '../domain/taxonomy';
import { findForbiddenCharacter, stripForbiddenCharacters } from '../domain/text';
import { BIBTEX_SUBTYPES_IN, BIBTEX_TYPES_IN, getItemType } from '../domain/types';
import { DEFAULT_GENRES } from './bibtex';
import type { EntryProblem, ImportedEntry, ReadResult } from './import-entry';
import {
  createParseOptions,
  hideAngles,
  hideVerbatimEnvironments,
  markupToMarkdown,
  markupToText,
  PARSE_OPTIONS,
  restoreAngles,
} from './latex';

// The schema the reader checks each value with: arXiv's categories are the only ones it sets.
const schema = createPaperSchema({ taxonomy: createTaxonomy({ arxiv: true, labels: {} }) });

/** Entry types that are not works but containers of other entries' data. */
const NOT_WORKS: Record<string, string> = {
  set: 'a @set only groups other entries (each member is read as its own entry)',
  xdata: 'an @xdata entry only holds fields for other entries (they inherit them)',
};

const ARXIV_BY_LOWER = new Map(Object.keys(ARXIV_CATEGORIES).map((code) => [code.toLowerCase(), code]));
const EXTRA_NAME = /^[a-z][a-z0-9_:.+-]*$/;
// Fields read as part of another: the issued date's parts, arXiv's eprint parts, the type marker.
const DATE_PARTS = new Set(['date', 'year', 'month', 'day']);
const EPRINT_PARTS = new Set(['eprint', 'archiveprefix', 'eprinttype', 'primaryclass', 'eprintclass']);

/**
 * A DOI given as text, a `doi:` name or a URL of any resolver or proxy (doi.org, dx.doi.org,
 * doi-org.proxy.univ.edu…), as the bare DOI; undefined when it is none.
 */
export function bareDoi(text: string): string | undefined {
  const trimmed = text.trim();
  const proxied = /^https?:\/\/[^/]*doi[^/]*\/(10\.\d{4,9}\/.+)$/i.exec(trimmed);
  if (proxied) {
    try {
      return normalizeDoi(decodeURIComponent(proxied[1]));
    } catch {
      return normalizeDoi(proxied[1]);
    }
  }
  return normalizeDoi(trimmed);
}

/** The problem the schema finds with one front-matter value, if any. */
function checkValue(key: string, value: unknown): string | undefined {
  const input: Record<string, unknown> = key === 'title' ? { title: value } : { title: 'x', [key]: value };
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  const issue = result.error.issues.find((candidate) => candidate.path[0] === key) ?? result.error.issues[0];
  return issue.message;
}

/** A name from the parser as front matter writes it: {family, given, particle, suffix} or {literal}. */
function toName(creator: Creator): Record<string, string> | undefined {
  if (creator.name !== undefined) {
    const literal = markupToText(creator.name);
    return literal ? { literal } : undefined;
  }
  const parts: Record<string, string> = {};
  const family = markupToText(creator.lastName ?? '');
  const given = markupToText(creator.firstName ?? '');
  const particle = markupToText(creator.prefix ?? '');
  const suffix = markupToText(creator.suffix ?? '');
  if (!family) return given ? { family: given } : undefined;
  // Several words and no other part (`\rlap{Lutz Birkhahn}`): one name BibTeX cannot split, as a braced name is.
  if (!given && !particle && !suffix && /\s/.test(family)) return { literal: family };
  parts.family = family;
  if (given) parts.given = given;
  if (particle) parts.particle = particle;
  if (suffix) parts.suffix = suffix;
  return parts;
}

/** How many leading words of a raw `von Last` part BibTeX takes as its von part: lowercase words outside braces. */
function countVonWords(rawLast: string): number {
  const words: string[] = [];
  let depth = 0;
  let word = '';
  for (const char of rawLast.trim()) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    if (depth === 0 && /\s/.test(char)) {
      if (word) words.push(word);
      word = '';
    } else word += char;
  }
  if (word) words.push(word);
  let count = 0;
  // The last word is always the family name's; a braced word ({van}) is never a von word to BibTeX.
  while (count < words.length - 1 && /^\p{Ll}/u.test(words[count])) count++;
  return count;
}

/** Splits raw BibTeX text at a separator outside braces (names at " and ", a name's parts at ","). */
function splitOutsideBraces(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}') depth--;
    else if (depth === 0) {
      const match = separator.exec(text.slice(index));
      if (match?.index === 0) {
        parts.push(text.slice(start, index));
        index += match[0].length - 1;
        start = index + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/**
 * The parser splits a particle off a braced family name in the `Last, First` form (`{van Vliet}, J.` gives the
 * particle "van"), which BibTeX never does: particle words that are not von words of the raw text go back into
 * the family name, so a name the writer braced reads back as it was.
 */
function restoreBracedFamilies(creators: Creator[], raw: unknown): Creator[] {
  if (typeof raw !== 'string') return creators;
  const names = splitOutsideBraces(raw.replace(/\s+/g, ' '), /^\s+and\s+/i);
  if (names.length !== creators.length) return creators;
  return creators.map((creator, index) => {
    const parts = splitOutsideBraces(names[index], /^,/);
    if (!creator.prefix || parts.length < 2) return creator;
    const words = creator.prefix.trim().split(/\s+/);
    const von = countVonWords(parts[0]);
    if (von >= words.length) return creator;
    const family = [...words.slice(von), creator.lastName].filter(Boolean).join(' ');
    const prefix = words.slice(0, von).join(' ');
    return { ...creator, lastName: family, prefix: prefix || undefined };
  });
}

/** The raw text of a field from the raw parse (names and lists joined back as BibTeX writes them), NFC. */
function rawText(value: unknown): string {
  return joinRaw(value).normalize('NFC');
}

/** Joins a raw value. */
function joinRaw(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'string') return item;
        const creator = item as Creator;
        if (creator.name !== undefined) return creator.name;
        const last = [creator.prefix, creator.lastName].filter(Boolean).join(' ');
        return [last, creator.suffix, creator.firstName].filter((part) => part !== undefined).join(', ');
      })
      .join(value.every((item) => typeof item === 'string') ? ', ' : ' and ');
  }
  return '';
}

/** The parser's converted value as one line of plain text (lists joined with " and ", as BibTeX lists are). */
function textValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => markupToText(String(item))).join(' and ');
  return typeof value === 'string' ? markupToText(value) : '';
}

/** Long text (a note): plain text with its paragraph breaks. */
function blockValue(value: unknown): string {
  if (typeof value !== 'string') return textValue(value);
  return value
    .split(/<p>|<\/p>/)
    .map(markupToText)
    .filter(Boolean)
    .join('\n\n');
}

/** A verbatim value (URL, DOI, eprint) with the input's own angle brackets back. */
function verbatimValue(value: unknown): string {
  return typeof value === 'string' ? restoreAngles(value).trim() : rawText(value);
}

/** Reads true/false as al-folio writes flags. */
function flagValue(text: string): boolean | undefined {
  if (/^(true|yes|1)$/i.test(text)) return true;
  if (/^(false|no|0)$/i.test(text)) return false;
  return undefined;
}

/** Whether a field's BibTeX name for a type is named for that type (not only the `*` default). */
function namesTypeExplicitly(field: FieldSpec, cslType: string, bibtexType: string | undefined): boolean {
  const names = field.bibtex;
  if (names === undefined || typeof names === 'string') return true;
  return cslType in names || (bibtexType !== undefined && `@${bibtexType}` in names);
}

/**
 * Which model field each BibTeX name fills for a type: written names first — those the table names for the type
 * before the `*` defaults, so a preprint's howpublished is its publisher, as written — then the aliases read.
 */
function buildReverseTable(cslType: string, bibtexType: string | undefined): Map<string, FieldSpec> {
  const table = new Map<string, FieldSpec>();
  for (const explicit of [true, false]) {
    for (const field of FIELDS) {
      if (field.key === 'date' || field.kind === 'arxiv') continue;
      if (namesTypeExplicitly(field, cslType, bibtexType) !== explicit) continue;
      const name = getBibtexName(field, cslType, bibtexType);
      if (name && !table.has(name)) table.set(name, field);
    }
  }
  for (const field of FIELDS) {
    if (field.key === 'date') continue;
    for (const alias of field.bibtexAliases ?? []) if (!table.has(alias)) table.set(alias, field);
  }
  return table;
}

/** Whether a BibTeX name is the one the writer uses for its model field (not an alias). */
function isWrittenName(table: Map<string, FieldSpec>, name: string, cslType: string, bibtexType?: string): boolean {
  const field = table.get(name);
  return field !== undefined && getBibtexName(field, cslType, bibtexType) === name;
}

/** The line each entry starts on, by key (in file order for repeated keys). */
function findEntryLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const pattern = /@[ \t]*([a-zA-Z]+)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}()]*)/g;
  let line = 1;
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    for (; position < match.index; position++) if (text[position] === '\n') line++;
    if (/^(string|comment|preamble)$/i.test(match[1])) continue;
    const list = lines.get(match[2]) ?? [];
    list.push(line);
    lines.set(match[2], list);
  }
  return lines;
}

const pad = (value: string) => value.padStart(2, '0');

/**
 * The EDTF text of year/month/day fields, or undefined when they are not one date. Besides a month number, BibTeX
 * files write a day into the month (`"10~" # jan`, read as "10 01") and month ranges (`jun # "-" # aug`).
 */
function partsToDate(year: string, month?: string, day?: string): string | undefined {
  if (!/^\d{4}$/.test(year)) return undefined;
  if (month === undefined) return day === undefined ? year : undefined;
  let monthText = month.trim();
  let dayText = day?.trim();
  const dayMonth = /^(\d{1,2})[\s\u00a0]+(\d{1,2})$/.exec(monthText);
  if (dayMonth && dayText === undefined) [, dayText, monthText] = dayMonth;
  const range = /^(\d{1,2})\s*[-\u2013\u2014/]\s*(\d{1,2})$/.exec(monthText);
  if (range && dayText === undefined) return `${year}-${pad(range[1])}/${year}-${pad(range[2])}`;
  if (!/^\d{1,2}$/.test(monthText)) return undefined;
  if (dayText === undefined) return `${year}-${pad(monthText)}`;
  return /^\d{1,2}$/.test(dayText) ? `${year}-${pad(monthText)}-${pad(dayText)}` : undefined;
}

/** Whether an EDTF text is a date the model keeps (the schema's date reader accepts it). */
function isModelDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

interface EntryContext {
  entry: Entry;
  raw: Record<string, unknown>;
  frontMatter: Record<string, unknown>;
  extra: Record<string, string>;
  notes: string[];
  /** Fields with no model home, for one summary note. */
  unmapped: string[];
}

/** Keeps a field verbatim in `extra`; `reason` (a rejected value) becomes its own note. */
function keepInExtra(context: EntryContext, name: string, reason?: string): void {
  const value = stripForbiddenCharacters(rawText(context.raw[name] ?? context.entry.fields[name as never]));
  if (!value.trim()) return;
  const repeated = /^(.+)\+duplicate-\d+$/.exec(name)?.[1];
  if (repeated) {
    context.notes.push(
      `field "${repeated}" is given twice; bibtex and biber read only the first, and so does this site; the other value was: ${value}`,
    );
    return;
  }
  if (!EXTRA_NAME.test(name)) {
    context.notes.push(`field "${name}" cannot be kept (not a BibTeX field name); its value was: ${value}`);
    return;
  }
  context.extra[name] = value;
  if (reason) context.notes.push(`kept in extra: ${name} (${reason})`);
  else context.unmapped.push(name);
}

/** Sets a front-matter value when the schema takes it; otherwise the field is kept in `extra`. */
function setValue(context: EntryContext, key: string, value: unknown, source: string): boolean {
  const problem = checkValue(key, value);
  if (problem) {
    keepInExtra(context, source, problem);
    return false;
  }
  context.frontMatter[key] = value;
  return true;
}

/** Reads the issued date: biblatex's `date` (EDTF) or year/month/day, at exactly the precision given. */
function readIssued(context: EntryContext): void {
  const fields = context.entry.fields as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : undefined);
  let date = text('date');
  // The parser reads the year as a number (0001 → 1); the source's own four digits are the year as written.
  const rawYear = rawText(context.raw.year ?? '');
  const year = /^\d{4}$/.test(rawYear) ? rawYear : text('year');
  const month = text('month');
  const day = text('day');
  if (date !== undefined) {
    if (isModelDate(date) && setValue(context, 'date', date, 'date')) {
      // year/month/day beside a date say the same again (biber takes the date); a different value is kept.
      const [start] = parseDate(date)['date-parts'];
      const same = { year: String(start[0]), month: String(start[1] ?? ''), day: String(start[2] ?? '') };
      for (const name of ['year', 'month', 'day'] as const) {
        const value = text(name);
        if (value !== undefined && value.replace(/^0+/, '') !== same[name]) {
          keepInExtra(context, name, `differs from date ${date}`);
        }
      }
      return;
    }
    if (!isModelDate(date)) keepInExtra(context, 'date', `"${date}" is not a date this site keeps`);
    // A date that is not one (Compendex's "15/05/84", an entry date) leaves the year the work's date.
    date = undefined;
  }
  if (year === undefined) {
    for (const name of ['month', 'day']) if (text(name) !== undefined) keepInExtra(context, name, 'no year');
    return;
  }
  // A year written with the file's own macros ({\noopsort{1973b}}1973, for plain.bst's sort order) is read for
  // what it prints; the sort hint goes, as the site orders works by their dates.
  const noteYear = () => {
    if (rawYear && rawYear !== year) context.notes.push(`year "${rawYear}" read as ${year}`);
  };
  const iso = partsToDate(year, month, day);
  if (iso !== undefined && isModelDate(iso) && date === undefined) {
    if (setValue(context, 'date', iso, 'year')) noteYear();
    return;
  }
  // A day that is not one (a range, "16--17") leaves the year and month the date; the day is kept verbatim.
  const monthIso = month !== undefined ? partsToDate(year, month) : undefined;
  if (day !== undefined && monthIso !== undefined && isModelDate(monthIso)) {
    if (setValue(context, 'date', monthIso, 'year')) noteYear();
    keepInExtra(context, 'day', `"${rawText(context.raw.day ?? '') || day}" is not a day`);
    return;
  }
  // Keep each part that does not make a date verbatim, and the year-only date when the year itself is one.
  const yearIso = partsToDate(year);
  if (date === undefined && yearIso !== undefined && isModelDate(yearIso)) {
    if (setValue(context, 'date', yearIso, 'year')) noteYear();
    if (month !== undefined) keepInExtra(context, 'month', `"${month}" is not a month`);
    if (day !== undefined) keepInExtra(context, 'day', month === undefined ? 'no month' : 'the month is not one');
    return;
  }
  for (const name of ['year', 'month', 'day']) {
    const written = rawText(context.raw[name] ?? '') || text(name);
    if (text(name) !== undefined) keepInExtra(context, name, `"${written}" is not a date this site keeps`);
  }
}

/** Reads arXiv's eprint fields (or keeps them: an eprint of another archive is not an arXiv id). */
function readEprint(context: EntryContext): void {
  const fields = context.entry.fields as Record<string, unknown>;
  const eprint = typeof fields.eprint === 'string' ? verbatimValue(fields.eprint) : undefined;
  const archive = [fields.archiveprefix, fields.eprinttype].find((value) => typeof value === 'string') as
    string | undefined;
  const isArxiv =
    archive === undefined
      ? eprint !== undefined && normalizeArxiv(eprint) !== undefined
      : /^arxiv$/i.test(archive.trim());
  let usedArxiv = false;
  if (eprint !== undefined && isArxiv) {
    const id = normalizeArxiv(eprint);
    if (id && setValue(context, 'arxiv', id, 'eprint')) {
      usedArxiv = true;
      if (id !== eprint) context.notes.push(`eprint "${eprint}" read as the arXiv id ${id}`);
    } else if (!id) keepInExtra(context, 'eprint', `"${eprint}" is not an arXiv identifier`);
  } else if (eprint !== undefined) keepInExtra(context, 'eprint');
  for (const name of ['archiveprefix', 'eprinttype']) {
    if (typeof fields[name] !== 'string') continue;
    if (usedArxiv && /^arxiv$/i.test(String(fields[name]).trim())) continue;
    keepInExtra(context, name);
  }
  for (const name of ['primaryclass', 'eprintclass']) {
    if (typeof fields[name] !== 'string') continue;
    const code = ARXIV_BY_LOWER.get(String(fields[name]).trim().toLowerCase());
    if (code && context.frontMatter.category === undefined && (usedArxiv || archive === undefined || isArxiv)) {
      setValue(context, 'category', code, name);
    } else keepInExtra(context, name, code ? undefined : `"${String(fields[name]).trim()}" is not an arXiv category`);
  }
}

/** Reads one field through the field table; false when it has no home in the model. */
function readField(context: EntryContext, name: string, field: FieldSpec, value: unknown): void {
  if (context.frontMatter[field.key] !== undefined) {
    // al-folio's arxiv beside the eprint it repeats says nothing new; anything else is kept.
    if (field.kind === 'arxiv' && normalizeArxiv(verbatimValue(value)) === context.frontMatter.arxiv) return;
    keepInExtra(context, name, `${field.key} already came from another field`);
    return;
  }
  switch (field.kind) {
    case 'names': {
      const creators = Array.isArray(value) ? restoreBracedFamilies(value as Creator[], context.raw[name]) : [];
      const truncated =
        creators.length > 0 &&
        creators.at(-1)!.lastName === 'others' &&
        !creators.at(-1)!.firstName &&
        !creators.at(-1)!.prefix;
      if (truncated && !field.truncatedKey) {
        keepInExtra(
          context,
          name,
          `the model cannot mark a ${field.label.toLowerCase()} list as incomplete ("and others")`,
        );
        return;
      }
      const names = (truncated ? creators.slice(0, -1) : creators).map(toName).filter(Boolean);
      if (names.length === 0) return;
      if (setValue(context, field.key, names, name) && truncated) context.frontMatter[field.truncatedKey!] = true;
      return;
    }
    case 'list': {
      const listed = Array.isArray(value) ? orderKeywords(context.entry.input, value.map(String)) : [value];
      const items = listed
        .map((item) => String(item))
        .map((item) => (/[\\{}$]/.test(item) ? markupToText(decodeItem(item)) : markupToText(item)))
        .filter(Boolean);
      if (items.length > 0) setValue(context, field.key, [...new Set(items)], name);
      return;
    }
    case 'doi': {
      // The writer percent-encodes the four characters a .bib file cannot hold raw in a DOI (see escapeVerbatim).
      const written = verbatimValue(value);
      // Tools that escape DOIs for LaTeX (rest\_a\_00793) meant the characters: a DOI's backslash is written %5C.
      const text = written
        .replace(/\\([&%#_~$])/g, '$1')
        .replace(/%(24|7B|7D|5C)/gi, (escape) => decodeURIComponent(escape));
      if (text !== written.replace(/%(24|7B|7D|5C)/gi, (escape) => decodeURIComponent(escape))) {
        context.notes.push(`${name}: LaTeX escapes removed from the DOI (${written} → ${text})`);
      }
      const doi = bareDoi(text);
      if (doi === undefined) {
        keepInExtra(context, name, `"${text}" is not a DOI`);
        return;
      }
      if (setValue(context, field.key, doi, name) && doi !== text) {
        context.notes.push(`doi "${text}" read as the bare DOI ${doi}`);
      }
      return;
    }
    case 'url':
    case 'link': {
      const written = verbatimValue(value);
      // Zotero and others escape & % # _ ~ $ in URLs for LaTeX; a URL never holds a backslash itself.
      const url = written.replace(/\\([&%#_~$])/g, '$1');
      if (/\s/.test(url)) {
        keepInExtra(context, name, 'holds white space: several URLs or text, not one URL');
        return;
      }
      if (setValue(context, field.key, url, name) && url !== written) {
        context.notes.push(`${name}: LaTeX escapes removed from the URL (${written} → ${url})`);
      }
      return;
    }
    case 'arxiv': {
      const text = verbatimValue(value);
      const id = normalizeArxiv(text);
      if (id) setValue(context, field.key, id, name);
      else keepInExtra(context, name, `"${text}" is not an arXiv identifier`);
      return;
    }
    case 'flag': {
      const flag = flagValue(textValue(value));
      if (flag === undefined) keepInExtra(context, name, `"${textValue(value)}" is not true or false`);
      else if (flag) setValue(context, field.key, true, name);
      else keepInExtra(context, name);
      return;
    }
    case 'score': {
      const text = textValue(value);
      const score = Number(text);
      if (text === '' || !Number.isFinite(score)) keepInExtra(context, name, `"${text}" is not a number`);
      else setValue(context, field.key, score, name);
      return;
    }
    case 'code': {
      const text = verbatimValue(value);
      setValue(context, field.key, flagValue(text) === true ? true : text, name);
      return;
    }
    case 'longtext': {
      const text = blockValue(value);
      if (text) setValue(context, field.key, text, name);
      return;
    }
    default: {
      const text = textValue(value);
      if (text) setValue(context, field.key, text, name);
    }
  }
}

/**
 * The text of one field as the entry's source writes it, between its braces or quotes; undefined when the field is
 * absent or its value uses an @string macro or `#` (then only the parser's expansion says what it holds).
 */
export function findFieldSource(input: string, name: string): string | undefined {
  const open = /^\s*@\s*\w+\s*[{(]/.exec(input);
  if (!open) return undefined;
  let index = input.indexOf(',', open[0].length);
  while (index >= 0 && index < input.length) {
    const field = /^,\s*([^\s=,{}"#]+)\s*=\s*/.exec(input.slice(index));
    if (!field) return undefined;
    index += field[0].length;
    // The value's pieces, joined by `#`: braced, quoted, or bare (a number or an @string macro).
    const pieces: { text: string; delimited: boolean }[] = [];
    for (;;) {
      const delimiter = input[index];
      let end = index;
      if (delimiter === '{' || delimiter === '"') {
        let depth = 0;
        for (; end < input.length; end++) {
          const char = input[end];
          if (char === '{') depth++;
          else if (char === '}') depth--;
          if (delimiter === '{' ? depth === 0 : end > index && char === '"' && depth === 0) break;
        }
        pieces.push({ text: input.slice(index + 1, end), delimited: true });
        end++;
      } else {
        const bare = /^[^\s,#{}"()]+/.exec(input.slice(index));
        if (!bare) return undefined;
        pieces.push({ text: bare[0], delimited: false });
        end += bare[0].length;
      }
      index = end + /^\s*/.exec(input.slice(end))![0].length;
      if (input[index] !== '#') break;
      index += 1 + /^\s*/.exec(input.slice(index + 1))![0].length;
    }
    if (field[1].toLowerCase() === name) {
      return pieces.length === 1 && pieces[0].delimited ? pieces[0].text : undefined;
    }
    if (input[index] !== ',') return undefined;
  }
  return undefined;
}

/**
 * The parser sorts and dedupes keywords and splits them inside braces too (`{Beta (X, Y)}`); an author's order is
 * part of the record. The source's own list, split outside braces, when the entry writes it; the parser's list
 * otherwise (a value from a crossref parent or an @string macro).
 */
function orderKeywords(input: string, parsed: readonly string[]): string[] {
  const source = findFieldSource(input, 'keywords');
  if (source === undefined) return [...parsed];
  return [...new Set(splitOutsideBraces(source.replace(/\s+/g, ' '), /^[,;]/).filter(Boolean))];
}

/** Decodes LaTeX left in a value the parser reads verbatim (keywords). */
function decodeItem(item: string): string {
  const library = parse(`@misc{x, title = {${item}}}`, PARSE_OPTIONS);
  const value = library.entries[0]?.fields.title;
  return typeof value === 'string' ? value : item;
}

/** The CSL type, `bibtexType` and whether `entrysubtype` was used, for an entry type (and its entrysubtype). */
function readType(
  type: string,
  subtype: string | undefined,
): { csl: string; bibtexType?: string; usedSubtype: boolean; known: boolean } {
  const marked = subtype !== undefined ? BIBTEX_SUBTYPES_IN[`${type}/${subtype.trim().toLowerCase()}`] : undefined;
  const csl = marked ?? BIBTEX_TYPES_IN[type] ?? 'document';
  const written = getItemType(csl).bibtex.type;
  const bibtexType = CLASSIC_BIBTEX_TYPES.includes(type) && written !== type ? type : undefined;
  return { csl, bibtexType, usedSubtype: marked !== undefined, known: marked !== undefined || type in BIBTEX_TYPES_IN };
}

/** A file's @preamble and the commands it defines, for the entries that use them. */
interface Preamble {
  text: string;
  commands: string[];
  /** Whether \newcommand was written as \providecommand. */
  renamed: boolean;
}

/** Reads one parsed entry into front matter. */
function readEntry(
  entry: Entry,
  raw: Record<string, unknown>,
  line: number,
  preamble?: Preamble,
): ImportedEntry | EntryProblem {
  const type = entry.type.toLowerCase();
  const key = restoreAngles(entry.key);
  const fields = entry.fields as Record<string, unknown>;
  const context: EntryContext = { entry, raw, frontMatter: {}, extra: {}, notes: [], unmapped: [] };
  for (const [name, value] of Object.entries(raw)) {
    const forbidden = findForbiddenCharacter(rawText(value));
    if (forbidden) context.notes.push(`removed the control or non-character ${forbidden} from ${name}`);
  }
  const subtype = typeof fields.entrysubtype === 'string' ? fields.entrysubtype : undefined;
  const { csl, bibtexType, usedSubtype, known } = readType(type, subtype);
  context.frontMatter.type = csl;
  if (bibtexType) context.frontMatter.bibtexType = bibtexType;
  if (!known) context.notes.push(`the entry type @${type} is not one this site knows; read as a document (@misc)`);
  if (key && !checkValue('citationKey', key)) context.frontMatter.citationKey = key;
  else if (key) context.notes.push(`the citation key "${key}" cannot be kept (${checkValue('citationKey', key)})`);

  readIssued(context);
  readEprint(context);
  const table = buildReverseTable(csl, bibtexType);
  // A field the writer put under its fallback name (a preprint's publisher as organization) is read from there;
  // its own name then belongs to the field that took it (the container title's howpublished).
  for (const field of FIELDS) {
    const fallback = field.bibtexFallback?.[csl];
    const primary = getBibtexName(field, csl, bibtexType);
    if (!fallback || !primary || fields[fallback] === undefined || fields[primary] === undefined) continue;
    const taker = FIELDS.find((other) => other !== field && getBibtexName(other, csl, bibtexType) === primary);
    if (!taker) continue;
    table.set(fallback, field);
    table.set(primary, taker);
  }
  let abstract = '';
  // Fields under the name the writer uses come first, so an alias (organization beside publisher) is the one
  // kept in extra when both are there.
  const ordered = Object.entries(fields).sort(
    ([a], [b]) => Number(!isWrittenName(table, a, csl, bibtexType)) - Number(!isWrittenName(table, b, csl, bibtexType)),
  );
  for (const [name, value] of ordered) {
    if (DATE_PARTS.has(name) || EPRINT_PARTS.has(name)) continue;
    if (name === 'entrysubtype' && usedSubtype) continue;
    if (name === 'xdata') {
      // The @xdata entries are not works and are not imported; their fields are in this entry now.
      context.notes.push(`xdata ${String(value)} resolved: its fields are part of this entry`);
      continue;
    }
    if (name === 'abstract') {
      abstract = typeof value === 'string' ? markupToMarkdown(value) : textValue(value);
      continue;
    }
    const field = table.get(name);
    if (!field) keepInExtra(context, name);
    else readField(context, name, field, value);
  }
  // A thesis says its kind: @phdthesis / @mastersthesis give the genre unless a `type` field says otherwise.
  if (csl === 'thesis' && context.frontMatter.genre === undefined && DEFAULT_GENRES[type]) {
    context.frontMatter.genre = DEFAULT_GENRES[type];
  }
  if (Object.keys(context.extra).length > 0) context.frontMatter.extra = context.extra;
  if (context.unmapped.length > 0) context.notes.unshift(`kept in extra: ${context.unmapped.join(', ')}`);
  // Values kept verbatim may call the file's own commands (xampl.bib's \noopsort): the paper keeps the preamble
  // that defines them, and BibTeX exports write it before the entry.
  // Only verbatim values keep the commands: the others were read for what they print.
  const used = preamble?.commands.filter((name) =>
    Object.values(context.extra).some((value) => new RegExp(`\\\\${name}(?![a-zA-Z@])`).test(value)),
  );
  if (preamble && used && used.length > 0) {
    context.frontMatter.bibtexPreamble = preamble.text;
    context.notes.push(
      `kept the file's @preamble${preamble.renamed ? ' (\\newcommand as \\providecommand)' : ''}, for ${used.map((name) => `\\${name}`).join(', ')}`,
    );
  }

  const result = schema.safeParse(context.frontMatter);
  if (!result.success) {
    const message = result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
    return { line, key: key || undefined, message: message.join('; ') };
  }
  const keyRefused = key && context.frontMatter.citationKey === undefined ? { keyRefused: true as const } : {};
  return {
    line,
    key: key || undefined,
    ...keyRefused,
    frontMatter: context.frontMatter,
    abstract,
    notes: context.notes,
  };
}

// What the parser's crossref inheritance leaves out: biblatex's date fields (its field lists name only their
// year/month/day parts). Fields never inherited by xdata's parents' children: titles map to booktitle and the like
// (the parser did those), pointers and labels belong to their own entry.
const INHERITED_DATES = ['date', 'urldate', 'eventdate', 'origdate'];
const POINTERS = new Set(
  'ids crossref xref xdata entryset entrysubtype execute label options presort related relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey'.split(
    ' ',
  ),
);
const NOT_INHERITED = new Set(
  'ids crossref xref xdata entryset entrysubtype execute label options presort related relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey title subtitle titleaddon shorttitle sorttitle indextitle indexsorttitle'.split(
    ' ',
  ),
);

/**
 * Completes inheritance the way biblatex does it: xdata entries give every field an entry lacks (the parser does
 * not read xdata), then crossref parents give their dates and what they got from xdata.
 */
function completeInheritance(entries: readonly Entry[]): void {
  const byKey = new Map(entries.map((entry) => [entry.key.toUpperCase(), entry]));
  const fieldsOf = (entry: Entry) => entry.fields as Record<string, unknown>;
  const fromXdata = new Map<Entry, string[]>();
  for (const entry of entries) {
    const refs = fieldsOf(entry).xdata;
    if (typeof refs !== 'string') continue;
    const got: string[] = [];
    const pending = refs.split(',').map((ref) => ref.trim());
    const seen = new Set<string>();
    while (pending.length > 0) {
      const ref = pending.shift()!.toUpperCase();
      const source = byKey.get(ref);
      if (!ref || seen.has(ref) || !source) continue;
      seen.add(ref);
      for (const [name, value] of Object.entries(fieldsOf(source))) {
        if (name === 'xdata' && typeof value === 'string') pending.push(...value.split(',').map((next) => next.trim()));
        else if (fieldsOf(entry)[name] === undefined) {
          fieldsOf(entry)[name] = value;
          got.push(name);
        }
      }
    }
    fromXdata.set(entry, got);
  }
  for (const entry of entries) {
    const crossref = fieldsOf(entry).crossref;
    const parent = typeof crossref === 'string' ? byKey.get(crossref.toUpperCase()) : undefined;
    if (!parent) continue;
    const fields = fieldsOf(entry);
    if (!(entry.type.toLowerCase() in BIBTEX_TYPES_IN)) {
      // The parser inherits nothing into a type it does not know; biblatex's default gives every field.
      for (const [name, value] of Object.entries(fieldsOf(parent))) {
        if (fields[name] === undefined && !POINTERS.has(name)) fields[name] = value;
      }
    }
    for (const name of INHERITED_DATES) {
      if (fields[name] !== undefined || fieldsOf(parent)[name] === undefined) continue;
      if (name === 'date' && fields.year !== undefined) continue;
      fields[name] = fieldsOf(parent)[name];
    }
    for (const name of fromXdata.get(parent) ?? []) {
      if (fields[name] === undefined && !NOT_INHERITED.has(name)) fields[name] = fieldsOf(parent)[name];
    }
  }
}

/**
 * The text of a file's @preamble declarations, as BibTeX puts them into the .bbl: each value's quoted and braced
 * parts and @string macros joined (`#`), the declarations one after the other. Empty when there are none.
 */
export function evaluatePreambles(declarations: readonly string[], strings: Readonly<Record<string, string>>): string {
  const macros = new Map(Object.entries(strings).map(([name, value]) => [name.toLowerCase(), value]));
  const texts = declarations.map((declaration) => {
    let text = '';
    let index = 0;
    const source = declaration.trim();
    while (index < source.length) {
      const char = source[index];
      if (char === '"' || char === '{') {
        // A quoted part ends at a quote outside braces; a braced part at its matching brace.
        let depth = char === '{' ? 1 : 0;
        let end = index + 1;
        for (; end < source.length; end++) {
          if (source[end] === '{') depth++;
          else if (source[end] === '}') depth--;
          if (char === '{' ? depth === 0 : source[end] === '"' && depth === 0) break;
        }
        text += source.slice(index + 1, end);
        index = end + 1;
      } else if (/[\s#]/.test(char)) {
        index++;
      } else {
        const word = /^[^\s#"{}]+/.exec(source.slice(index))![0];
        text += macros.get(word.toLowerCase()) ?? (/^\d+$/.test(word) ? word : '');
        index += word.length;
      }
    }
    return text.trim();
  });
  return texts.filter(Boolean).join('\n');
}

/** The commands a preamble defines (\newcommand, \providecommand, \renewcommand, \DeclareRobustCommand, \def). */
export function findDefinedCommands(preamble: string): string[] {
  const pattern =
    /\\(?:(?:new|renew|provide)command|DeclareRobustCommand)\*?\s*\{?\s*\\([a-zA-Z@]+)|\\[gex]?def\s*\\([a-zA-Z@]+)/g;
  return [...new Set([...preamble.matchAll(pattern)].map((match) => match[1] ?? match[2]))];
}

/** Where each entry of a file opens, in file order: its offset and key. */
function findEntryOpenings(source: string): { index: number; key: string }[] {
  return [...source.matchAll(/@\s*\w+\s*[{(]\s*([^,\s{}()]+)\s*,/g)].map((match) => ({
    index: match.index,
    key: restoreAngles(match[1]),
  }));
}

/** The entries and fields whose values use an @string macro by `name` (bare, or joined with `#`). */
function findStringUses(
  source: string,
  name: string,
  openings: readonly { index: number; key: string }[],
): { key: string; field: string }[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const use = new RegExp(`([a-zA-Z][\\w:.+-]*)\\s*=\\s*(?:[^,={}]*#\\s*)?${escaped}\\s*[,}#)\\n]`, 'gi');
  const uses: { key: string; field: string }[] = [];
  for (const match of source.matchAll(use)) {
    // The last entry opening before the use (binary search: a file may hold thousands of entries).
    let low = 0;
    let high = openings.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (openings[middle].index < match.index) low = middle;
      else high = middle - 1;
    }
    if (openings[low] && openings[low].index < match.index) {
      uses.push({ key: openings[low].key, field: match[1].toLowerCase() });
    }
  }
  return uses;
}

/**
 * url.sty's \path|…| and LaTeX's \verb|…| take any delimiter, which the parser does not know (it would show the
 * delimiters and the command): written as \url{…}, a link when it is one and the text otherwise. Only for the
 * parse that decodes values; `extra` keeps the source as written.
 */
function rewriteDelimitedVerbatim(text: string): string {
  return text.replace(
    /\\(?:path|verb)\*?([^a-zA-Z\s{*])([^{}\n]*?)\1/g,
    (_, _delimiter: string, content: string) => `\\url{${content}}`,
  );
}

// plain.bst's definitions of the month macros.
const MONTH_NAMES: Record<string, string> = Object.fromEntries(
  [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ].map((name) => [name.slice(0, 3).toLowerCase(), name]),
);

/** Field names of every entry, so the raw parse can read them all verbatim. */
function fieldModes(entries: readonly Entry[]): Record<string, 'verbatim'> {
  const modes: Record<string, 'verbatim'> = {};
  for (const entry of entries) for (const name of Object.keys(entry.fields)) modes[name] = 'verbatim';
  delete modes.keywords;
  return modes;
}

/**
 * Reads a BibTeX or biblatex file: every entry as front matter (see `ImportedEntry`), or a problem for an entry
 * that cannot be read at all. @comment and @preamble are ignored, @string macros expanded, crossref and xdata
 * inherited; a UTF-8 byte order mark is dropped.
 */
export function readBibtex(text: string, fileName: string): ReadResult {
  const source = text.replace(/^\uFEFF/, '');
  // The file's own commands the parser could not read, by entry key, for each entry's report line.
  const unknown = new Map<string, Set<string>>();
  const options = createParseOptions((command, key) => {
    unknown.set(key, (unknown.get(key) ?? new Set()).add(`\\${command}`));
  });
  const converted = parse(
    hideAngles(rewriteDelimitedVerbatim(hideVerbatimEnvironments(stripForbiddenCharacters(source)))),
    options,
  );
  const raw = parse(source, {
    // BibTeX's own month macros (the parser's default is "02"): a month kept verbatim (`feb # "\slash " # mar`)
    // reads as bibtex prints it, February\slash March.
    strings: MONTH_NAMES,
    raw: true,
    applyCrossRef: true,
    removeOuterBraces: [],
    fieldMode: fieldModes(converted.entries),
  });
  completeInheritance(converted.entries);
  completeInheritance(raw.entries);
  const rawByKey = new Map<string, Record<string, unknown>[]>();
  for (const entry of raw.entries) {
    const list = rawByKey.get(stripForbiddenCharacters(entry.key)) ?? [];
    list.push(entry.fields as Record<string, unknown>);
    rawByKey.set(stripForbiddenCharacters(entry.key), list);
  }
  const lines = findEntryLines(stripForbiddenCharacters(source));
  const entries: ImportedEntry[] = [];
  const problems: EntryProblem[] = [];
  // \providecommand, not \newcommand: a bibliography joined from several files (or a document defining the same
  // command) must not stop LaTeX with "command already defined".
  const written = stripForbiddenCharacters(evaluatePreambles(raw.preamble, raw.strings));
  const preambleText = written.replace(/\\newcommand(?![a-zA-Z@])/g, '\\providecommand');
  const unsafe = findUnsafePreambleCommand(preambleText);
  const preamble =
    preambleText && !unsafe
      ? { text: preambleText, commands: findDefinedCommands(preambleText), renamed: preambleText !== written }
      : undefined;
  const preambleLine = source.slice(0, Math.max(0, source.search(/@\s*preamble/i))).split('\n').length;
  if (unsafe) {
    problems.push({
      line: preambleLine,
      message: `skipped: the @preamble, as it holds ${unsafe} (a site's exports may only define commands): ${preambleText}`,
    });
  }
  // An entry the parser had to repair is reported, not imported: what it kept may not be what the file meant.
  const broken = new Set<string>();
  // A field that names an @string the file never defines: BibTeX reads it as empty, with a warning; the entry is
  // imported and its report line says which field and which name (the parser keeps the name as the field's text).
  const undefinedStrings = new Map<string, string[]>();
  let openings: { index: number; key: string }[] | undefined;
  for (const error of converted.errors) {
    const name = /^Unresolved @string reference "(.+)"$/.exec(error.error)?.[1];
    if (name && !error.input) openings ??= findEntryOpenings(source);
    const uses = name && !error.input ? findStringUses(source, name, openings!) : [];
    for (const { key, field } of uses) {
      const notes = undefinedStrings.get(key) ?? [];
      notes.push(
        `${field}: the @string ${name} is not defined in the file (BibTeX reads it as empty); kept as its name`,
      );
      undefinedStrings.set(key, notes);
    }
    if (uses.length > 0) continue;
    const input = error.input ?? '';
    const at = input ? source.indexOf(input.slice(0, 60)) : -1;
    const line = at >= 0 ? source.slice(0, at).split('\n').length : 0;
    const key = /^@\s*\w+\s*[{(]\s*([^,\s]+)/.exec(input)?.[1];
    if (key) broken.add(key);
    problems.push({ line, key, message: `${fileName}: ${error.error}` });
  }
  for (const entry of converted.entries) {
    const key = restoreAngles(entry.key);
    const line = lines.get(entry.key)?.shift() ?? 0;
    const rawFields = rawByKey.get(key)?.shift() ?? {};
    const type = entry.type.toLowerCase();
    if (broken.has(key)) continue;
    if (NOT_WORKS[type]) {
      problems.push({ line, key, message: `skipped: ${NOT_WORKS[type]}` });
      continue;
    }
    const result = readEntry(entry, rawFields, line, preamble);
    if ('message' in result) problems.push(result);
    else {
      const commands = [...(unknown.get(entry.key) ?? [])];
      const unknownNote = commands.length
        ? [
            `LaTeX command${commands.length > 1 ? 's' : ''} this site does not read: ${commands.join(', ')} (one before a braced argument is dropped and its argument kept; any other kept as written)`,
          ]
        : [];
      entries.push({ ...result, notes: [...(undefinedStrings.get(key) ?? []), ...unknownNote, ...result.notes] });
    }
  }
  if (preamble && !entries.some((entry) => entry.frontMatter.bibtexPreamble !== undefined)) {
    problems.push({
      line: preambleLine,
      message: `skipped: the @preamble, as no entry uses a command it defines: ${preamble.text}`,
    });
  }
  return { entries, problems };
}
