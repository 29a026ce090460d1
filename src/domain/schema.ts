// The front-matter schema of a paper file, built from the field table. One validation path: the build's loader,
// `npm run check` and the importer all parse front matter with it, so they accept and reject the same files.

import { z } from 'astro/zod';
import type { CslDate } from './csl';
import { DateSyntaxError, parseDate } from './dates';
import { FIELDS, mapWrittenBibtexNames, type FieldKind, type FieldSpec } from './fields';
import { NameSyntaxError, parseName, type Name } from './names';
import type { Taxonomy } from './taxonomy';
import { findForbiddenCharacter, isInvisible, normalizeBlock, normalizeLine } from './text';
import { DEFAULT_ITEM_TYPE, ITEM_TYPE_NAMES } from './types';

/** A custom link shown with the paper's other links. */
export interface PaperLink {
  label: string;
  url: string;
}

/** A front-matter value after validation, by field kind. */
export interface FieldValues {
  text: string;
  longtext: string;
  number: string;
  names: Name[];
  date: CslDate;
  list: string[];
  doi: string;
  url: string;
  isbn: string;
  issn: string;
  arxiv: string;
  pmid: string;
  pmcid: string;
  type: string;
  key: string;
  flag: boolean;
  score: number;
  category: string;
  code: true | string;
  link: string;
  links: PaperLink[];
  image: string;
  slug: string;
  bibtexType: string;
  preamble: string;
  extra: Record<string, string>;
}

/** Validated front matter: every field by its front-matter key, only those present, plus `type` always. */
export type PaperData = { type: string } & { [key: string]: FieldValues[FieldKind] | undefined };

/** What the schema needs from the site: the taxonomy that `category` is checked against. */
export interface SchemaOptions {
  taxonomy: Taxonomy;
}

/** A problem with the value at hand; `path` is relative to the field (e.g. [2] for its third name). */
class ValueError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[] = [],
  ) {
    super(message);
  }
}

/** Several problems with one value (e.g. two bad names in a list). */
class ValueErrors extends Error {
  constructor(readonly errors: ValueError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/** Stops reading a value: the message becomes the field's issue. */
function fail(message: string, path?: (string | number)[]): never {
  throw new ValueError(message, path);
}

/** A field schema from a reader that throws `ValueError`s: each becomes an issue of the field. */
function reader<T>(read: (input: unknown) => T) {
  return z.unknown().transform((input, ctx) => {
    try {
      return read(input);
    } catch (error) {
      const errors = error instanceof ValueErrors ? error.errors : error instanceof ValueError ? [error] : undefined;
      if (!errors) throw error;
      for (const problem of errors) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
      return z.NEVER;
    }
  });
}

/** Checks that a value is visible text with no forbidden character; `what` names it in messages. */
function readText(value: unknown, what = 'the value', block = false): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return fail(
      `${what} must be text, but YAML read it as the ${typeof value} ${JSON.stringify(value)}; put it in quotes exactly as written (e.g. "007")`,
    );
  }
  if (typeof value !== 'string') return fail(`${what} must be text`);
  const forbidden = findForbiddenCharacter(value);
  if (forbidden) return fail(`${what} contains the control or non-character ${forbidden}; remove it`);
  const text = block ? normalizeBlock(value) : normalizeLine(value);
  if (isInvisible(text)) return fail(`${what} is empty (or holds only invisible characters)`);
  return text;
}

/** A count or number: text, or a whole YAML number (12); other numbers would lose their form (1.10 → 1.1). */
function readNumberLike(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return String(value);
    return fail(`${value} must be written in quotes so it keeps its form`);
  }
  return readText(value);
}

const NAME_PARTS = {
  family: 'family',
  given: 'given',
  particle: 'non-dropping-particle',
  droppingParticle: 'dropping-particle',
  suffix: 'suffix',
} as const;

/** One name: "Given Family", "Family, Given", {family, given, particle, droppingParticle, suffix}, or {literal}. */
function readName(value: unknown, index: number): Name {
  const what = `name ${index + 1}`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = readText(value, what);
    try {
      return parseName(text);
    } catch (error) {
      if (error instanceof NameSyntaxError) fail(`${what}: ${error.message}`);
      throw error;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${what} must be a name ("Given Family" or "Family, Given") or {family, given} or {literal}`);
  }
  const record = value as Record<string, unknown>;
  const allowed = new Set(['literal', ...Object.keys(NAME_PARTS), 'equal', 'corresponding']);
  const unknown = Object.keys(record).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    return fail(
      `${what} has unknown part ${unknown.map((key) => `"${key}"`).join(', ')}; use family, given, particle, droppingParticle, suffix, or literal (and equal, corresponding)`,
    );
  }
  const marks: Pick<Name, 'equal' | 'corresponding'> = {};
  for (const mark of ['equal', 'corresponding'] as const) {
    if (record[mark] === undefined) continue;
    if (typeof record[mark] !== 'boolean') return fail(`${what}: ${mark} must be true or false`);
    if (record[mark]) marks[mark] = true;
  }
  if ('literal' in record) {
    const parts = Object.keys(record).filter((key) => key in NAME_PARTS);
    if (parts.length > 0) return fail(`${what}: literal cannot be combined with ${parts.join(', ')}`);
    return { literal: readText(record.literal, `${what} (literal)`), ...marks };
  }
  if (record.family === undefined)
    return fail(`${what} needs a family name (or write {literal: …} for an organisation)`);
  const name: Record<string, string | boolean> = {};
  for (const [part, csl] of Object.entries(NAME_PARTS)) {
    if (record[part] !== undefined) name[csl] = readText(record[part], `${what} (${part})`);
  }
  return { ...(name as { family: string }), ...marks };
}

/** Normalises a DOI given bare, with a `doi:` prefix or as a doi.org URL (percent-escapes decoded). */
export function normalizeDoi(text: string): string | undefined {
  let doi = text.trim().replace(/^doi:\s*/i, '');
  const url = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(doi);
  if (url) {
    try {
      doi = decodeURIComponent(url[1]);
    } catch {
      doi = url[1];
    }
  }
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/** Normalises an arXiv identifier given bare, with an `arXiv:` prefix or as an arxiv.org URL. */
export function normalizeArxiv(text: string): string | undefined {
  const id = text
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/\.pdf$/i, '');
  return /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/.test(id) ? id : undefined;
}

/** An absolute http(s) URL (ftp too for a work's own URL), or undefined. */
function readUrl(value: unknown, schemes: readonly string[]): string {
  const text = readText(value, 'the URL');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`"${text}" is not an absolute URL (write it with https://)`);
  }
  if (!schemes.includes(url.protocol.replace(/:$/, ''))) {
    return fail(`"${text}" is not an ${schemes.join(' or ')} URL`);
  }
  return text;
}

const CITATION_KEY = /^[^\s,{}()"#%'=\\~]+$/;

/** Whether a text can be a citation key (the readers keep an input's key only when the schema will take it). */
export function isCitationKey(text: string): boolean {
  return CITATION_KEY.test(text);
}
const BIBTEX_FIELD_NAME = /^[a-z][a-z0-9_:.+-]*$/;
/** Classic BibTeX entry types a paper may keep as `bibtexType` (biblatex-only types map to their classic kin). */
export const CLASSIC_BIBTEX_TYPES = [
  'article',
  'book',
  'booklet',
  'conference',
  'inbook',
  'incollection',
  'inproceedings',
  'manual',
  'mastersthesis',
  'misc',
  'phdthesis',
  'proceedings',
  'techreport',
  'unpublished',
];

/** Whether every brace closes one opened before it, counted as BibTeX counts them (a backslash does not escape). */
function hasBalancedBraces(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

// A .bib file's preamble goes into the .bbl of every document that uses the file, whatever it cites: no command
// that reads or writes files, runs programs or changes how TeX reads characters may come in with a download.
const UNSAFE_PREAMBLE =
  /\\(write|immediate|openout|openin|read|readline|input|include|InputIfFileExists|IfFileExists|directlua|latelua|luaexec|ShellEscape|special|pdfliteral|catcode|csname|scantokens|everyeof|usepackage|RequirePackage|documentclass)(?![a-zA-Z@])/;

/** The first command a preamble must not hold (see UNSAFE_PREAMBLE), if any. */
export function findUnsafePreambleCommand(text: string): string | undefined {
  const match = UNSAFE_PREAMBLE.exec(text);
  return match ? `\\${match[1]}` : undefined;
}

/** Fields that identify an untitled work well enough to list it. */
const IDENTIFYING_KEYS = ['containerTitle', 'note', 'doi', 'url', 'arxiv'];

/** The Zod schema of one field's value. */
function fieldSchema(field: FieldSpec, options: SchemaOptions): z.ZodType {
  switch (field.kind) {
    case 'text':
      return reader((input) => readText(input));
    case 'longtext':
      return reader((input) => readText(input, 'the value', true));
    case 'number':
      return reader(readNumberLike);
    case 'names':
      return reader((input) => {
        if (!Array.isArray(input)) return fail(`${field.key} must be a list of names, one per line starting with "- "`);
        const names: Name[] = [];
        const problems: ValueError[] = [];
        input.forEach((name, index) => {
          try {
            names.push(readName(name, index));
          } catch (error) {
            if (!(error instanceof ValueError)) throw error;
            problems.push(new ValueError(error.message, [index, ...error.path]));
          }
        });
        if (problems.length > 0) throw new ValueErrors(problems);
        return names;
      });
    case 'date':
      return reader((input) => {
        if (typeof input !== 'string' && typeof input !== 'number')
          return fail('must be a date such as 2024, 2024-05 or 2024-05-22');
        try {
          return parseDate(input);
        } catch (error) {
          if (error instanceof DateSyntaxError) return fail(error.message);
          throw error;
        }
      });
    case 'list':
      return reader((input) => {
        if (!Array.isArray(input)) return fail(`${field.key} must be a list, one item per line starting with "- "`);
        const items = input.map((item, index) => readText(item, `item ${index + 1}`));
        return [...new Set(items)];
      });
    case 'doi':
      return reader((input) => {
        const text = readText(input);
        return (
          normalizeDoi(text) ??
          fail(`"${text}" is not a DOI; write it like 10.1234/abc (a https://doi.org/ URL works too)`)
        );
      });
    case 'arxiv':
      return reader((input) => {
        const text = readText(input);
        return (
          normalizeArxiv(text) ??
          fail(`"${text}" is not an arXiv identifier such as 2211.15029, 2211.15029v2 or hep-th/9901001`)
        );
      });
    case 'url':
      return reader((input) => readUrl(input, ['https', 'http', 'ftp']));
    case 'link':
      return reader((input) => readUrl(input, ['https', 'http']));
    case 'isbn':
    case 'issn':
      return reader((input) => {
        const text = readText(input);
        return /\d/.test(text) ? text : fail(`"${text}" has no digits; it is not an ${field.kind.toUpperCase()}`);
      });
    case 'pmid':
      return reader((input) => {
        const text = readNumberLike(input);
        return /^\d+$/.test(text) ? text : fail(`"${text}" is not a PubMed ID (digits only)`);
      });
    case 'pmcid':
      return reader((input) => {
        const text = readText(input);
        return /^PMC\d+$/i.test(text)
          ? text.toUpperCase()
          : fail(`"${text}" is not a PubMed Central ID such as PMC1234567`);
      });
    case 'type':
      return reader((input) => {
        const text = readText(input);
        return ITEM_TYPE_NAMES.includes(text)
          ? text
          : fail(`unknown type "${text}"; use a CSL item type: ${ITEM_TYPE_NAMES.join(', ')}`);
      });
    case 'key':
      return reader((input) => {
        const text = readText(input);
        return CITATION_KEY.test(text)
          ? text
          : fail(`"${text}" cannot be a citation key: no spaces and none of , { } ( ) " # % ' = \\ ~`);
      });
    case 'flag':
      return reader((input) => (typeof input === 'boolean' ? input : fail('must be true or false')));
    case 'score':
      return reader((input) =>
        typeof input === 'number' && input >= 0 && input <= 100 ? input : fail('must be a number from 0 to 100'),
      );
    case 'category':
      return reader((input) => {
        const text = readText(input);
        const category = options.taxonomy.resolve(text);
        return category ? category.code : fail(`unknown category "${text}"; use ${options.taxonomy.describe()}`);
      });
    case 'code':
      return reader((input) => {
        if (input === true) return true;
        if (input === false) return fail('write code: true (or the code URL), or leave the field out');
        return readUrl(input, ['https', 'http']);
      });
    case 'links':
      return reader((input) => {
        if (!Array.isArray(input)) return fail('links must be a list of {label, url}');
        return input.map((link, index) => {
          if (typeof link !== 'object' || link === null || Array.isArray(link))
            return fail(`link ${index + 1} must be {label, url}`);
          const { label, url, ...rest } = link as Record<string, unknown>;
          if (Object.keys(rest).length > 0)
            return fail(`link ${index + 1} has unknown part ${Object.keys(rest).join(', ')}; use label and url`);
          return { label: readText(label, `link ${index + 1} label`), url: readUrl(url, ['https', 'http']) };
        });
      });
    case 'image':
      return reader((input) => readText(input, 'the image path'));
    case 'slug':
      return reader((input) => {
        const text = readText(input);
        return /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(text)
          ? text
          : fail(`"${text}" cannot be a page id: use lowercase letters, digits and single - _ . between them`);
      });
    case 'bibtexType':
      return reader((input) => {
        const text = readText(input).toLowerCase();
        return CLASSIC_BIBTEX_TYPES.includes(text)
          ? text
          : fail(`"${text}" is not a BibTeX entry type (${CLASSIC_BIBTEX_TYPES.join(', ')})`);
      });
    case 'preamble':
      return reader((input) => {
        const text = readText(input, 'the preamble', true);
        const unsafe = findUnsafePreambleCommand(text);
        if (unsafe) return fail(`the preamble holds ${unsafe}; it may only define commands the fields use`);
        return hasBalancedBraces(text)
          ? text
          : fail('the preamble has unbalanced braces; BibTeX would read the entries after it wrongly');
      });
    case 'extra':
      return reader((input) => {
        if (typeof input !== 'object' || input === null || Array.isArray(input))
          return fail('extra must be a set of BibTeX fields (name: value)');
        const result: Record<string, string> = {};
        for (const [name, fieldValue] of Object.entries(input)) {
          if (!BIBTEX_FIELD_NAME.test(name))
            return fail(`"${name}" is not a BibTeX field name (lowercase letters, digits, _ : . + -)`);
          result[name] = readText(fieldValue, `extra.${name}`, true);
        }
        return result;
      });
  }
}

/** Every front-matter key: the field table's, the name lists' truncation flags. */
function listKeys(): string[] {
  return [
    ...FIELDS.map((field) => field.key),
    ...FIELDS.flatMap((field) => (field.truncatedKey ? [field.truncatedKey] : [])),
  ];
}

/** The edit distance of two short strings (for "did you mean" hints). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The known key closest to an unknown one, when it is close enough to be a typo. */
export function suggestKey(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of listKeys()) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { key: candidate, distance: d };
  }
  return best && best.distance <= Math.max(key.length >= 4 ? 2 : 1, Math.floor(key.length / 3)) ? best.key : undefined;
}

/** Builds the front-matter schema for a site (its taxonomy decides which categories exist). */
export function createPaperSchema(options: SchemaOptions) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of FIELDS) shape[field.key] = fieldSchema(field, options).optional();
  for (const field of FIELDS) {
    if (field.truncatedKey) shape[field.truncatedKey] = fieldSchema({ ...field, kind: 'flag' }, options).optional();
  }
  return z
    .strictObject(shape)
    .superRefine((data, ctx) => {
      for (const field of FIELDS) {
        if (!field.truncatedKey || data[field.truncatedKey] !== true) continue;
        if (!Array.isArray(data[field.key]) || (data[field.key] as unknown[]).length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: [field.truncatedKey],
            message: `is true but ${field.key} lists nobody`,
          });
        }
      }
      const named = FIELDS.some(
        (field) =>
          field.kind === 'names' && Array.isArray(data[field.key]) && (data[field.key] as unknown[]).length > 0,
      );
      // An untitled work still needs something to show for it (its page reads "Untitled …"): a name, or the
      // journal, note, DOI or URL that identifies it, as minimal BibTeX entries (xampl.bib's) do.
      const described = IDENTIFYING_KEYS.some((key) => data[key] !== undefined);
      if (data.title === undefined && !named && !described) {
        ctx.addIssue({
          code: 'custom',
          path: ['title'],
          message: 'is required unless the work lists names or has a container title, a note, a DOI or a URL',
        });
      }
      if (data.extra && typeof data.extra === 'object') {
        for (const name of Object.keys(data.extra)) {
          // Only the names the writer fills for this type clash: a thesis may keep a `publisher` beside its
          // `school`, as its source file had both.
          const type = typeof data.type === 'string' ? data.type : DEFAULT_ITEM_TYPE;
          const bibtexType = typeof data.bibtexType === 'string' ? data.bibtexType.toLowerCase() : undefined;
          const owner = mapWrittenBibtexNames(data, type, bibtexType).get(name);
          if (owner)
            ctx.addIssue({ code: 'custom', path: ['extra', name], message: `duplicates ${owner.key}; keep one` });
        }
      }
    })
    .transform((data) => {
      const result: PaperData = { type: DEFAULT_ITEM_TYPE };
      for (const [key, value] of Object.entries(data)) {
        if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
        result[key] = value as FieldValues[FieldKind];
      }
      return result;
    });
}

/** One problem with a paper's front matter: the field (path) and what is wrong. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Turns Zod issues into field problems, paths written as front matter reads (`authors[2]`, `extra.abbr`). */
export function toFieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => {
          const hint = suggestKey(key);
          return {
            field: key,
            message: `unknown field${hint ? `; did you mean "${hint}"?` : ''} (see the fields table in README.md)`,
          };
        })
      : [toFieldProblem(issue)],
  );
}

/** One Zod issue as a field problem. */
function toFieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  return {
    field:
      issue.path
        .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
        .join('') || '(front matter)',
    message: issue.message,
  };
}
