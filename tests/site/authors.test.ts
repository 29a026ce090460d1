// Authors as the site groups them: one page per displayed name, with a stable, unique slug.
import { describe, expect, it } from 'vitest';
import { getAuthorKey, groupByAuthor, slugifyName, sortAuthorsByPaperCount } from '../../src/site/authors';
import { makePapers } from '../helpers/model';

describe('slugifyName', () => {
  it('makes readable ASCII slugs from Latin names', () => {
    expect(slugifyName('Zhengfu He')).toBe('zhengfu-he');
    expect(slugifyName('Łukasz Ćwik')).toBe('lukasz-cwik');
    expect(slugifyName('Nex-AGI Team')).toBe('nex-agi-team');
    expect(slugifyName("Jean-Luc O'Neil Jr.")).toBe('jean-luc-o-neil-jr');
    expect(slugifyName('Søren Ødegaard Straße')).toBe('soren-odegaard-strasse');
  });

  it('keeps letters of other scripts, never returns an empty slug, and stays short', () => {
    expect(slugifyName('张三')).toBe('张三');
    expect(slugifyName('Сергей Брин')).toBe('сергей-брин');
    expect(slugifyName('!!!')).toBe('author');
    expect([...slugifyName('A'.repeat(200))].length).toBeLessThanOrEqual(80);
  });

  it('cuts a long slug at 80 letters or 160 UTF-8 bytes, whichever comes first, never inside a letter', () => {
    expect(slugifyName('a'.repeat(200))).toBe('a'.repeat(80));
    expect(slugifyName('张'.repeat(100))).toBe('张'.repeat(53)); // 3 bytes each
    expect(slugifyName('𠀀'.repeat(100))).toBe('𠀀'.repeat(40)); // 4 bytes each (CJK Extension B)
    expect(slugifyName(`é${'𠀀'.repeat(60)}`)).toBe(`e${'𠀀'.repeat(39)}`);
    expect(slugifyName(`${'a'.repeat(79)} ${'b'.repeat(5)}`)).toBe('a'.repeat(79));
  });
});

describe('groupByAuthor and sortAuthorsByPaperCount', () => {
  it('group by displayed name with unique slugs, keeping paper order; a name typed either way is one author', async () => {
    const papers = await makePapers([
      { file: 'p1.md', frontMatter: { type: 'book', title: 'P1', date: '2024', authors: ['Ann Lee', 'José Ruiz'] } },
      {
        file: 'p2.md',
        frontMatter: { type: 'book', title: 'P2', date: '2023', authors: ['Ann Lee', 'Ann-Lee', 'Jose\u0301 Ruiz'] },
      },
      {
        file: 'p3.md',
        frontMatter: { type: 'book', title: 'P3', date: '2022', authors: ['José Ruiz', { literal: 'ACME Lab' }] },
      },
    ]);
    const groups = groupByAuthor(papers);
    expect(groups.map((group) => [group.name, group.slug, group.organisation, group.papers.map((p) => p.id)])).toEqual([
      ['Ann Lee', 'ann-lee', false, ['p1', 'p2']],
      ['José Ruiz', 'jose-ruiz', false, ['p1', 'p2', 'p3']],
      ['Ann-Lee', 'ann-lee-2', false, ['p2']],
      ['ACME Lab', 'acme-lab', true, ['p3']],
    ]);
    expect(getAuthorKey({ family: 'Ruiz', given: 'Jose\u0301' })).toBe('José Ruiz');
    expect(sortAuthorsByPaperCount(groups).map((group) => group.name)).toEqual([
      'José Ruiz',
      'Ann Lee',
      'ACME Lab',
      'Ann-Lee',
    ]);
    // Not mutated.
    expect(groups[0].name).toBe('Ann Lee');
  });

  it('list a paper once under an author named twice on it, and merge aliases', async () => {
    const papers = await makePapers([
      { file: 'a.md', frontMatter: { type: 'book', title: 'A', date: '2020', authors: ['Bo Li', 'Bo Li', 'B. Li'] } },
    ]);
    const groups = groupByAuthor(papers, (key) => (key === 'B. Li' ? 'Bo Li' : key));
    expect(groups.map((group) => [group.name, group.papers.length])).toEqual([['Bo Li', 1]]);
  });
});
