// The one collection module: every page, feed and export gets its papers and their groupings from here. Each is
// computed once per build (the promises are kept), however many pages ask.

import type { ImageMetadata } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { join } from 'node:path';
import { cacheDir, siteConfig, taxonomy } from '../config';
import { toCslJson } from '../formats/csl-json';
import { createCitationFormatter } from '../formats/styles';
import type { CslItem } from '../domain/csl';
import { sanitizeCitationHtml } from '../domain/html';
import { createPapers, type Paper } from '../domain/paper';
import { createPeopleIndex, type PeopleIndex } from '../domain/people';
import { findHighlightedNames, groupByAuthor, type AuthorGroup } from './authors';
import { groupByCategory, groupByKeyword, groupByType, groupByYear, type FacetGroup } from './facets';
import type { StoredPaper, StoredPerson } from './loader';
import { readPeopleSnapshot, stampSnapshot } from './snapshot';
import { buildExports, shareExports } from './exports';
import { settleCitations } from './citation-signal';
import type { FeedContext } from './feeds';
import { findNeighbours, findRelatedPapers, type Neighbours } from './related';
import { routes, toAbsoluteUrl, withBase, type Facet } from './routes';

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
};

/** Every paper, newest first (undated last), with its citation key. */
export const getPapers = once(async (): Promise<Paper[]> => {
  const entries = await getCollection('papers');
  const papers = createPapers(
    entries.map((entry) => entry.data as unknown as StoredPaper),
    taxonomy,
  );
  // A build formats the citations from the start, on worker threads, while the main thread renders the pages that
  // need none (authors, lists, feeds); else the paper pages, rendered later, would wait for them with the main
  // thread idle. A failure is reported by the paper pages, which await the same promise.
  if (import.meta.env.PROD) getCitationStyles().catch(() => undefined);
  return papers;
});

/** Paper id → its thumbnail, as Astro's image pipeline imported it (papers with a `thumbnail`). */
export const getThumbnails = once(async (): Promise<Map<string, ImageMetadata>> => {
  const entries = await getCollection('papers');
  return new Map(
    entries.flatMap((entry) => (entry.data.thumbnailImage ? [[entry.id, entry.data.thumbnailImage]] : [])),
  );
});

/** A person of the people collection, with their bio and photo. */
export type SitePerson = Omit<StoredPerson, 'photoImage'> & { photo?: ImageMetadata };

/** Every person of the people collection, in file order. */
export const getPeople = once(async (): Promise<SitePerson[]> => {
  // Astro warns about an empty collection; a site without person files (the loader's snapshot says) has none.
  if (readPeopleSnapshot(cacheDir).length === 0) return [];
  const entries = await getCollection('people');
  return entries
    .map(({ data }) => {
      const { photoImage, ...person } = data as unknown as StoredPerson & { photoImage?: ImageMetadata };
      return { ...person, photo: photoImage };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
});

/** The people by every spelling of their names (aliases resolve to the person's name). */
export const getPeopleIndex = once(async (): Promise<PeopleIndex> => createPeopleIndex(await getPeople()));

/** The person an author key (the name as displayed, any spelling) belongs to, with their bio and photo. */
export async function findPerson(key: string): Promise<SitePerson | undefined> {
  const entry = (await getPeopleIndex()).find(key);
  return entry && (await getPeople()).find((person) => person.id === entry.id);
}

/** The profile photo of the site config, optimised by Astro. */
export async function getProfilePhoto(): Promise<ImageMetadata | undefined> {
  return siteConfig.profile.photo ? (await getEntry('configImages', 'profile'))?.data.image : undefined;
}

/** Every author with a unique slug and their papers; a person's spellings share one author. */
export const getAuthors = once(async (): Promise<AuthorGroup[]> =>
  groupByAuthor(await getPapers(), (await getPeopleIndex()).resolve),
);

/** Author name (the person's name for any of their spellings) → author page slug. */
export const getAuthorSlugs = once(
  async () => new Map((await getAuthors()).map((author) => [author.name, author.slug])),
);

/** The groups of every list facet (categories, types, keywords, years). */
export const getFacets = once(async (): Promise<Record<Exclude<Facet, 'authors'>, FacetGroup[]>> => {
  const papers = await getPapers();
  return {
    categories: groupByCategory(papers),
    types: groupByType(papers),
    keywords: groupByKeyword(papers),
    years: groupByYear(papers),
  };
});

/** Every facet group, for the routes that render one page, feed or export per group. */
export const getFacetGroups = once(async (): Promise<FacetGroup[]> => Object.values(await getFacets()).flat());

/** Previous/next and related papers of every paper. */
export const getPaperLinks = once(
  async (): Promise<{ neighbours: Map<string, Neighbours>; related: Map<string, Paper[]> }> => {
    const papers = await getPapers();
    const { resolve } = await getPeopleIndex();
    return { neighbours: findNeighbours(papers), related: findRelatedPapers(papers, undefined, resolve) };
  },
);

/** A root-relative link to a site path, with the deploy base path. */
export function link(path: string): string {
  return withBase(siteConfig.base, path);
}

/** The absolute URL of a site path (feeds, canonical links, citation metadata). */
export function absoluteUrl(path: string): string {
  return toAbsoluteUrl(siteConfig.url, withBase(siteConfig.base, path));
}

/** The absolute URL of a paper's page. */
export function paperUrl(paper: Pick<Paper, 'id'>): string {
  return absoluteUrl(routes.paper(paper.id));
}

/**
 * The author keys the site emphasises in author lists (after aliases resolve): its owner on a personal site, every
 * member of the people collection on a lab site.
 */
export const getHighlightedNames = once(async (): Promise<Set<string>> =>
  findHighlightedNames(await getPeopleIndex(), siteConfig.mode, siteConfig.profile.name),
);

/** Every paper in every export format, formatted once (and left for the export files written after the build). */
export const getExports = once(async () => {
  const stamp = stampSnapshot(cacheDir);
  const exports = buildExports(await getPapers(), siteConfig.exports.bibtex);
  if (import.meta.env.PROD) shareExports(stamp, exports);
  return exports;
});

/** How feeds are written on this site. */
export function getFeedContext(): FeedContext {
  return {
    absoluteUrl,
    link,
    language: siteConfig.language,
    items: siteConfig.feeds.items,
    paperUrl,
    stylesheetPath: routes.feedStylesheet(),
  };
}

/**
 * The CSL item citeproc formats: the paper's bibliographic record; a truncated author list ends in {literal:
 * "others"}, as BibTeX's "and others" reaches CSL (styles show it as "others" or shorten the list to "et al.").
 */
function toCitationItem(paper: Paper): CslItem {
  // The exported CSL-JSON item (an arXiv preprint's number included), without the site's own `custom` data.
  const { custom: _custom, ...item } = toCslJson(paper);
  for (const [variable, truncated] of Object.entries(paper.site.truncated)) {
    if (truncated && Array.isArray(item[variable]))
      item[variable] = [...(item[variable] as unknown[]), { literal: 'others' }];
  }
  return item;
}

/** A paper's formatted citations, one per configured style, in the config's order. */
export interface FormattedCitation {
  id: string;
  label: string;
  html: string;
}

/**
 * Every paper's formatted citation in every configured style, by citeproc-js: formatted once per build, on worker
 * threads when cold, from the cache in Astro's cache folder for papers that did not change.
 */
export const getCitationStyles = once(async (): Promise<Map<string, FormattedCitation[]>> => {
  const papers = await getPapers();
  const { styles, locale } = siteConfig.citations;
  const formatter = createCitationFormatter({
    styles,
    locale,
    cacheDir: join(cacheDir, 'bibshelf-citations'),
    root: process.cwd(),
    context: 'site config citations.',
  });
  try {
    const formatted = await formatter.format(papers.map(toCitationItem));
    return new Map(
      papers.map((paper) => [
        paper.id,
        styles.map((style) => ({ ...style, html: sanitizeCitationHtml(formatted.get(paper.key)![style.id]) })),
      ]),
    );
  } finally {
    await formatter.close();
    settleCitations();
  }
});
