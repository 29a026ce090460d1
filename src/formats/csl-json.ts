// CSL-JSON, both directions. The writer gives each paper's complete CSL item plus a `custom` object (CSL 1.0.2's
// place for extra key/values) holding what only the site has, so the site's CSL-JSON export is a lossless copy of its
// papers: `readCslJson(formatCslJson(papers))` gives back the same front matter.
//
// `custom` holds: `bibshelf` (1: the version of this layout), every site field present, by front-matter key
// (`category`, `score`, `selected`, `award`, `code`, `pdf` and the other links, `links`, `thumbnail`, `slug`,
// `bibtexType`, `extra`, `arxiv`), the truncation flags (`authorsTruncated`…), `nameMarks` (equal contribution and
// corresponding author, by name list and position), `keywords` (the list, when a keyword holds a comma and the
// CSL `keyword` string would split it), `abstractMarkdown` (when the markdown says more than the CSL `abstract`
// text), `generatedKey` (the key was generated, not set), and `derived` (CSL variables the writer added: `number`
// "arXiv:<id>" for a preprint, Zotero's form, so that other tools see the arXiv id).
//
// The reader takes any CSL-JSON (Zotero's, Better BibTeX's, pandoc's, citation-js's): every CSL variable goes to its
// front-matter key through the field table; Zotero's conventions are understood (`number: "arXiv:<id>"`, publisher
// arXiv, `note` lines "arXiv: <id>" and "Citation Key: <key>"); dates at any precision, `raw` dates in ISO/EDTF form;
// names with particles, suffixes and literals; "et al." names as the truncation flag. Whatever has no field (an
// unknown variable, a literal date that is no date, a non-key `id`) is kept verbatim in `extra` as `csl-<variable>`
// (JSON for non-text values) and written back as the same variable; the notes say so. Nothing is decoded: CSL-JSON is
// plain text (its `$`, `~` and backslashes stay as they are).

import type { CslDate, CslItem, CslName } from '../domain/csl';
import { formatIsoDate, parseDate, type DateParts } from '../domain/dates';
import { CSL_FIELDS, FIELDS, NAME_FIELD_SPECS, SITE_FIELD_SPECS, type FieldSpec } from '../domain/fields';
import type { Name } from '../domain/names';
import type { Paper } from '../domain/paper';
import { formatFrontMatterName } from '../domain/paper-file';
import { isCitationKey, normalizeArxiv } from '../domain/schema';
import { ITEM_TYPE_NAMES } from '../domain/types';
import { ImportFileError, type EntryProblem, type ImportedEntry, type ReadResult } from './import-entry';
import { cleanText, plainTextToMarkdown, settleFrontMatter } from './reader-support';

/** The version of the `custom` layout this module writes. */
const CUSTOM_VERSION = 1;
/** The prefix of `extra` keys holding CSL variables the model has no field for. */
const EXTRA_PREFIX = 'csl-';

/** The CSL variables the writer sets itself; an `extra` entry never overrides them. */
const OWN_VARIABLES = new Set(['id', 'type', 'citation-key', 'custom']);

/**
 * The CSL variable an `extra` name (lowercase, as BibTeX field names are) was kept from: `csl-doi` → `DOI`,
 * `csl-shorttitle` → `shortTitle`. Unknown variables are written back lowercase.
 */
const VARIABLE_CASE = new Map(
  [...CSL_FIELDS.map((field) => field.csl), 'abstract', 'shortTitle', 'journalAbbreviation'].map((variable) => [
    variable.toLowerCase(),
    variable,
  ]),
);

/** A value kept in `extra` back as JSON: `extra` holds text, so non-text values were stored as JSON. */
function fromExtraText(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text ? value : text;
  } catch {
    return text;
  }
}

/** An `extra` value for a CSL value: text as it is, anything else as JSON. */
function toExtraText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The complete CSL-JSON item of a paper: its CSL item, names without marks, and `custom` (see the module comment). */
export function toCslJson(paper: Paper): CslItem {
  const item = structuredClone(paper.csl);
  const data = paper.data;
  const custom: Record<string, unknown> = { bibshelf: CUSTOM_VERSION };
  for (const field of SITE_FIELD_SPECS) {
    if (field.kind !== 'type' && data[field.key] !== undefined) custom[field.key] = structuredClone(data[field.key]);
  }
  for (const field of FIELDS) if (field.truncatedKey && data[field.truncatedKey]) custom[field.truncatedKey] = true;
  const marks: Record<string, ({ equal?: true; corresponding?: true } | null)[]> = {};
  for (const field of NAME_FIELD_SPECS) {
    const names = data[field.key] as Name[] | undefined;
    if (!names?.some((name) => name.equal || name.corresponding)) continue;
    marks[field.key] = names.map((name) =>
      name.equal || name.corresponding
        ? {
            ...(name.equal ? { equal: true as const } : {}),
            ...(name.corresponding ? { corresponding: true as const } : {}),
          }
        : null,
    );
  }
  if (Object.keys(marks).length > 0) custom.nameMarks = marks;
  const keywords = data.keywords as string[] | undefined;
  if (keywords?.some((keyword) => keyword.includes(','))) custom.keywords = [...keywords];
  if (paper.abstract.markdown && paper.abstract.markdown !== plainTextToMarkdown(paper.abstract.text)) {
    custom.abstractMarkdown = paper.abstract.markdown;
  }
  if (paper.site.citationKey === undefined) custom.generatedKey = true;
  const derived: string[] = [];
  if (paper.site.arxiv && paper.type.csl === 'article' && item.number === undefined) {
    item.number = `arXiv:${paper.site.arxiv}`;
    derived.push('number');
  }
  // Variables kept from an import (csl-<variable> in extra) go back where they came from, unless the paper has the
  // variable itself.
  for (const [name, text] of Object.entries(paper.site.extra)) {
    if (!name.startsWith(EXTRA_PREFIX)) continue;
    const kept = name.slice(EXTRA_PREFIX.length);
    const variable = VARIABLE_CASE.get(kept) ?? kept;
    if (variable === 'custom') {
      const foreign = fromExtraText(text);
      if (foreign && typeof foreign === 'object' && !Array.isArray(foreign)) {
        for (const [key, value] of Object.entries(foreign)) if (!(key in custom)) custom[key] = value;
      }
    } else if (!OWN_VARIABLES.has(variable) && item[variable] === undefined) {
      item[variable] = fromExtraText(text);
      derived.push(variable);
    }
  }
  if (derived.length > 0) custom.derived = derived;
  item.custom = custom;
  return item;
}

export { formatCslJson } from './join';

// ---------------------------------------------------------------------------------------------------------------
// Reading

const FIELD_BY_VARIABLE = new Map(CSL_FIELDS.map((field) => [field.csl, field]));
/** CSL 1.0.1 and citeproc-js names still written by some tools, with the CSL 1.0.2 variable they mean. */
const LEGACY_VARIABLES: Record<string, string> = {
  shortTitle: 'title-short',
  journalAbbreviation: 'container-title-short',
  event: 'event-title',
  'archive-location': 'archive_location',
  'archive-collection': 'archive_collection',
};
const SITE_KEYS = new Set(SITE_FIELD_SPECS.map((field) => field.key));
const TRUNCATED_KEYS = new Set(FIELDS.flatMap((field) => (field.truncatedKey ? [field.truncatedKey] : [])));
const CUSTOM_META = new Set(['bibshelf', 'nameMarks', 'keywords', 'abstractMarkdown', 'generatedKey', 'derived']);
const ET_AL = /^(?:et\.?\s*al\.?|others|and others)$/i;

/** Finds where each top-level value of a JSON text starts (for line numbers), or the one object's start. */
function findItemLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if ((depth === 1 && text.trimStart()[0] === '[') || (depth === 0 && char === '{')) lines.push(line);
      depth++;
    } else if (char === ']' || char === '}') depth--;
  }
  return lines;
}

/** One CSL name (parts cleaned, empty parts dropped), or "et al."; a value that is no name is noted. */
function readName(value: unknown, where: string, notes: string[]): Name | 'et al.' | undefined {
  if (typeof value === 'string') {
    const text = cleanText(value, where, notes).trim();
    if (ET_AL.test(text)) return 'et al.';
    return text ? { literal: text } : undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    notes.push(`${where}: ${JSON.stringify(value)} is not a name; not kept`);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const part = (key: string) => {
    const raw = record[key];
    if (raw === undefined || raw === null) return undefined;
    const text = cleanText(String(raw), `${where} ${key}`, notes).trim();
    return text || undefined;
  };
  for (const flag of ['comma-suffix', 'static-ordering', 'parse-names']) {
    if (record[flag] !== undefined && record[flag] !== false) {
      notes.push(`${where}: the CSL name flag "${flag}" has no place in Bibshelf's names; not kept`);
    }
  }
  const literal = part('literal');
  const family = part('family');
  const given = part('given');
  if (literal) {
    if (ET_AL.test(literal)) return 'et al.';
    if (family || given) notes.push(`${where}: has both a literal and name parts; kept the literal "${literal}"`);
    return { literal };
  }
  if (!family) {
    if (!given) return undefined;
    // A name with only a given name ("Plato") is shown as written.
    return ET_AL.test(given) ? 'et al.' : { literal: given };
  }
  if (ET_AL.test(family) && !given) return 'et al.';
  const name: CslName = { family };
  if (given) name.given = given;
  const particle = part('non-dropping-particle');
  const dropping = part('dropping-particle');
  const suffix = part('suffix');
  if (particle) name['non-dropping-particle'] = particle;
  if (dropping) name['dropping-particle'] = dropping;
  if (suffix) name.suffix = suffix;
  return name;
}

/** One date end from CSL `date-parts`: numbers or numeric strings, unknown parts dropped at the first gap. */
function readDateParts(parts: unknown): DateParts | undefined {
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > 3) return undefined;
  const numbers: number[] = [];
  for (const part of parts) {
    const number =
      typeof part === 'number' ? part : typeof part === 'string' && /^\s*-?\d+\s*$/.test(part) ? Number(part) : NaN;
    if (!Number.isInteger(number)) return undefined;
    // A 0 (or empty) month or day means "not known" in some exports: the date stops there.
    if (number === 0 && numbers.length > 0) break;
    numbers.push(number);
  }
  return numbers.length > 0 ? (numbers as DateParts) : undefined;
}

/**
 * A CSL date as front matter writes it (ISO at its precision, ranges with `/`, `~` for circa), or why not: `raw`
 * and `literal` dates are read when they are ISO/EDTF dates (`2020`, `2020-05-22`, `2020-05/2020-06`, `1850~`).
 */
function readDate(value: unknown): { iso: string } | { problem: string } {
  const check = (iso: string): { iso: string } | { problem: string } => {
    try {
      return { iso: formatIsoDate(parseDate(iso)) };
    } catch (error) {
      return { problem: (error as Error).message };
    }
  };
  if (typeof value === 'string' || typeof value === 'number')
    return check(String(value).replace(/T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/, ''));
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'not a CSL date' };
  const date = value as Record<string, unknown>;
  if (date.season !== undefined)
    return { problem: `it has a season (${String(date.season)}), which Bibshelf dates cannot hold` };
  const circa = date.circa !== undefined && date.circa !== false && date.circa !== 0 && date.circa !== '';
  if (Array.isArray(date['date-parts'])) {
    const ends = (date['date-parts'] as unknown[]).map(readDateParts);
    if (ends.length === 0 || ends.length > 2 || ends.some((end) => end === undefined)) {
      return { problem: `its date-parts ${JSON.stringify(date['date-parts'])} are not one or two dates` };
    }
    // Some tools write a single date as a "range" of two equal ends.
    const parts = ends.length === 2 && JSON.stringify(ends[0]) === JSON.stringify(ends[1]) ? [ends[0]] : ends;
    const iso = formatIsoDate({ 'date-parts': parts as DateParts[] });
    return check(circa ? `${iso}~` : iso);
  }
  for (const form of ['raw', 'literal'] as const) {
    if (typeof date[form] === 'string') {
      const read = check((date[form] as string).trim().replace(/T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/, ''));
      if ('iso' in read) return circa && !read.iso.endsWith('~') ? { iso: `${read.iso}~` } : read;
      return { problem: `its ${form} "${date[form] as string}" is not an ISO 8601/EDTF date` };
    }
  }
  return { problem: 'it has no date-parts, raw or literal' };
}

/** Text of a CSL value for a text-like field: a string, or a number written as text. */
function readScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Zotero's `note` lines ("Citation Key: x", "arXiv: 2211.15029") the reader turns into fields. */
function readNoteLines(note: string, frontMatter: Record<string, unknown>, notes: string[]): string | undefined {
  const kept: string[] = [];
  for (const line of note.split('\n')) {
    const match = /^\s*(citation key|arxiv)\s*:\s*(\S+)\s*$/i.exec(line);
    const name = match?.[1].toLowerCase();
    if (name === 'citation key' && isCitationKey(match![2]) && frontMatter.citationKey === undefined) {
      frontMatter.citationKey = match![2];
      notes.push(`note line "${line.trim()}" read as the citation key`);
    } else if (name === 'arxiv' && normalizeArxiv(match![2]) && frontMatter.arxiv === undefined) {
      frontMatter.arxiv = normalizeArxiv(match![2]);
      notes.push(`note line "${line.trim()}" read as the arXiv id`);
    } else kept.push(line);
  }
  const rest = kept.join('\n').trim();
  return rest || undefined;
}

/** Reads one CSL item into an entry, or says why it cannot be read. */
function readItem(value: unknown, line: number, index: number): ImportedEntry | EntryProblem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { line, message: `item ${index + 1} is not a CSL item (an object with a type)` };
  }
  const item = { ...(value as Record<string, unknown>) };
  const notes: string[] = [];
  const frontMatter: Record<string, unknown> = {};
  const extra: Record<string, string> = {};
  const keep = (variable: string, kept: unknown, why: string) => {
    const name = `${EXTRA_PREFIX}${variable.toLowerCase().replace(/[^a-z0-9_:.+-]+/g, '-')}`;
    extra[name] = cleanText(toExtraText(kept), variable, notes);
    notes.push(`${variable}: ${why}; kept verbatim in extra.${name}`);
  };
  const rawId = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : undefined;
  const custom =
    item.custom && typeof item.custom === 'object' && !Array.isArray(item.custom)
      ? (item.custom as Record<string, unknown>)
      : undefined;
  // Bibshelf's own export: `custom` holds the site's fields, and nothing is encoded in `note`.
  const own = custom?.bibshelf !== undefined;
  if (own && Array.isArray(custom!.derived)) for (const variable of custom!.derived) delete item[String(variable)];

  const type = typeof item.type === 'string' ? item.type : undefined;
  if (type && ITEM_TYPE_NAMES.includes(type)) frontMatter.type = type;
  else {
    frontMatter.type = 'document';
    if (type !== undefined)
      keep('type', item.type, `"${String(item.type)}" is not a CSL 1.0.2 item type; read as a document`);
    else notes.push('the item has no type; read as a document');
  }

  const truncated = new Set<string>();
  let abstractText: string | undefined;
  for (const [rawVariable, rawValue] of Object.entries(item)) {
    if (rawValue === undefined || rawValue === null || rawValue === '') continue;
    if (['id', 'type', 'custom', 'citation-key'].includes(rawVariable)) continue;
    if (rawVariable === 'abstract') {
      if (typeof rawValue === 'string') abstractText = cleanText(rawValue, 'abstract', notes);
      else keep('abstract', rawValue, 'is not text');
      continue;
    }
    const variable = LEGACY_VARIABLES[rawVariable] ?? rawVariable;
    const field = FIELD_BY_VARIABLE.get(variable);
    if (!field || (variable !== rawVariable && item[variable] !== undefined)) {
      keep(rawVariable, rawValue, field ? `duplicates ${variable}` : 'no Bibshelf field');
      continue;
    }
    const read = readValue(field, rawValue, variable, notes, truncated);
    if ('problem' in read) keep(rawVariable, rawValue, read.problem);
    else frontMatter[field.key] = read.value;
  }

  // The citation key: CSL's citation-key, else an id that can be a key, else Zotero's note line (below).
  const citationKey = typeof item['citation-key'] === 'string' ? item['citation-key'].trim() : undefined;
  if (own && custom!.generatedKey === true) {
    // The key was generated by the site that wrote the file: the importing site generates its own.
  } else if (citationKey && isCitationKey(citationKey)) frontMatter.citationKey = citationKey;
  else if (citationKey) keep('citation-key', citationKey, 'cannot be a citation key');
  // An id that is a URI (Zotero's own export: http://zotero.org/users/…/items/…) names the item in a library, it is
  // no citation key even though a key could hold its characters.
  const idIsKey = rawId !== undefined && isCitationKey(rawId) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(rawId);
  if (frontMatter.citationKey === undefined && !(own && custom!.generatedKey === true) && idIsKey) {
    frontMatter.citationKey = rawId;
  }
  if (rawId !== undefined && !own && rawId !== frontMatter.citationKey) {
    keep('id', rawId, idIsKey ? 'differs from the citation key' : 'is not a citation key');
  }

  if (!own) {
    if (typeof frontMatter.note === 'string') {
      const rest = readNoteLines(frontMatter.note, frontMatter, notes);
      if (rest === undefined) delete frontMatter.note;
      else frontMatter.note = rest;
    }
    // Zotero's preprints: number "arXiv:<id>" (its "Archive ID"), or publisher arXiv with the id as number.
    const number = typeof frontMatter.number === 'string' ? frontMatter.number : undefined;
    const fromNumber = number && /^arxiv:/i.test(number) ? normalizeArxiv(number) : undefined;
    const publisherArxiv =
      typeof frontMatter.publisher === 'string' && /^arxiv(?:\.org)?$/i.test(frontMatter.publisher);
    const arxiv = fromNumber ?? (publisherArxiv && number ? normalizeArxiv(number) : undefined);
    if (arxiv && frontMatter.arxiv === undefined) {
      frontMatter.arxiv = arxiv;
      notes.push(`number "${number}" read as the arXiv id ${arxiv}`);
    }
    // A preprint's number "arXiv:<id>" is written back from the id, so the id alone keeps it.
    if (frontMatter.type === 'article' && number !== undefined && number === `arXiv:${String(frontMatter.arxiv)}`) {
      delete frontMatter.number;
    }
  }

  if (custom) readCustom(custom, own, frontMatter, extra, notes, truncated);
  for (const key of truncated) {
    const field = FIELDS.find((candidate) => candidate.truncatedKey === key)!;
    if (Array.isArray(frontMatter[field.key])) frontMatter[key] = true;
    else notes.push(`${field.key} is only "et al."; read as no ${field.label.toLowerCase()}`);
  }
  if (Object.keys(extra).length > 0) frontMatter.extra = { ...extra, ...((frontMatter.extra as object) ?? {}) };
  for (const field of NAME_FIELD_SPECS) {
    const names = frontMatter[field.key] as Name[] | undefined;
    if (names) frontMatter[field.key] = names.map(formatFrontMatterName);
  }

  let abstract = '';
  if (own && typeof custom!.abstractMarkdown === 'string')
    abstract = cleanText(custom!.abstractMarkdown, 'abstract', notes);
  else if (abstractText) abstract = plainTextToMarkdown(abstractText, own ? 'space' : 'paragraph');

  const unexplained = settleFrontMatter(frontMatter, (rejected) => {
    if (rejected.key.startsWith('extra.')) {
      notes.push(`${rejected.key}: ${rejected.message}; not kept`);
      return;
    }
    const field = FIELDS.find((candidate) => candidate.key === rejected.key);
    const variable = field?.csl ?? rejected.key;
    const original = field?.csl !== undefined ? (item[field.csl] ?? rejected.value) : rejected.value;
    const name = `${EXTRA_PREFIX}${variable.toLowerCase()}`;
    const kept = cleanText(toExtraText(original), variable, notes);
    if (kept.trim()) {
      const current = (frontMatter.extra as Record<string, string> | undefined) ?? {};
      frontMatter.extra = { ...current, [name]: kept };
    }
    notes.push(
      `${variable} not read as ${rejected.key}: ${rejected.message}; ${kept.trim() ? `kept verbatim in extra.${name}` : 'not kept'}`,
    );
  });
  if (unexplained.length > 0) return { line, ...(rawId ? { key: rawId } : {}), message: unexplained.join('; ') };
  return { line, ...(rawId ? { key: rawId } : {}), frontMatter, abstract, notes };
}

/** A CSL value for one field, as front matter writes it, or why it cannot be read. */
function readValue(
  field: FieldSpec,
  value: unknown,
  variable: string,
  notes: string[],
  truncated: Set<string>,
): { value: unknown } | { problem: string } {
  switch (field.kind) {
    case 'names': {
      const list = Array.isArray(value) ? value : [value];
      const names: Name[] = [];
      list.forEach((entry, index) => {
        const name = readName(entry, `${variable}[${index}]`, notes);
        if (name === 'et al.') {
          if (field.truncatedKey) truncated.add(field.truncatedKey);
          else notes.push(`${variable}[${index}] is "et al."; ${field.key} has no truncation flag, so it is left out`);
        } else if (name !== undefined) names.push(name);
      });
      return names.length > 0 ? { value: names } : { problem: 'holds no name (or only "et al.")' };
    }
    case 'date': {
      const read = readDate(value);
      return 'iso' in read ? { value: read.iso } : { problem: read.problem };
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map(readScalar) : (readScalar(value)?.split(/\s*,\s*/) ?? [undefined]);
      if (items.some((entry) => entry === undefined)) return { problem: 'is not text' };
      const cleaned = (items as string[]).map((entry) => cleanText(entry, variable, notes).trim()).filter(Boolean);
      return cleaned.length > 0 ? { value: cleaned } : { problem: 'is empty' };
    }
    default: {
      const text = readScalar(value);
      if (text === undefined) return { problem: 'is not text' };
      return { value: cleanText(text, variable, notes) };
    }
  }
}

/** Applies a `custom` object: Bibshelf's site fields and marks; any other keys are kept in extra.csl-custom. */
function readCustom(
  custom: Record<string, unknown>,
  own: boolean,
  frontMatter: Record<string, unknown>,
  extra: Record<string, string>,
  notes: string[],
  truncated: Set<string>,
): void {
  const foreign: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(custom)) {
    if (own && key === 'extra' && value && typeof value === 'object' && !Array.isArray(value)) {
      // The site's own extra is authoritative: variables written back from it are the same values.
      for (const name of Object.keys(extra)) if (name in (value as object)) delete extra[name];
      frontMatter.extra = { ...(value as Record<string, unknown>) };
    } else if (own && SITE_KEYS.has(key)) frontMatter[key] = value;
    else if (own && TRUNCATED_KEYS.has(key)) {
      if (value === true) truncated.add(key);
    } else if (own && key === 'keywords' && Array.isArray(value)) frontMatter.keywords = value;
    else if (own && key === 'nameMarks' && value && typeof value === 'object') applyMarks(value as object, frontMatter);
    else if (!(own && CUSTOM_META.has(key))) foreign[key] = value;
  }
  if (Object.keys(foreign).length > 0) {
    const name = `${EXTRA_PREFIX}custom`;
    const kept = (frontMatter.extra as Record<string, string> | undefined)?.[name];
    if (kept === undefined) {
      extra[name] = cleanText(JSON.stringify(foreign), 'custom', notes);
      notes.push(
        `custom keys ${Object.keys(foreign).join(', ')} have no Bibshelf field; kept verbatim in extra.${name}`,
      );
    }
  }
}

/** Puts the site's per-name marks back on the names they belong to. */
function applyMarks(marks: object, frontMatter: Record<string, unknown>): void {
  for (const [key, list] of Object.entries(marks)) {
    const names = frontMatter[key];
    if (!Array.isArray(names) || !Array.isArray(list)) continue;
    frontMatter[key] = (names as Name[]).map((name, index) => {
      const mark = list[index] as { equal?: boolean; corresponding?: boolean } | null | undefined;
      if (!mark) return name;
      return {
        ...name,
        ...(mark.equal ? { equal: true } : {}),
        ...(mark.corresponding ? { corresponding: true } : {}),
      };
    });
  }
}

/**
 * Reads a CSL-JSON file: an array of items or a single item, with or without a UTF-8 BOM. Throws `ImportFileError`
 * when the text is not JSON or holds no item.
 */
export function readCslJson(text: string, fileName: string): ReadResult {
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ImportFileError(`${fileName}: not JSON (${(error as Error).message})`);
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : undefined;
  if (!items || items.length === 0) throw new ImportFileError(`${fileName}: no CSL items (expected an array of items)`);
  const lines = findItemLines(json);
  const result: ReadResult = { entries: [], problems: [] };
  items.forEach((value, index) => {
    const read = readItem(value, lines[index] ?? 1, index);
    if ('frontMatter' in read) result.entries.push(read);
    else result.problems.push(read);
  });
  return result;
}
