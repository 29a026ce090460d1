import { describe, expect, it } from 'vitest';
import { digestItem, formatCitationStyles } from '../src/lib/citation-styles';
import { toCslItem } from '../src/lib/csl';
import { makePaper } from './helpers/papers';

const paper = (id: string, fields = {}) => {
  const p = makePaper(id, {
    title: `Paper ${id}`,
    authors: ['Zhengfu He', 'Tianxiang Sun', 'Kuanning Wang'],
    date: '2022-11-28',
    ...fields,
  });
  return { item: toCslItem(p, `key${id}`, `https://x.org/papers/${id}/`), truncated: p.authorsTruncated };
};

describe('formatCitationStyles', () => {
  it('formats APA without year suffixes and marks truncated lists with et al.', () => {
    const styles = formatCitationStyles([paper('a'), paper('b', { authorsTruncated: true })]);
    expect(styles.get('keya')!.apa).toBe(
      'He, Z., Sun, T., &#38; Wang, K. (2022). <i>Paper a</i>. https://x.org/papers/a/',
    );
    expect(styles.get('keyb')!.apa).toMatch(/^He, Z., Sun, T., Wang, K., et al\. \(2022\)\./);
    expect(styles.get('keyb')!.vancouver).toMatch(/^He Z, Sun T, Wang K, et al\. Paper b \[Internet\]\. 2022\./);
  });

  it('reuses cached results and keeps only the current items for the next build', () => {
    const a = paper('a');
    const b = paper('b');
    const cached = { apa: 'CACHED', vancouver: 'CACHED' };
    const next = {};
    const styles = formatCitationStyles([a, b], { [digestItem(a.item, false)]: cached, stale: cached }, next);
    expect(styles.get('keya')).toBe(cached);
    expect(styles.get('keyb')!.apa).toMatch(/Paper b/);
    expect(Object.keys(next).sort()).toEqual([digestItem(a.item, false), digestItem(b.item, false)].sort());
  });

  it('formats again when the paper changes', () => {
    expect(digestItem(paper('a').item, false)).not.toBe(digestItem(paper('a', { title: 'Changed' }).item, false));
  });
});
