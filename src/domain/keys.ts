import type { CslDate } from './csl';
import { compareDates } from './dates';
import { NAME_FIELD_SPECS } from './fields';
import { getKeyName, type Name } from './names';
import type { PaperData } from './schema';
import { compareText } from './text';

const STOP_WORDS = new Set(
  'a an the of on in for to and or with from by at as via is are be towards toward into using do does what how why when can we our'.split(
    ' ',
  ),
);

/** Folds a string to plain ASCII letters and digits (diacritics removed, other scripts dropped), lowercased. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** What a citation key is made of. */
export interface KeyedEntry {
  id: string;
  file: string;
  data: PaperData;
}

/**
 * The readable base of a generated key: the first name's family name (author, else editor or any other role),
 * the year (`nd` when undated), and the first significant title word: `he2022diffusionbert`.
 */
export function makeBaseKey(data: PaperData): string {
  const first = NAME_FIELD_SPECS.map((field) => (data[field.key] as Name[] | undefined)?.[0]).find(Boolean);
  const family = (first && foldToAscii(getKeyName(first))) || 'anon';
  const date = data.date as CslDate | undefined;
  const year = date ? String(date['date-parts'][0][0]) : 'nd';
  const title = typeof data.title === 'string' ? data.title : '';
  const word =
    title
      .split(/[\s\-–—:/]+/)
      .map(foldToAscii)
      .find((candidate) => candidate.length > 0 && !STOP_WORDS.has(candidate)) ?? '';
  return `${family}${year}${word}`;
}

/** Thrown when two files set the same `citationKey`. */
export class DuplicateCitationKeyError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly owner: string,
  ) {
    super(
      `Invalid paper file ${file}\n  citationKey: "${key}" is already used by ${owner}; citation keys must be unique`,
    );
  }
}

/** b, c, …, z, ba, bb… (the first paper of a group keeps the bare key, as if it were `a`). */
function formatKeySuffix(index: number): string {
  let result = '';
  let n = index;
  do {
    result = String.fromCharCode(97 + (n % 26)) + result;
    n = Math.floor(n / 26);
  } while (n > 0);
  return result;
}

/**
 * The first of `base`, `base`b, `base`c, … from the `first`-th (0 is `base` itself) that `isTaken` (given the key in
 * lowercase, as biber compares keys) does not refuse.
 */
export function findFreeKey(base: string, isTaken: (lowercase: string) => boolean, first = 0): string {
  for (let n = first; ; n++) {
    const key = n === 0 ? base : `${base}${formatKeySuffix(n)}`;
    if (!isTaken(key.toLowerCase())) return key;
  }
}

/**
 * Assigns every paper a unique citation key (case-insensitively unique, as biber compares them). A front-matter
 * `citationKey` is kept as written; two equal ones are an error naming both files. Generated keys that collide get
 * `b`, `c`, … in date order (oldest first, then id), so adding a newer paper never renames an existing key.
 */
export function assignCitationKeys(entries: readonly KeyedEntry[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const entry of entries) {
    const own = entry.data.citationKey;
    if (typeof own !== 'string') continue;
    const owner = taken.get(own.toLowerCase());
    if (owner !== undefined) throw new DuplicateCitationKeyError(entry.file, own, owner);
    taken.set(own.toLowerCase(), entry.file);
    keys.set(entry.id, own);
  }
  const oldestFirst = entries
    .filter((entry) => typeof entry.data.citationKey !== 'string')
    .sort(
      (a, b) =>
        compareDates(a.data.date as CslDate | undefined, b.data.date as CslDate | undefined) || compareText(a.id, b.id),
    );
  const groups = new Map<string, KeyedEntry[]>();
  for (const entry of oldestFirst) {
    const base = makeBaseKey(entry.data);
    groups.set(base, [...(groups.get(base) ?? []), entry]);
  }
  for (const [base, group] of groups) {
    group.forEach((entry, index) => {
      const key = findFreeKey(base, (lowercase) => taken.has(lowercase), index);
      taken.set(key.toLowerCase(), entry.file);
      keys.set(entry.id, key);
    });
  }
  return keys;
}
