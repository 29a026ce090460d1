// Authors as the site groups them: one author page per name (as displayed, Unicode-normalised), with a stable slug.

import { formatDisplayName, type Name } from '../domain/names';
import { toPersonKey, type PeopleIndex } from '../domain/people';
import type { Paper } from '../domain/paper';
import { compareText } from '../domain/text';

/** An author with a unique URL slug and their papers (newest first). */
export interface AuthorGroup {
  /** The name as shown. */
  name: string;
  slug: string;
  /** True when the name is an organisation ({literal}). */
  organisation: boolean;
  papers: Paper[];
}

// Long enough for any real name, short enough that `authors/<slug>/rss.xml` stays far below file-name limits, which
// count bytes (255 on most file systems): a slug of letters four UTF-8 bytes long (CJK Extension B) is cut sooner.
const MAX_SLUG_LENGTH = 80;
const MAX_SLUG_BYTES = 160;

/** How many bytes a code point takes in UTF-8. */
const countUtf8Bytes = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** The longest prefix of a slug within both limits (whole code points). */
function capSlug(slug: string): string {
  let bytes = 0;
  let chars = 0;
  let end = 0;
  for (const char of slug) {
    bytes += countUtf8Bytes(char.codePointAt(0)!);
    if (++chars > MAX_SLUG_LENGTH || bytes > MAX_SLUG_BYTES) break;
    end += char.length;
  }
  return slug.slice(0, end);
}

/** A URL-safe slug for a name: lowercase ASCII where the name has a Latin form (`lukasz-cwik`), other scripts kept (`张三`). */
export function slugifyName(name: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[đĐ]/g, 'd');
  const slug = latin
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = capSlug(slug).replace(/-+$/, '');
  return short || 'author';
}

/** The key that identifies an author across papers: the displayed name, NFC (José typed either way is one person). */
export function getAuthorKey(name: Name): string {
  return formatDisplayName(name).normalize('NFC');
}

/**
 * Groups papers by author, keeping the order papers come in (pass them sorted). Distinct names that slugify alike get
 * `-2`, `-3`… in order of first appearance, so every author has one stable, unique slug. `alias` maps a name to the
 * name of the person it belongs to (people with several spellings).
 */
export function groupByAuthor(papers: readonly Paper[], alias: (key: string) => string = (key) => key): AuthorGroup[] {
  const byKey = new Map<string, AuthorGroup>();
  const taken = new Set<string>();
  for (const paper of papers) {
    for (const name of paper.names.author ?? []) {
      const key = alias(getAuthorKey(name));
      let group = byKey.get(key);
      if (!group) {
        const stem = slugifyName(key);
        let slug = stem;
        for (let n = 2; taken.has(slug); n++) slug = `${stem}-${n}`;
        taken.add(slug);
        group = { name: key, slug, organisation: 'literal' in name, papers: [] };
        byKey.set(key, group);
      }
      if (group.papers.at(-1) !== paper) group.papers.push(paper);
    }
  }
  return [...byKey.values()];
}

/** Authors with the most papers first; equal counts in alphabetical order of name. */
export function sortAuthorsByPaperCount(authors: readonly AuthorGroup[]): AuthorGroup[] {
  return [...authors].sort((a, b) => b.papers.length - a.papers.length || compareText(a.name, b.name));
}

/** The names every author list highlights: a lab's members, or the profile owner (as the people index resolves them). */
export function findHighlightedNames(people: PeopleIndex, mode: 'person' | 'lab', ownerName: string): Set<string> {
  if (mode === 'lab') return new Set(people.members.map((member) => toPersonKey(member.person.name)));
  let owner = ownerName.normalize('NFC');
  try {
    owner = toPersonKey(ownerName);
  } catch {
    // A profile name that is no person's name (an organisation with commas) is matched as written.
  }
  return new Set([people.resolve(owner)]);
}

/**
 * Whether an author's list is written as export files: the site's own people (the owner, the people folder). A
 * co-author's page joins the papers' own files in the browser instead: at thousands of co-authors, their files would
 * repeat every paper's entry once per author and make up most of the output.
 */
export function hasListExportFiles(
  author: AuthorGroup,
  people: PeopleIndex,
  highlighted: ReadonlySet<string>,
): boolean {
  return highlighted.has(author.name) || people.find(author.name) !== undefined;
}
