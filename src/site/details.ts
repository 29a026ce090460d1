// The details list of a paper page, from the field table: every field marked `details` that the paper has, under
// its label, plus the type, category, publication date, identifiers and keywords.

import type { CslDate, CslName } from '../domain/csl';
import { formatReadableDate } from '../domain/dates';
import { FIELDS, type FieldSpec } from '../domain/fields';
import { formatDisplayName } from '../domain/names';
import { getPaperYear, type Paper } from '../domain/paper';
import { arxivUrl, doiUrl } from '../formats/identifiers';
import { slugifyName } from './authors';
import { UNDATED_SLUG } from './facets';
import { routes } from './routes';

/** One row of the details list: a label and its value, with a link when the value is an address. */
export interface DetailRow {
  label: string;
  value: string;
  href?: string;
  /** The value as links to pages of the site: each part with its site path (a keyword and its keyword page). */
  items?: { text: string; path: string }[];
}

// What the container is called, by type (the field table's label is the generic "Published in").
const CONTAINER_LABELS: Record<string, string> = {
  'article-journal': 'Journal',
  'article-magazine': 'Magazine',
  'article-newspaper': 'Newspaper',
  review: 'Journal',
  'review-book': 'Journal',
  'paper-conference': 'Proceedings',
  chapter: 'Book',
  entry: 'Reference work',
  'entry-dictionary': 'Dictionary',
  'entry-encyclopedia': 'Encyclopedia',
  webpage: 'Website',
  'post-weblog': 'Blog',
  post: 'Platform',
};

// What the publisher is, by type.
const PUBLISHER_LABELS: Record<string, string> = {
  thesis: 'Institution',
  report: 'Institution',
  article: 'Repository',
  dataset: 'Repository',
  software: 'Publisher',
};

/** A list of names as a reader reads it: `A, B, C et al.` when the list is known to be incomplete. */
export function formatNameList(names: readonly CslName[], truncated: boolean): string {
  const text = names.map(formatDisplayName).join(', ');
  return truncated && text ? `${text} et al.` : text;
}

/** Text with a closing "et al." bound to the name before it by no-break spaces (it never starts a line). */
export function keepEtAlTogether(text: string): string {
  return text.replace(/ et al\.$/, '\u00a0et\u00a0al.');
}

/** The label of a field for a paper's type. */
function labelOf(field: FieldSpec, type: string): string {
  if (field.key === 'containerTitle') return CONTAINER_LABELS[type] ?? field.label;
  if (field.key === 'publisher') return PUBLISHER_LABELS[type] ?? field.label;
  return field.label;
}

/** The rows of a paper's details list, in the field table's order. */
export function buildDetails(paper: Paper): DetailRow[] {
  // The type, the category and the year link to their list pages (with the feed and the exports of each).
  const linked = (label: string, value: string, path: string): DetailRow => ({
    label,
    value,
    items: [{ text: value, path }],
  });
  const rows: DetailRow[] = [linked('Type', paper.type.label, routes.facet('types', paper.type.slug))];
  const issued = paper.csl.issued as CslDate | undefined;
  const year = getPaperYear(paper);
  rows.push(
    linked(
      'Published',
      issued ? formatReadableDate(issued) : 'No date (n.d.)',
      routes.facet('years', year === undefined ? UNDATED_SLUG : String(year)),
    ),
  );
  if (paper.site.category) {
    const { category } = paper.site;
    const name = category.arxiv ? `${category.name} (${category.code})` : category.name;
    rows.push(linked('Category', name, routes.facet('categories', category.slug)));
  }
  for (const field of FIELDS) {
    if (!field.details || field.csl === undefined || field.csl === 'issued') continue;
    const value = paper.csl[field.csl];
    if (value === undefined) continue;
    const label = labelOf(field, paper.type.csl);
    if (field.kind === 'names') {
      const truncated = paper.site.truncated[field.csl as keyof Paper['site']['truncated']] === true;
      rows.push({ label, value: formatNameList(value as CslName[], truncated) });
    } else if (field.kind === 'date') rows.push({ label, value: formatReadableDate(value as CslDate) });
    else rows.push({ label, value: String(value) });
  }
  const doi = paper.csl.DOI;
  if (typeof doi === 'string') rows.push({ label: 'DOI', value: doi, href: doiUrl(doi) });
  const { arxiv } = paper.site;
  if (arxiv) rows.push({ label: 'arXiv', value: arxiv, href: arxivUrl(arxiv) });
  if (typeof paper.csl.URL === 'string') rows.push({ label: 'URL', value: paper.csl.URL, href: paper.csl.URL });
  const keywords = (paper.data.keywords as string[] | undefined) ?? [];
  if (keywords.length > 0) {
    // Each keyword links to its keyword page (the slug is the one the keyword facet gives it).
    const items = keywords.map((keyword) => ({ text: keyword, path: routes.facet('keywords', slugifyName(keyword)) }));
    rows.push({ label: 'Keywords', value: keywords.join(', '), items });
  }
  if (paper.site.score !== undefined) rows.push({ label: 'Score', value: String(paper.site.score) });
  return rows;
}
