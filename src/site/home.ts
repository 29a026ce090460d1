// How the home page (and every list page) groups papers: by year, by type, or by type then year (the config's
// `home.groupBy`); and which groups a long list shows in full before linking the rest to their own pages.

import type { Paper } from '../domain/paper';
import { slugifyName } from './authors';
import { groupByType, groupByYear, type FacetGroup } from './facets';
import type { Facet } from './routes';

/** How a list is grouped. */
export type GroupBy = 'year' | 'type' | 'type-year';

/** A group of a list: its heading, its papers, and (for type-year) its year groups. */
export interface ListGroup {
  /** An id unique in the page, for the heading and the jump links: `year-2024`, `type-books`, `type-books-2024`. */
  anchor: string;
  heading: string;
  papers: Paper[];
  /** The facet group it mirrors (its page, feed and exports). */
  facet: FacetGroup;
  /** Year groups inside a type group (type-year grouping). */
  children?: ListGroup[];
  /** False when the list shows only a link to the group's own page (long bibliographies). */
  listed: boolean;
}

/** Groups papers (newest first) for a list. */
export function groupPapers(papers: readonly Paper[], by: GroupBy): ListGroup[] {
  if (by === 'year') {
    return groupByYear(papers).map((facet) => ({
      anchor: `year-${facet.slug}`,
      heading: facet.label,
      papers: facet.papers,
      facet,
      listed: true,
    }));
  }
  return groupByType(papers).map((facet) => ({
    anchor: `type-${facet.slug}`,
    heading: facet.label,
    papers: facet.papers,
    facet,
    listed: true,
    ...(by === 'type-year'
      ? {
          children: groupByYear(facet.papers).map((year) => ({
            anchor: `type-${facet.slug}-${year.slug}`,
            heading: year.label,
            papers: year.papers,
            facet: year,
            listed: true,
          })),
        }
      : {}),
  }));
}

/**
 * Lists groups in full until at least `limit` papers are shown (always at least one group); later groups are only
 * linked to their own pages, so the page stays small for a bibliography of thousands while a normal one shows all.
 */
export function planListing(groups: readonly ListGroup[], limit: number): ListGroup[] {
  let shown = 0;
  let full = false;
  return groups.map((group) => {
    full ||= shown > 0 && shown + group.papers.length > limit;
    if (!full) shown += group.papers.length;
    return { ...group, listed: !full };
  });
}

/** The papers marked `selected`, in list order (the home page's "Selected publications"). */
export function findSelected(papers: readonly Paper[]): Paper[] {
  return papers.filter((paper) => paper.site.selected);
}

/**
 * How a list page groups its papers: the configured grouping without the dimension the page already fixes (a year
 * page is not grouped by year again, a type page not by type); `undefined` for one flat list.
 */
export function chooseGrouping(by: GroupBy, facet?: Facet): GroupBy | undefined {
  if (facet === 'years') return by === 'year' ? undefined : 'type';
  if (facet === 'types') return by === 'type' ? undefined : 'year';
  return by;
}

/** The label of the jump links of a grouping. */
export function describeGrouping(by: GroupBy): string {
  return by === 'year' ? 'Jump to year' : 'Jump to type';
}

/** The keywords offered as chips: the `limit` most used (ties alphabetically, as the groups come), in that order. */
export function pickKeywordChips(keywords: readonly FacetGroup[], limit: number): FacetGroup[] {
  return [...keywords].sort((a, b) => b.papers.length - a.papers.length).slice(0, limit);
}

/** The attributes a list item carries for the chips' filter: its category badge, type and keywords (slugs). */
export function filterAttributes(paper: Paper): Record<string, string> {
  const keywords = ((paper.data.keywords as string[] | undefined) ?? []).map(slugifyName);
  return {
    'data-category': paper.site.category?.badge ?? '',
    'data-type': paper.type.slug,
    'data-keywords': [...new Set(keywords)].join(' '),
  };
}
