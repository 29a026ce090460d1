// Previous/next and related papers.
import { describe, expect, it } from 'vitest';
import { findNeighbours, findRelatedPapers } from '../../src/site/related';
import { makePapers } from '../helpers/model';

const paper = (id: string, authors: string[], category: string | undefined, date: string, type = 'article') => ({
  file: `${id}.md`,
  frontMatter: { type, title: `Paper ${id}`, authors, date, ...(category ? { category } : {}) },
});

const papers = await makePapers([
  paper('a', ['Ann', 'Bob'], 'CL', '2024-05-01'),
  paper('b', ['Ann'], 'LG', '2024-04-01'),
  paper('c', ['Cy'], 'CL', '2024-03-01'),
  paper('d', ['Dee'], 'CV', '2024-02-01'),
  paper('e', ['Ann', 'Bob'], 'CL', '2020-01-01'),
  paper('f', ['Fay'], undefined, '2019', 'book'),
  paper('g', ['Gus'], undefined, '2018', 'book'),
]);

describe('findNeighbours', () => {
  it('links each paper to the next newer and older one', () => {
    const neighbours = findNeighbours(papers);
    expect(papers.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(neighbours.get('a')).toEqual({ newer: undefined, older: papers[1] });
    expect(neighbours.get('c')!.newer!.id).toBe('b');
    expect(neighbours.get('g')!.older).toBeUndefined();
  });
});

describe('findRelatedPapers', () => {
  const related = findRelatedPapers(papers, 3);

  it('ranks shared authors above a shared category, ties by closeness; never the paper itself', () => {
    expect(related.get('a')!.map((p) => p.id)).toEqual(['e', 'b', 'c']);
    expect(related.get('e')!.map((p) => p.id)[0]).toBe('a');
    for (const [id, list] of related) expect(list.map((p) => p.id)).not.toContain(id);
  });

  it('relates papers without a category by their type, and leaves a paper with nothing in common alone', () => {
    expect(related.get('f')!.map((p) => p.id)).toEqual(['g']);
    expect(related.get('d')).toEqual([]);
  });

  it('scales to thousands of papers', async () => {
    const many = await makePapers(
      Array.from({ length: 3000 }, (_, i) =>
        paper(`p${i}`, ['Prolific Author', `Author ${i % 50}`], i % 2 ? 'CL' : 'LG', `20${10 + (i % 15)}-01-01`),
      ),
    );
    const started = performance.now();
    const result = findRelatedPapers(many);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.size).toBe(3000);
    for (const list of result.values()) expect(list).toHaveLength(5);
  });
});
