import { foldToAscii, splitName } from './names';
import type { Paper } from './paper';
import { compareText } from './text';

const STOP_WORDS = new Set(
  'a an the of on in for to and or with from by at as via is are be towards toward into using do does what how why when can we our'.split(
    ' ',
  ),
);

/** The readable base of a citation key: first author's family name, year, first significant title word. */
export function makeBaseKey(paper: Pick<Paper, 'authors' | 'year' | 'title'>): string {
  const first = paper.authors[0] ? splitName(paper.authors[0]) : { literal: '' };
  const family = foldToAscii('family' in first ? first.family : first.literal.split(' ')[0]) || 'anon';
  const word =
    paper.title
      .split(/[\s\-–—:/]+/)
      .map(foldToAscii)
      .find((candidate) => candidate.length > 0 && !STOP_WORDS.has(candidate)) ?? '';
  return `${family}${paper.year}${word}`;
}

/** Thrown when two files set the same `citationKey` override. */
export class DuplicateCitationKeyError extends Error {}

/**
 * Assigns every paper a unique, ASCII citation key. A front-matter `citationKey` wins (two equal overrides are an
 * error naming both files). Generated keys that collide get `a`, `b`, … suffixes in date order (oldest first,
 * then id), so adding a newer paper never renames the keys of existing ones.
 */
export function assignCitationKeys(papers: readonly Paper[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Map<string, Paper>();
  for (const paper of papers) {
    if (!paper.citationKey) continue;
    const owner = taken.get(paper.citationKey.toLowerCase());
    if (owner) {
      throw new DuplicateCitationKeyError(
        `Invalid paper file ${paper.filePath}\n  citationKey: "${paper.citationKey}" is already used by ${owner.filePath}; citation keys must be unique`,
      );
    }
    taken.set(paper.citationKey.toLowerCase(), paper);
    keys.set(paper.id, paper.citationKey);
  }
  const oldestFirst = papers
    .filter((paper) => !paper.citationKey)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || compareText(a.id, b.id));
  const groups = new Map<string, Paper[]>();
  for (const paper of oldestFirst) {
    const base = makeBaseKey(paper);
    groups.set(base, [...(groups.get(base) ?? []), paper]);
  }
  for (const [base, group] of groups) {
    group.forEach((paper, index) => {
      let key = index === 0 ? base : `${base}${suffix(index)}`;
      for (let n = index; taken.has(key.toLowerCase()); n++) key = `${base}${suffix(n + 1)}`;
      taken.set(key.toLowerCase(), paper);
      keys.set(paper.id, key);
    });
  }
  return keys;
}

/** b, c, …, z, ba, bb… (the first paper of a group keeps the bare key, as if it were `a`). */
function suffix(index: number): string {
  let result = '';
  let n = index;
  do {
    result = String.fromCharCode(97 + (n % 26)) + result;
    n = Math.floor(n / 26);
  } while (n > 0);
  return result;
}
