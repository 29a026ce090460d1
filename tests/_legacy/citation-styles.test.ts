import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, formatCitationStyles } from '../src/lib/citation-styles';
import { toCslItem } from '../src/lib/csl';
import { formatWithCiteproc } from './helpers/citeproc';
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

  it('gives every item every style', () => {
    const styles = formatCitationStyles([paper('a'), paper('b')]);
    expect([...styles.keys()]).toEqual(['keya', 'keyb']);
    for (const formatted of styles.values()) {
      expect(Object.keys(formatted)).toEqual(CITATION_STYLES.map((style) => style.id));
    }
  });

  it('formats what citeproc formatted, even for papers of the same authors and year', () => {
    // citeproc disambiguated across a batch; the styles here must not (no "2022a"), so a batch is compared too.
    const entries = [
      paper('a'),
      paper('b', { title: 'Paper a' }),
      paper('c', { authorsTruncated: true, venue: 'Proceedings of the ACL', doi: '10.1234/x' }),
      paper('d', { arxiv: '2211.15029', authors: ['Zhengfu He'] }),
    ];
    const oracle = formatWithCiteproc(entries);
    const styles = formatCitationStyles(entries);
    for (const { item } of entries) expect(styles.get(item.id)).toEqual(oracle.get(item.id));
  });
});
