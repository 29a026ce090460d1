// The model: a paper is a complete CSL item plus what only the site needs, built from validated front matter.

import type { CslDate, CslItem, CslNameVariable } from './csl';
import { compareDates, getYear } from './dates';
import { CSL_FIELDS, FIELDS, NAME_FIELD_SPECS, type FieldSpec } from './fields';
import { assignCitationKeys } from './keys';
import { toCslName, type Name } from './names';
import type { PaperData, PaperLink } from './schema';
import type { Category, Taxonomy } from './taxonomy';
import { compareText } from './text';
import { getItemType, type ItemType } from './types';

/** What only the site needs of a paper (not part of its bibliographic record). */
export interface SiteExtras {
  category?: Category;
  arxiv?: string;
  score?: number;
  selected?: boolean;
  award?: string;
  /** `true` when code exists but has no URL (the "Code" mark), else the code's URL. */
  code?: true | string;
  /** Links by front-matter key (pdf, slides, video…), in the field table's order. */
  links: { key: string; label: string; url: string }[];
  /** Custom {label, url} links. */
  customLinks: PaperLink[];
  thumbnail?: string;
  /** The BibTeX entry type to write instead of the type table's, when an import came with one (e.g. manual). */
  bibtexType?: string;
  /** LaTeX definitions the verbatim BibTeX fields use (an import's @preamble), written before the entry. */
  bibtexPreamble?: string;
  /** Verbatim BibTeX fields the model has no home for (kept from an import, written back to BibTeX). */
  extra: Record<string, string>;
  /** Name lists known to be incomplete ("et al."), by CSL name variable. */
  truncated: Partial<Record<CslNameVariable, true>>;
  /** The citation key the front matter sets, if any (the paper's key is `Paper.key`). */
  citationKey?: string;
}

/** The abstract in the forms pages, feeds and exports use. */
export interface Abstract {
  /** As written (markdown). */
  markdown: string;
  /** Rendered to HTML and sanitized (safe to insert into any page or feed). */
  html: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
}

/** One paper as every page, feed and export sees it. */
export interface Paper {
  /** Page id: the file name (see paper-file's `idFromFileName`) or the `slug` override. */
  id: string;
  /** The source file, relative to the project, for messages. */
  file: string;
  /** The citation key: the front matter's `citationKey`, else a generated one unique in the site. */
  key: string;
  /** The bibliographic record: a complete CSL item (id and citation-key are the key; names without site marks). */
  csl: CslItem;
  /** The names with the site's marks (equal contribution, corresponding author), by CSL name variable. */
  names: Partial<Record<CslNameVariable, Name[]>>;
  site: SiteExtras;
  abstract: Abstract;
  /** The row of its type in the type table. */
  type: ItemType;
  /** The validated front matter it was built from (what the file says, by front-matter key). */
  data: PaperData;
}

/** The parts of a loaded paper file that `createPapers` needs. */
export interface PaperEntry {
  id: string;
  file: string;
  data: PaperData;
  abstract: Abstract;
}

/** The issued date of a paper, if it has one. */
export function getIssued(paper: Pick<Paper, 'csl'>): CslDate | undefined {
  return paper.csl.issued as CslDate | undefined;
}

/** The year a paper was published, if dated. */
export function getPaperYear(paper: Pick<Paper, 'csl'>): number | undefined {
  const issued = getIssued(paper);
  return issued ? getYear(issued) : undefined;
}

/** The paper's title as pages show it; an untitled work is named by its type. */
export function getDisplayTitle(paper: Pick<Paper, 'csl' | 'type'>): string {
  return typeof paper.csl.title === 'string' ? paper.csl.title : `Untitled ${paper.type.label.toLowerCase()}`;
}

/**
 * The paper's language as an HTML `lang` value: its `language` when that is a language tag ("de", "zh-Hans",
 * "en_US" as en-US), canonicalised; undefined for anything else (a name such as "German" is no tag, and a wrong
 * `lang` would mislead screen readers and hyphenation more than none).
 */
export function getLanguageTag(paper: Pick<Paper, 'csl'>): string | undefined {
  const value = paper.csl.language;
  if (typeof value !== 'string' || !/^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/i.test(value.trim())) return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim().replaceAll('_', '-'))[0];
  } catch {
    return undefined;
  }
}

/** The CSL value of a validated front-matter value. */
function toCslValue(field: FieldSpec, value: unknown): unknown {
  if (field.kind === 'names') return (value as Name[]).map(toCslName);
  if (field.kind === 'list') return (value as string[]).join(', ');
  return value;
}

/** Builds the CSL item and site extras of one validated entry (the key comes from the whole site). */
function buildPaper(entry: PaperEntry, key: string, taxonomy: Taxonomy): Paper {
  const { data } = entry;
  const csl: CslItem = { id: key, type: data.type, 'citation-key': key };
  const names: Paper['names'] = {};
  for (const field of CSL_FIELDS) {
    const value = data[field.key];
    if (value === undefined || field.kind === 'type' || field.kind === 'key') continue;
    csl[field.csl] = toCslValue(field, value);
  }
  for (const field of NAME_FIELD_SPECS) {
    const value = data[field.key] as Name[] | undefined;
    if (value) names[field.csl] = value;
  }
  if (entry.abstract.text) csl.abstract = entry.abstract.text;
  const truncated: SiteExtras['truncated'] = {};
  for (const field of NAME_FIELD_SPECS) if (field.truncatedKey && data[field.truncatedKey]) truncated[field.csl] = true;
  const links = FIELDS.filter((field) => field.kind === 'link' && typeof data[field.key] === 'string').map((field) => ({
    key: field.key,
    label: field.label,
    url: data[field.key] as string,
  }));
  const site: SiteExtras = {
    links,
    customLinks: (data.links as PaperLink[] | undefined) ?? [],
    extra: (data.extra as Record<string, string> | undefined) ?? {},
    truncated,
  };
  if (typeof data.category === 'string') site.category = taxonomy.resolve(data.category);
  for (const name of ['arxiv', 'award', 'thumbnail', 'bibtexType', 'bibtexPreamble', 'citationKey'] as const) {
    if (typeof data[name] === 'string') site[name] = data[name] as string;
  }
  if (typeof data.score === 'number') site.score = data.score;
  if (data.selected === true) site.selected = true;
  if (data.code !== undefined) site.code = data.code as true | string;
  return {
    id: entry.id,
    file: entry.file,
    key,
    csl,
    names,
    site,
    abstract: entry.abstract,
    type: getItemType(data.type),
    data,
  };
}

/**
 * Orders papers newest first: by date (at each date's precision: see `compareDates`), undated works last; equal
 * dates by title, then id, so the order is the same in every build.
 */
export function comparePapers(a: Paper, b: Paper): number {
  const byDate = compareDates(getIssued(b), getIssued(a));
  const undated = Number(getIssued(a) === undefined) - Number(getIssued(b) === undefined);
  return undated || byDate || compareText(getDisplayTitle(a), getDisplayTitle(b)) || compareText(a.id, b.id);
}

/** Builds every paper of a site from its validated entries: citation keys assigned, sorted newest first. */
export function createPapers(entries: readonly PaperEntry[], taxonomy: Taxonomy): Paper[] {
  const keys = assignCitationKeys(entries);
  return entries.map((entry) => buildPaper(entry, keys.get(entry.id)!, taxonomy)).sort(comparePapers);
}
