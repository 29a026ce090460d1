// Paper → BibTeX entry, driven by the field table and the type table: classic entry types (bibtex with plain.bst
// and biber both read them), every model field under its BibTeX name for the type, dates at their precision, names
// that stay one name each, identifiers verbatim, `extra` fields written back as they were read.

import type { CslDate, CslName } from '../domain/csl';
import { formatIsoDate } from '../domain/dates';
import { FIELDS, chooseBibtexName, type FieldSpec } from '../domain/fields';
import type { Paper } from '../domain/paper';
import { formatPreamble } from './join';
import {
  delimitVerbatimExtra,
  escapeLatex,
  escapeLatexBlock,
  escapeTitle,
  formatHtmlAsLatex,
  escapeVerbatim,
  stripControlCharacters,
} from './latex';

/** How an entry is written. */
export interface BibtexOptions {
  /** Write the site's own fields too (selected, award, pdf, code…) under al-folio's names. */
  siteFields: boolean;
  /** Leave out the abstract (the entry a page shows, kept short; the files keep the abstract). */
  withoutAbstract?: boolean;
}

/** BibTeX's month macros, which every style turns into its own month names. */
export const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The kind of work an entry type already says (plain.bst prints it when `type` is empty); a genre equal to it is
 * not written, so an imported @phdthesis comes back without a `type` it never had.
 */
export const DEFAULT_GENRES: Readonly<Record<string, string>> = {
  phdthesis: 'PhD thesis',
  mastersthesis: "Master's thesis",
};

const FIELD_NAME = /^[a-z][a-z0-9_:.+-]*$/;

/** True when a name part must be braced to stay one part: it holds a comma, the word "and", or several words. */
function needsBraces(part: string, words: boolean): boolean {
  return /,/.test(part) || /(^|\s)and(\s|$)/i.test(part) || (words && /\s/.test(part)) || /^others$/i.test(part);
}

/** One name part, escaped and braced when BibTeX would otherwise split it. */
function formatPart(part: string, words: boolean): string {
  const escaped = escapeLatex(part);
  return needsBraces(part, words) ? `{${escaped}}` : escaped;
}

/**
 * One name as BibTeX reads it: `von Last, Jr, First`, each part braced where it holds a comma, " and " or (for the
 * family name) several words; a literal name (an organisation) braced whole: `{World Health Organization}`.
 */
export function formatBibtexName(name: CslName): string {
  if ('literal' in name) return `{${escapeLatex(name.literal)}}`;
  const particles = [name['dropping-particle'], name['non-dropping-particle']]
    .filter((particle): particle is string => Boolean(particle))
    .map((particle) => (needsBraces(particle, false) ? `{${escapeLatex(particle)}}` : escapeLatex(particle)));
  const last = [...particles, formatPart(name.family, true)].join(' ');
  const given = name.given ? formatPart(name.given, false) : '';
  if (name.suffix) return `${last}, ${formatPart(name.suffix, false)}, ${given}`.trimEnd();
  // A braced family name alone ({Lloyd Webber}) is one last name to bibtex and reads back as a literal name: the
  // same name shown, though no longer marked a family name (bibtex refuses "Name," and "{}" prints a stray tie).
  return given ? `${last}, ${given}` : last;
}

/** A name list joined with " and ", ending in "and others" when the list is known to be incomplete. */
export function formatBibtexNames(names: readonly CslName[], truncated: boolean): string {
  const parts = names.map(formatBibtexName);
  if (truncated) parts.push('others');
  return parts.join(' and ');
}

/** The fields of the issued date at its precision: year, month macro, day; a range or circa also as `date`. */
function formatIssued(date: CslDate): [string, string][] {
  const [start, end] = date['date-parts'];
  const fields: [string, string][] = [['year', `{${start[0]}}`]];
  if (start[1] !== undefined) fields.push(['month', MONTH_MACROS[start[1] - 1]]);
  if (start[2] !== undefined) fields.push(['day', `{${start[2]}}`]);
  if (end || date.circa) fields.push(['date', `{${formatIsoDate(date)}}`]);
  return fields;
}

/** One keyword list as biblatex reads it (comma-separated; a keyword with a comma braced). */
function formatKeywords(keywords: readonly string[]): string {
  return keywords
    .map((keyword) => {
      const escaped = escapeLatex(keyword);
      return keyword.includes(',') ? `{${escaped}}` : escaped;
    })
    .filter(Boolean)
    .join(', ');
}

/** The braced value of a bibliographic text field. */
function formatText(field: FieldSpec, value: string, entryType: string): string | undefined {
  if (field.key === 'title') return escapeTitle(value);
  if (field.kind === 'longtext') return escapeLatexBlock(value);
  // Exactly the default: Zotero's "PhD Thesis" is the file's own text and is written back as it was.
  if (field.key === 'genre' && DEFAULT_GENRES[entryType] === value.trim()) {
    return undefined;
  }
  const escaped = escapeLatex(value);
  // Page ranges in BibTeX's own form (an en dash is `--`; styles dashify a single hyphen themselves).
  return field.key === 'pages' ? escaped.replace(/\u2013/g, '--') : escaped;
}

/** The value of a site field under its al-folio name. */
function formatSiteValue(field: FieldSpec, value: unknown): string | undefined {
  switch (field.kind) {
    case 'flag':
      return value === true ? 'true' : undefined;
    case 'score':
      return typeof value === 'number' ? String(value) : undefined;
    case 'code':
      return value === true ? 'true' : typeof value === 'string' ? escapeVerbatim(value) : undefined;
    case 'link':
      return typeof value === 'string' ? escapeVerbatim(value) : undefined;
    case 'text':
      return typeof value === 'string' ? escapeLatex(value) : undefined;
    default:
      return undefined;
  }
}

/**
 * Formats one paper as a BibTeX entry. The entry type is the paper's `bibtexType` or the type table's (with
 * `entrysubtype` where the table marks the CSL type); every model field goes under its BibTeX name for that
 * type; the abstract is its plain text; `extra` fields follow as they were read; site fields only when asked.
 * The same paper always gives the same text.
 */
export function formatBibtexEntry(paper: Paper, options: BibtexOptions): string {
  const { data, site } = paper;
  const cslType = paper.type.csl;
  const bibtexType = site.bibtexType;
  const entryType = bibtexType ?? paper.type.bibtex.type;
  const fields: [string, string][] = [];
  const written = new Set<string>();
  const push = (name: string, value: string | undefined, braced = true) => {
    if (value === undefined || value === '' || written.has(name)) return;
    written.add(name);
    fields.push([name, braced ? `{${value}}` : value]);
  };

  if (entryType === paper.type.bibtex.type && paper.type.bibtex.subtype) {
    push('entrysubtype', escapeLatex(paper.type.bibtex.subtype));
  }
  for (const field of FIELDS) {
    const value = data[field.key];
    if (value === undefined || field.kind === 'type' || field.kind === 'key') continue;
    if (field.csl === undefined && field.kind !== 'arxiv') continue;
    if (field.kind === 'arxiv') {
      push('eprint', escapeVerbatim(value as string));
      push('archiveprefix', 'arXiv');
      if (site.category?.arxiv) push('primaryclass', escapeVerbatim(site.category.code));
      // al-folio shows its arXiv badge from its own `arxiv` field.
      if (options.siteFields) push('arxiv', escapeVerbatim(value as string));
      continue;
    }
    if (field.key === 'date') {
      for (const [name, text] of formatIssued(value as CslDate)) push(name, text, false);
      continue;
    }
    const name = chooseBibtexName(field, cslType, bibtexType, written);
    if (name === undefined) continue;
    switch (field.kind) {
      case 'names':
        push(name, formatBibtexNames(value as CslName[], site.truncated[field.csl as never] === true));
        break;
      case 'date':
        push(name, formatIsoDate(value as CslDate));
        break;
      case 'list':
        push(name, formatKeywords(value as string[]));
        break;
      case 'doi':
      case 'url':
        push(name, escapeVerbatim(value as string));
        break;
      default:
        push(name, formatText(field, String(value), entryType));
    }
  }
  if (paper.abstract.text && !options.withoutAbstract) push('abstract', formatHtmlAsLatex(paper.abstract.html));
  if (options.siteFields) {
    for (const field of FIELDS) {
      if (field.csl !== undefined || field.kind === 'arxiv' || typeof field.bibtex !== 'string') continue;
      push(field.bibtex, formatSiteValue(field, data[field.key]));
    }
  }
  for (const [name, value] of Object.entries(site.extra)) {
    // A field the model already wrote wins (the schema keeps such pairs out of front matter).
    if (FIELD_NAME.test(name)) push(name, delimitVerbatimExtra(value), false);
  }
  const key = stripControlCharacters(paper.key);
  const entry = `@${entryType}{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
  // The definitions its verbatim fields use go with the entry (joined files write each preamble once, first).
  return site.bibtexPreamble ? `${formatPreamble(stripControlCharacters(site.bibtexPreamble))}\n\n${entry}` : entry;
}

export { joinBibtex } from './join';
