import type { Paper } from '../domain/paper';
import { getAuthorKey } from './authors';

/** A paper's neighbours in the site's newest-first order. */
export interface Neighbours {
  /** The next newer paper. */
  newer?: Paper;
  /** The next older paper. */
  older?: Paper;
}

/** Previous/next links for every paper of a newest-first list, computed once. */
export function findNeighbours(papers: readonly Paper[]): Map<string, Neighbours> {
  return new Map(papers.map((paper, index) => [paper.id, { newer: papers[index - 1], older: papers[index + 1] }]));
}

/**
 * The `limit` most related papers for every paper: each shared author scores 3, the same category (or, without
 * one, the same type) 1; ties go to
 * the paper closest in date. Papers are indexed by author, and a paper whose only link is its category draws from
 * that category's papers nearest in the list, so the work stays near-linear for large bibliographies. `alias` maps
 * an author key to the person it belongs to (people with several spellings).
 */
export function findRelatedPapers(
  papers: readonly Paper[],
  limit = 5,
  alias: (key: string) => string = (key) => key,
): Map<string, Paper[]> {
  const byAuthor = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const authorsOf = papers.map((paper) => [
    ...new Set((paper.names.author ?? []).map((name) => alias(getAuthorKey(name)))),
  ]);
  const groupOf = papers.map((paper) => paper.site.category?.code ?? `type:${paper.type.csl}`);
  papers.forEach((_, index) => {
    for (const author of authorsOf[index]) append(byAuthor, author, index);
    append(byCategory, groupOf[index], index);
  });
  const result = new Map<string, Paper[]>();
  papers.forEach((paper, index) => {
    const scores = new Map<number, number>();
    for (const author of authorsOf[index]) {
      const shared = byAuthor.get(author)!;
      // Prolific authors: only their papers nearest in the list matter for the top few.
      for (const other of nearest(shared, index, limit * 4)) {
        if (other !== index) scores.set(other, (scores.get(other) ?? 0) + 3);
      }
    }
    for (const other of nearest(byCategory.get(groupOf[index])!, index, limit * 2)) {
      if (other !== index) scores.set(other, (scores.get(other) ?? 0) + 1);
    }
    const ranked = [...scores.entries()]
      .map(([other, score]) => ({ other, score }))
      .sort((a, b) => b.score - a.score || Math.abs(a.other - index) - Math.abs(b.other - index) || a.other - b.other)
      .slice(0, limit)
      .map(({ other }) => papers[other]);
    result.set(paper.id, ranked);
  });
  return result;
}

/** Up to `count` entries of a sorted index list closest to `index` (by position in the paper list). */
function nearest(indices: readonly number[], index: number, count: number): number[] {
  if (indices.length <= count) return [...indices];
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (indices[mid] < index) low = mid + 1;
    else high = mid;
  }
  const start = Math.max(0, Math.min(low - Math.floor(count / 2), indices.length - count));
  return indices.slice(start, start + count);
}

/** Adds a value to the list under a key. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
