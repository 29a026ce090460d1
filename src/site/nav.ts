// The site navigation: which item a page is, or belongs to (aria-current), from the page's site path.

import { routes, type Facet } from './routes';

/** What a navigation item says of the page shown: `page` (it is this page), `true` (a page within it), none. */
export type NavCurrent = 'page' | 'true' | undefined;

// The list pages that show part of the papers (the "Papers" item), by the first segment of their site path.
const PAPER_FACETS: readonly Facet[] = ['categories', 'types', 'keywords', 'years'];

/** The first segment of a site path (`papers` of `papers/bbtv2/`). */
function sectionOf(path: string): string {
  return path.replace(/^\/+/, '').split('/')[0];
}

/**
 * What the navigation item of `itemPath` says of the page at `pagePath` (both site paths, no base): a paper and
 * the category, type, keyword and year pages are within "Papers"; an author's page is within "Authors".
 */
export function findNavCurrent(itemPath: string, pagePath: string): NavCurrent {
  const page = pagePath.replace(/^\/+/, '').replace(/index\.html$/, '');
  if (page === itemPath) return 'page';
  const section = sectionOf(page);
  if (itemPath === routes.home()) {
    const paperSection = sectionOf(routes.paper('x'));
    return section === paperSection || (PAPER_FACETS as readonly string[]).includes(section) ? 'true' : undefined;
  }
  return itemPath !== '' && section === sectionOf(itemPath) && page.startsWith(itemPath) ? 'true' : undefined;
}
