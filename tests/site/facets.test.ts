// The facets of the bibliography: categories, types, keywords and years, each a group with a slug, a label and a name.
import { describe, expect, it } from 'vitest';
import { UNDATED_SLUG, groupByCategory, groupByKeyword, groupByType, groupByYear } from '../../src/site/facets';
import { makePapers } from '../helpers/model';

const papers = await makePapers([
  {
    file: 'a.md',
    frontMatter: { type: 'article', title: 'A', date: '2024-05', category: 'LG', keywords: ['Sparse Autoencoders'] },
  },
  {
    file: 'b.md',
    frontMatter: {
      type: 'article-journal',
      title: 'B',
      date: '2024',
      category: 'cs.CL',
      keywords: ['sparse autoencoders', 'Ünïcode'],
    },
  },
  { file: 'c.md', frontMatter: { type: 'book', title: 'C', date: '2021-01-02', category: 'hep-th' } },
  { file: 'd.md', frontMatter: { type: 'article', title: 'D' } },
  { file: 'e.md', frontMatter: { type: 'thesis', title: 'E', date: '1999', category: 'CL', keywords: ['attention'] } },
]);
const summary = (groups: ReturnType<typeof groupByYear>) =>
  groups.map((group) => [group.slug, group.label, group.name, group.papers.map((paper) => paper.id)]);

describe('facets', () => {
  it('come from papers newest first, undated last', () => {
    expect(papers.map((paper) => paper.id)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('group by category, in the alphabetical order of their badges, with arXiv names', () => {
    expect(summary(groupByCategory(papers))).toEqual([
      ['cl', 'CL', 'Computation and Language (cs.CL)', ['b', 'e']],
      ['hep-th', 'hep-th', 'High Energy Physics - Theory (hep-th)', ['c']],
      ['lg', 'LG', 'Machine Learning (cs.LG)', ['a']],
    ]);
    expect(groupByCategory(papers).every((group) => group.facet === 'categories')).toBe(true);
  });

  it('group by type, in the type table’s order, named by the plural label', () => {
    expect(summary(groupByType(papers))).toEqual([
      ['journal-articles', 'Journal articles', 'Journal articles', ['b']],
      ['preprints', 'Preprints', 'Preprints', ['a', 'd']],
      ['books', 'Books', 'Books', ['c']],
      ['theses', 'Theses', 'Theses', ['e']],
    ]);
  });

  it('group by keyword case-insensitively, the first spelling naming the group', () => {
    expect(summary(groupByKeyword(papers))).toEqual([
      ['attention', 'attention', 'attention', ['e']],
      ['sparse-autoencoders', 'Sparse Autoencoders', 'Sparse Autoencoders', ['a', 'b']],
      ['unicode', 'Ünïcode', 'Ünïcode', ['b']],
    ]);
  });

  it('group by year, newest first, undated works last in their own group', () => {
    expect(summary(groupByYear(papers))).toEqual([
      ['2024', '2024', 'Papers of 2024', ['a', 'b']],
      ['2021', '2021', 'Papers of 2021', ['c']],
      ['1999', '1999', 'Papers of 1999', ['e']],
      [UNDATED_SLUG, 'Undated', 'Undated works', ['d']],
    ]);
    expect(groupByYear([])).toEqual([]);
  });
});
