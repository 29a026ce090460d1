import { describe, expect, it } from 'vitest';
import { makePapers } from '../helpers/model';

describe('citation keys', () => {
  it('are readable, unique, and stable when newer papers arrive', async () => {
    const papers = await makePapers([
      { frontMatter: { title: 'Sparse Autoencoders', authors: ['Zhengfu He'], date: '2024-05-01' } },
      { frontMatter: { title: 'Sparse autoencoders again', authors: ['Zhengfu He'], date: '2024-01-01' } },
      { frontMatter: { title: 'The Undated', authors: ['Łukasz Ćwik'] } },
      { frontMatter: { title: 'A Report', authors: [{ literal: 'World Health Organization' }], date: 2020 } },
      { frontMatter: { title: 'Edited', editors: ['Doe, Jane'], date: 2019, type: 'book' } },
      { frontMatter: { title: 'Own key', authors: ['A B'], citationKey: 'knuth:ct:a' } },
    ]);
    const keys = Object.fromEntries(papers.map((paper) => [paper.csl.title, paper.key]));
    expect(keys).toEqual({
      'Sparse Autoencoders': 'he2024sparseb',
      'Sparse autoencoders again': 'he2024sparse',
      'The Undated': 'cwikndundated',
      'A Report': 'world2020report',
      Edited: 'doe2019edited',
      'Own key': 'knuth:ct:a',
    });
    for (const paper of papers) expect(paper.csl.id).toBe(paper.key);
  });

  it('refuse two files with the same key, naming both', async () => {
    await expect(
      makePapers([
        { file: 'a.md', frontMatter: { title: 'A', authors: ['A B'], citationKey: 'same' } },
        { file: 'b.md', frontMatter: { title: 'B', authors: ['A B'], citationKey: 'Same' } },
      ]),
    ).rejects.toThrow(/b\.md\n {2}citationKey: "Same" is already used by a\.md/);
  });
});
