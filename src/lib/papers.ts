import { getCollection } from 'astro:content';
import profileData from '../data/profile.json';
import { slugifyAuthor } from './authors';
import {
  groupByAuthor,
  groupByCategory,
  sortPapers,
  toPaper,
  type AuthorGroup,
  type CategoryGroup,
  type Paper,
} from './paper';
import { buildCitations, type PaperCitations } from './citations';
import { parseProfile, type Profile } from './profile';
import { findNeighbours, findRelatedPapers, type Neighbours } from './related';
import { paperPath, toAbsoluteUrl, withBase } from './urls';

let papersPromise: Promise<Paper[]> | undefined;
let authorsPromise: Promise<AuthorGroup[]> | undefined;
let categoriesPromise: Promise<CategoryGroup[]> | undefined;
let linksPromise: Promise<{ neighbours: Map<string, Neighbours>; related: Map<string, Paper[]> }> | undefined;
let authorSlugsPromise: Promise<Map<string, string>> | undefined;
let citationsPromise: Promise<Map<string, PaperCitations>> | undefined;

/** Every paper, newest first. Loaded and sorted once per build; every page, feed and export uses this. */
export function getPapers(): Promise<Paper[]> {
  papersPromise ??= getCollection('papers').then((entries) =>
    sortPapers(
      entries.map((entry) =>
        toPaper({
          id: entry.id,
          filePath: entry.filePath,
          data: entry.data,
          body: entry.body,
          html: entry.rendered?.html,
        }),
      ),
    ),
  );
  return papersPromise;
}

/** Every author with a unique slug and their papers, grouped once per build. */
export function getAuthors(): Promise<AuthorGroup[]> {
  authorsPromise ??= getPapers().then((papers) => groupByAuthor(papers, slugifyAuthor));
  return authorsPromise;
}

/** Every category that has papers, grouped once per build. */
export function getCategories(): Promise<CategoryGroup[]> {
  categoriesPromise ??= getPapers().then(groupByCategory);
  return categoriesPromise;
}

/** Previous/next and related papers of every paper, computed once per build. */
export function getPaperLinks(): Promise<{ neighbours: Map<string, Neighbours>; related: Map<string, Paper[]> }> {
  linksPromise ??= getPapers().then((papers) => ({
    neighbours: findNeighbours(papers),
    related: findRelatedPapers(papers),
  }));
  return linksPromise;
}

/** Author name → unique page slug, for linking author names (built once per build). */
export function getAuthorSlugs(): Promise<Map<string, string>> {
  authorSlugsPromise ??= getAuthors().then((authors) => new Map(authors.map((author) => [author.name, author.slug])));
  return authorSlugsPromise;
}

/** Papers grouped by year, newest year first. */
export async function getYears(): Promise<{ year: number; papers: Paper[] }[]> {
  const years = new Map<number, Paper[]>();
  for (const paper of await getPapers()) {
    const list = years.get(paper.year);
    if (list) list.push(paper);
    else years.set(paper.year, [paper]);
  }
  return [...years.entries()].map(([year, papers]) => ({ year, papers }));
}

/** Every paper's citation key, BibTeX, RIS, CSL-JSON and formatted styles, formatted once per build. */
export function getCitations(): Promise<Map<string, PaperCitations>> {
  citationsPromise ??= getPapers().then((papers) =>
    buildCitations(papers, (paper) => getAbsoluteUrl(paperPath(paper.id))),
  );
  return citationsPromise;
}

/** The citations of one paper (throws if the id is unknown). */
export async function getPaperCitations(id: string): Promise<PaperCitations> {
  const citations = (await getCitations()).get(id);
  if (!citations) throw new Error(`No citations for paper "${id}"`);
  return citations;
}

/** The absolute URL of a site path, with the deploy base path (e.g. `https://x.org/bib/papers/a/`). */
export function getAbsoluteUrl(path: string): string {
  return toAbsoluteUrl(import.meta.env.SITE ?? 'http://localhost/', withBase(import.meta.env.BASE_URL, path));
}

let profile: Profile | undefined;

/** The site's profile (name and figures), validated once per build. */
export function getProfile(): Profile {
  profile ??= parseProfile(profileData);
  return profile;
}
