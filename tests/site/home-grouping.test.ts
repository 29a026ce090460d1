import { describe, expect, it } from 'vitest';
import { groupByKeyword } from '../../src/site/facets';
import { chooseGrouping, filterAttributes, findSelected, pickKeywordChips } from '../../src/site/home';
import { makePapers } from '../helpers/model';

describe('grouping of list pages', () => {
  it('drops the dimension a page already fixes', () => {
    const table = (['year', 'type', 'type-year'] as const).map((by) => [
      by,
      chooseGrouping(by),
      chooseGrouping(by, 'years'),
      chooseGrouping(by, 'types'),
      chooseGrouping(by, 'categories'),
      chooseGrouping(by, 'authors'),
    ]);
    expect(table).toEqual([
      ['year', 'year', undefined, 'year', 'year', 'year'],
      ['type', 'type', 'type', undefined, 'type', 'type'],
      ['type-year', 'type-year', 'type', 'year', 'type-year', 'type-year'],
    ]);
  });
});

describe('chips and selected papers', async () => {
  const papers = await makePapers([
    { frontMatter: { title: 'A', authors: ['X'], date: '2024', keywords: ['Beta', 'alpha'], selected: true } },
    { frontMatter: { title: 'B', authors: ['X'], date: '2023', keywords: ['beta', 'gamma'], category: 'cs.CL' } },
    { frontMatter: { title: 'C', type: 'thesis', authors: ['X'], date: '2022', keywords: ['delta'], selected: true } },
  ]);

  it('offers the most used keywords first, ties alphabetically, at most the limit', () => {
    expect(pickKeywordChips(groupByKeyword(papers), 3).map((group) => `${group.label} ${group.papers.length}`)).toEqual(
      ['Beta 2', 'alpha 1', 'delta 1'],
    );
  });

  it('gives list items the slugs the chips filter on', () => {
    expect(papers.map(filterAttributes)).toEqual([
      { 'data-category': '', 'data-type': 'preprints', 'data-keywords': 'beta alpha' },
      { 'data-category': 'CL', 'data-type': 'preprints', 'data-keywords': 'beta gamma' },
      { 'data-category': '', 'data-type': 'theses', 'data-keywords': 'delta' },
    ]);
  });

  it('finds the selected papers in list order', () => {
    expect(findSelected(papers).map((paper) => paper.csl.title)).toEqual(['A', 'C']);
  });
});
