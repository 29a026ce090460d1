// The facets of the bibliography: categories, types, keywords and years. Each group has a list page, a feed and
// export files (see routes).

import { getPaperYear, type Paper } from '../domain/paper';
import { compareText } from '../domain/text';
import { ITEM_TYPES } from '../domain/types';
import { slugifyName } from './authors';
import type { Facet } from './routes';

/** One group of a facet: a category, a type, a keyword or a year, with its papers (newest first). */
export interface FacetGroup {
  facet: Exclude<Facet, 'authors'>;
  /** URL segment: `cl`, `journal-articles`, `sparse-autoencoders`, `2024`, `undated`. */
  slug: string;
  /** Short label, as on chips: `CL`, `Journal articles`, `sparse autoencoders`, `2024`. */
  label: string;
  /** Full name, as page titles: `Computation and Language (cs.CL)`. */
  name: string;
  papers: Paper[];
}

/** The slug of the year group of undated works. */
export const UNDATED_SLUG = 'undated';

/** Adds a paper to the group under `slug`, creating the group on first use. */
function add(groups: Map<string, FacetGroup>, group: Omit<FacetGroup, 'papers'>, paper: Paper): void {
  const existing = groups.get(group.slug);
  if (existing) {
    if (existing.papers.at(-1) !== paper) existing.papers.push(paper);
  } else groups.set(group.slug, { ...group, papers: [paper] });
}

/** Groups papers (pass them newest first) by category, categories in alphabetical order of their badge. */
export function groupByCategory(papers: readonly Paper[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const paper of papers) {
    const category = paper.site.category;
    if (!category) continue;
    const name = category.arxiv ? `${category.name} (${category.code})` : category.name;
    add(groups, { facet: 'categories', slug: category.slug, label: category.badge, name }, paper);
  }
  return [...groups.values()].sort((a, b) => compareText(a.label, b.label));
}

/** Groups papers by type, in the type table's order. */
export function groupByType(papers: readonly Paper[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const paper of papers) {
    add(groups, { facet: 'types', slug: paper.type.slug, label: paper.type.plural, name: paper.type.plural }, paper);
  }
  const order = new Map(ITEM_TYPES.map((type, index) => [type.slug, index]));
  return [...groups.values()].sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
}

/** Groups papers by keyword (case-insensitive; the first spelling seen names the group), alphabetically. */
export function groupByKeyword(papers: readonly Paper[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const paper of papers) {
    for (const keyword of (paper.data.keywords as string[] | undefined) ?? []) {
      add(groups, { facet: 'keywords', slug: slugifyName(keyword), label: keyword, name: keyword }, paper);
    }
  }
  return [...groups.values()].sort((a, b) => compareText(a.label, b.label));
}

/** Groups papers by year, newest first; undated works last, in their own group. */
export function groupByYear(papers: readonly Paper[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const paper of papers) {
    const year = getPaperYear(paper);
    const slug = year === undefined ? UNDATED_SLUG : String(year);
    add(
      groups,
      {
        facet: 'years',
        slug,
        label: year === undefined ? 'Undated' : slug,
        name: year === undefined ? 'Undated works' : `Papers of ${slug}`,
      },
      paper,
    );
  }
  // Papers come newest first and undated last, so the groups already are in that order.
  return [...groups.values()];
}
