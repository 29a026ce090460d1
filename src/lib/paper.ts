import { getCategoryName, type CategoryCode } from './categories';
import { sanitizeHtmlFragment as sanitizeAbstractHtml } from '../domain/html';
import type { PaperData } from './schema';
import { compareText, htmlToText } from './text';

/** One paper as every page, feed and export sees it: validated front matter plus its abstract in three forms. */
export interface Paper {
  /** Page id: the file name without extension, or the `slug` front-matter override. */
  id: string;
  /** Source file, relative to the project root, for error messages. */
  filePath: string;
  title: string;
  authors: string[];
  /** True when the author list is known to be incomplete ("et al."). */
  authorsTruncated: boolean;
  date: Date;
  year: number;
  category: CategoryCode;
  categoryName: string;
  score?: number;
  code: boolean;
  codeUrl?: string;
  pdf?: string;
  arxiv?: string;
  doi?: string;
  venue?: string;
  /** Citation-key override from front matter, if any. */
  citationKey?: string;
  /** The abstract as written (markdown). */
  abstract: string;
  /** The abstract rendered to HTML by Astro's markdown pipeline. */
  abstractHtml: string;
  /** The abstract as plain text, for meta descriptions, feeds and exports. */
  abstractText: string;
}

/** The raw parts of a content entry that `toPaper` needs. */
export interface PaperEntry {
  id: string;
  filePath?: string;
  data: PaperData;
  body?: string;
  html?: string;
}

/** Builds a `Paper` from a validated content entry. */
export function toPaper(entry: PaperEntry): Paper {
  const { data } = entry;
  const abstract = (entry.body ?? '').trim();
  // Abstracts come from paper files anyone may contribute or import: the same allow-list as feeds applies.
  const abstractHtml = sanitizeAbstractHtml(entry.html ?? '');
  return {
    id: entry.id,
    filePath: entry.filePath ?? `${entry.id}.md`,
    title: data.title,
    authors: data.authors,
    authorsTruncated: data.authorsTruncated,
    date: data.date,
    year: data.date.getUTCFullYear(),
    category: data.category,
    categoryName: getCategoryName(data.category),
    score: data.score,
    code: data.code,
    codeUrl: data.codeUrl,
    pdf: data.pdf,
    arxiv: data.arxiv,
    doi: data.doi,
    venue: data.venue,
    citationKey: data.citationKey,
    abstract,
    abstractHtml,
    abstractText: abstractHtml ? htmlToText(abstractHtml) : abstract,
  };
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** Sorts newest first; papers of the same day by title, then id, so the order is stable across builds. */
export function sortPapers(papers: readonly Paper[]): Paper[] {
  return [...papers].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || compareText(a.title, b.title) || compareText(a.id, b.id),
  );
}

/** Formats a date as the seed does, e.g. `Nov 28, 2022` (always UTC, so builds do not depend on the time zone). */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** Formats a date as `YYYY-MM-DD` for `<time datetime>`. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Lists the first `max` authors, adding "et al." when more exist or the list is known to be truncated. */
export function formatAuthorList(authors: readonly string[], truncated: boolean, max = 3): string {
  const shown = authors.slice(0, max).join(', ');
  return truncated || authors.length > max ? `${shown} et al.` : shown;
}

/** An author with a unique URL slug and their papers (newest first). */
export interface AuthorGroup {
  name: string;
  slug: string;
  papers: Paper[];
}

/**
 * Groups papers by author name, keeping the order papers come in (pass them sorted). Distinct names that
 * slugify alike get `-2`, `-3`… in order of first appearance, so every author has one stable, unique slug.
 */
export function groupByAuthor(papers: readonly Paper[], slugify: (name: string) => string): AuthorGroup[] {
  const byName = new Map<string, AuthorGroup>();
  const taken = new Set<string>();
  for (const paper of papers) {
    for (const name of paper.authors) {
      let group = byName.get(name);
      if (!group) {
        const stem = slugify(name);
        let slug = stem;
        for (let n = 2; taken.has(slug); n++) slug = `${stem}-${n}`;
        taken.add(slug);
        group = { name, slug, papers: [] };
        byName.set(name, group);
      }
      if (group.papers.at(-1) !== paper) group.papers.push(paper);
    }
  }
  return [...byName.values()];
}

/** Authors with the most papers first; equal counts in alphabetical order of name. */
export function sortAuthorsByPaperCount(authors: readonly AuthorGroup[]): AuthorGroup[] {
  return [...authors].sort((a, b) => b.papers.length - a.papers.length || compareText(a.name, b.name));
}

/** A category with its papers (newest first). */
export interface CategoryGroup {
  code: CategoryCode;
  name: string;
  papers: Paper[];
}

/** Groups papers by category, categories in alphabetical order of their code. */
export function groupByCategory(papers: readonly Paper[]): CategoryGroup[] {
  const groups = new Map<CategoryCode, CategoryGroup>();
  for (const paper of papers) {
    let group = groups.get(paper.category);
    if (!group) {
      group = { code: paper.category, name: paper.categoryName, papers: [] };
      groups.set(paper.category, group);
    }
    group.papers.push(paper);
  }
  return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
}
