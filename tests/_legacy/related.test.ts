import { describe, expect, it } from 'vitest';
import { sortPapers } from '../src/lib/paper';
import { findNeighbours, findRelatedPapers } from '../src/lib/related';
import { makePaper } from './helpers/papers';

const papers = sortPapers([
  makePaper('a', { authors: ['Ann', 'Bob'], category: 'CL', date: '2024-05-01' }),
  makePaper('b', { authors: ['Ann'], category: 'LG', date: '2024-04-01' }),
  makePaper('c', { authors: ['Cy'], category: 'CL', date: '2024-03-01' }),
  makePaper('d', { authors: ['Dee'], category: 'CV', date: '2024-02-01' }),
  makePaper('e', { authors: ['Ann', 'Bob'], category: 'CL', date: '2020-01-01' }),
]);

describe('findNeighbours', () => {
  it('links each paper to the next newer and older one', () => {
    const neighbours = findNeighbours(papers);
    expect(neighbours.get('a')).toEqual({ newer: undefined, older: papers[1] });
    expect(neighbours.get('c')!.newer!.id).toBe('b');
    expect(neighbours.get('e')!.older).toBeUndefined();
  });
});

describe('findRelatedPapers', () => {
  const related = findRelatedPapers(papers, 3);
  it('ranks shared authors above a shared category, never the paper itself', () => {
    expect(related.get('a')!.map((p) => p.id)).toEqual(['e', 'b', 'c']);
    expect(related.get('e')!.map((p) => p.id)[0]).toBe('a');
    for (const [id, list] of related) expect(list.map((p) => p.id)).not.toContain(id);
  });
  it('leaves a paper with nothing in common without related papers', () => {
    expect(related.get('d')).toEqual([]);
  });
  it('scales to thousands of papers', () => {
    const many = sortPapers(
      Array.from({ length: 3000 }, (_, i) =>
        makePaper(`p${i}`, {
          authors: ['Prolific Author', `Author ${i % 50}`],
          category: i % 2 ? 'CL' : 'LG',
          date: `20${10 + (i % 15)}-01-01`,
        }),
      ),
    );
    const result = findRelatedPapers(many);
    expect(result.size).toBe(3000);
    for (const list of result.values()) expect(list).toHaveLength(5);
  });
});
