// How the home page (and every list page) groups papers, and how a long list is cut to stay small.
import { describe, expect, it } from 'vitest';
import { findSelected, groupPapers, planListing, type ListGroup } from '../../src/site/home';
import { makePapers } from '../helpers/model';

const papers = await makePapers([
  { file: 'a.md', frontMatter: { type: 'article', title: 'A', date: '2024-05-01', selected: true } },
  { file: 'b.md', frontMatter: { type: 'book', title: 'B', date: '2024' } },
  { file: 'c.md', frontMatter: { type: 'article', title: 'C', date: '2022-01-01', selected: true } },
  { file: 'd.md', frontMatter: { type: 'book', title: 'D' } },
]);
const shape = (groups: ListGroup[]): unknown =>
  groups.map((group) => ({
    anchor: group.anchor,
    heading: group.heading,
    papers: group.papers.map((paper) => paper.id),
    ...(group.children ? { children: shape(group.children) } : {}),
  }));

describe('groupPapers', () => {
  it('by year: newest first, undated last', () => {
    expect(shape(groupPapers(papers, 'year'))).toEqual([
      { anchor: 'year-2024', heading: '2024', papers: ['a', 'b'] },
      { anchor: 'year-2022', heading: '2022', papers: ['c'] },
      { anchor: 'year-undated', heading: 'Undated', papers: ['d'] },
    ]);
  });

  it('by type, in the type table’s order', () => {
    expect(shape(groupPapers(papers, 'type'))).toEqual([
      { anchor: 'type-preprints', heading: 'Preprints', papers: ['a', 'c'] },
      { anchor: 'type-books', heading: 'Books', papers: ['b', 'd'] },
    ]);
  });

  it('by type, then year inside each type', () => {
    expect(shape(groupPapers(papers, 'type-year'))).toEqual([
      {
        anchor: 'type-preprints',
        heading: 'Preprints',
        papers: ['a', 'c'],
        children: [
          { anchor: 'type-preprints-2024', heading: '2024', papers: ['a'] },
          { anchor: 'type-preprints-2022', heading: '2022', papers: ['c'] },
        ],
      },
      {
        anchor: 'type-books',
        heading: 'Books',
        papers: ['b', 'd'],
        children: [
          { anchor: 'type-books-2024', heading: '2024', papers: ['b'] },
          { anchor: 'type-books-undated', heading: 'Undated', papers: ['d'] },
        ],
      },
    ]);
  });

  it('keeps each group’s facet, for its page, feed and exports', () => {
    const [year] = groupPapers(papers, 'year');
    expect([year.facet.facet, year.facet.slug]).toEqual(['years', '2024']);
  });
});

describe('planListing', () => {
  const groups = (sizes: number[]) =>
    sizes.map((size, index) => ({ ...groupPapers(papers, 'year')[0], anchor: `g${index}`, papers: Array(size) }));
  const listed = (sizes: number[], limit: number) => planListing(groups(sizes), limit).map((group) => group.listed);

  it('lists every group of a small bibliography', () => {
    expect(listed([3, 5, 2], 300)).toEqual([true, true, true]);
  });

  it('lists the newest groups up to the limit and only links the rest', () => {
    expect(listed([200, 90, 50, 10], 300)).toEqual([true, true, false, false]);
  });

  it('always lists the first group, even above the limit', () => {
    expect(listed([700, 10], 300)).toEqual([true, false]);
  });
});

describe('findSelected', () => {
  it('gives the selected papers in list order', () => {
    expect(findSelected(papers).map((paper) => paper.id)).toEqual(['a', 'c']);
  });
});
