// A paper's search record: what the Pagefind index holds of it, built from the model (not from its built page).
// The record's content is the abstract only, so every excerpt is drawn from the abstract; the title, the authors
// and the venue are metadata, which Pagefind searches too and the result list shows. Dates, badges, scores and
// link labels are not indexed: they are filters, a sort key or nothing.

import { formatMachineDate } from '../domain/dates';
import { formatDisplayName } from '../domain/names';
import { getDisplayTitle, getIssued, getPaperYear, type Paper } from '../domain/paper';
import { formatAuthorLine } from './feeds';
import { hasUnspacedWords, separateUnspacedWords } from './search-words';
import { formatVenueText } from './venue';

/** One record of the search index (Pagefind's custom record). */
export interface SearchRecord {
  url: string;
  /** The indexed text: the abstract, its Chinese and Japanese words separated (see search-words.ts). */
  content: string;
  language: string;
  /** What the result list shows; Pagefind searches these too. */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The sort key of an undated paper: before every date, so "newest first" lists it last. */
export const UNDATED_SORT_KEY = '0000';

/**
 * The search record of a paper at `url` (its page, with the site's base path), in the site's language. Filters:
 * category, type, year and each author; sort: the issued date.
 */
export function toSearchRecord(paper: Paper, url: string, language: string): SearchRecord {
  const issued = getIssued(paper);
  const year = String(getPaperYear(paper) ?? 'n.d.');
  const title = getDisplayTitle(paper);
  const authors = formatAuthorLine(paper);
  const category = paper.site.category;
  const meta: Record<string, string> = {
    paper: paper.id,
    title,
    authors,
    year,
    type: paper.type.label,
  };
  const venue = formatVenueText(paper);
  if (venue) meta.venue = venue;
  if (category) meta.category = category.arxiv ? `${category.name} (${category.code})` : category.name;
  // Pagefind splits no Chinese or Japanese in the site's index, in content or metadata: a title or names holding
  // any are searched through a copy with their words separated (the shown title stays as written).
  const unspaced = [title, authors].filter(hasUnspacedWords);
  if (unspaced.length > 0) meta.words = unspaced.map(separateUnspacedWords).join(' ');
  const filters: Record<string, string[]> = {
    type: [paper.type.plural],
    year: [year],
    author: (paper.names.author ?? []).map(formatDisplayName),
  };
  if (category) filters.category = [category.name];
  // Pagefind finds no record with empty content, even by its metadata: a paper without an abstract is indexed by
  // its title, and the page shows no excerpt of it (`abstract: no`, a filter the page does not offer).
  const abstract = paper.abstract.text.trim();
  filters.abstract = [abstract ? 'yes' : 'no'];
  return {
    url,
    content: separateUnspacedWords(abstract || title),
    language,
    meta,
    filters,
    sort: { date: issued ? formatMachineDate(issued) : UNDATED_SORT_KEY },
  };
}
