import { describe, expect, it } from 'vitest';
import {
  formatAuthorList,
  formatDate,
  formatIsoDate,
  groupByAuthor,
  groupByCategory,
  sortAuthorsByPaperCount,
  sortPapers,
  toPaper,
  type Paper,
} from '../src/lib/paper';
import { paperSchema } from '../src/lib/schema';

function makePaper(id: string, date: string, title = id): Paper {
  return toPaper({
    id,
    data: paperSchema.parse({ title, authors: ['A B'], date, category: 'CL' }),
    body: 'Body *text*.',
    html: '<p>Body <em>text</em>.</p>',
  });
}

describe('toPaper', () => {
  it('derives year, category name and plain-text abstract', () => {
    const paper = makePaper('x', '2022-11-28');
    expect(paper.year).toBe(2022);
    expect(paper.categoryName).toBe('Computation and Language');
    expect(paper.abstractText).toBe('Body text.');
    expect(paper.abstract).toBe('Body *text*.');
    expect(paper.filePath).toBe('x.md');
  });
});

describe('sortPapers', () => {
  it('puts the newest first, ties by title then id, without mutating', () => {
    const input = [
      makePaper('a', '2021-01-01'),
      makePaper('c', '2024-01-01', 'Zeta'),
      makePaper('b', '2024-01-01', 'Alpha'),
    ];
    expect(sortPapers(input).map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(input.map((p) => p.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('formatting', () => {
  it('formats dates in UTC as the seed does', () => {
    const date = new Date('2022-11-28T00:00:00Z');
    expect(formatDate(date)).toBe('Nov 28, 2022');
    expect(formatIsoDate(date)).toBe('2022-11-28');
  });
  it('lists three authors and et al.', () => {
    expect(formatAuthorList(['A', 'B', 'C'], true)).toBe('A, B, C et al.');
    expect(formatAuthorList(['A', 'B'], false)).toBe('A, B');
    expect(formatAuthorList(['A', 'B', 'C', 'D'], false)).toBe('A, B, C et al.');
  });
});

describe('grouping', () => {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '-');
  const make = (id: string, authors: string[], category = 'CL', date = '2024-01-01') =>
    toPaper({ id, data: paperSchema.parse({ title: id, authors, date, category }), body: '' });

  it('groups by author with unique slugs, keeping paper order', () => {
    const papers = [
      make('p1', ['Ann Lee', 'Bo Li'], 'CL'),
      make('p2', ['Ann Lee', 'Ann-Lee'], 'LG'),
      make('p3', ['Bo Li', 'Bo Li'], 'CV'),
    ];
    const groups = groupByAuthor(papers, slug);
    expect(groups.map((g) => [g.name, g.slug, g.papers.map((p) => p.id)])).toEqual([
      ['Ann Lee', 'ann-lee', ['p1', 'p2']],
      ['Bo Li', 'bo-li', ['p1', 'p3']],
      ['Ann-Lee', 'ann-lee-2', ['p2']],
    ]);
  });

  it('sorts authors by paper count, then name, without mutating', () => {
    const papers = [make('p1', ['Zoe', 'Bo']), make('p2', ['Ann', 'Bo']), make('p3', ['Émile'])];
    const groups = groupByAuthor(papers, slug);
    expect(sortAuthorsByPaperCount(groups).map((g) => g.name)).toEqual(['Bo', 'Ann', 'Émile', 'Zoe']);
    expect(groups.map((g) => g.name)).toEqual(['Zoe', 'Bo', 'Ann', 'Émile']);
  });

  it('groups by category in code order', () => {
    const papers = [make('a', ['X'], 'LG'), make('b', ['X'], 'CL'), make('c', ['X'], 'LG')];
    expect(groupByCategory(papers).map((g) => [g.code, g.name, g.papers.length])).toEqual([
      ['CL', 'Computation and Language', 1],
      ['LG', 'Machine Learning', 2],
    ]);
  });
});
