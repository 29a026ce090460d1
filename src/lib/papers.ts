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
import { parseProfile, type Profile } from './profile';

let papersPromise: Promise<Paper[]> | undefined;
let authorsPromise: Promise<AuthorGroup[]> | undefined;
let categoriesPromise: Promise<CategoryGroup[]> | undefined;

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

/** The site's profile (name and figures), validated. */
export function getProfile(): Profile {
  return parseProfile(profileData);
}
