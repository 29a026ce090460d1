import { getCollection } from 'astro:content';
import { toPaper, sortPapers, type Paper } from './paper';
import profileData from '../data/profile.json';
import { parseProfile, type Profile } from './profile';

let papersPromise: Promise<Paper[]> | undefined;

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

/** The site's profile (name and figures), validated. */
export function getProfile(): Profile {
  return parseProfile(profileData);
}
