import { describe, expect, it } from 'vitest';
import { buildHighwireTags, buildScholarlyArticle, findPdfUrl, serializeJsonLd } from '../src/lib/scholar';
import { makePaper } from './helpers/papers';

describe('buildHighwireTags', () => {
  it('lists title, one author tag per author, date as YYYY/MM/DD, and what is known', () => {
    const paper = makePaper('x', {
      title: 'T',
      authors: ['A B', 'C D'],
      date: '2022-05-03',
      arxiv: '2205.11200',
      venue: 'EMNLP',
    });
    const tags = buildHighwireTags(paper, 'https://x.org/papers/x/');
    expect(tags.filter(([name]) => name === 'citation_author').map(([, value]) => value)).toEqual(['A B', 'C D']);
    expect(Object.fromEntries(tags)).toMatchObject({
      citation_title: 'T',
      citation_publication_date: '2022/05/03',
      citation_pdf_url: 'https://arxiv.org/pdf/2205.11200',
      citation_arxiv_id: '2205.11200',
      citation_conference_title: 'EMNLP',
    });
  });
  it('omits a PDF it does not know', () => {
    expect(findPdfUrl({})).toBeUndefined();
    expect(buildHighwireTags(makePaper('y'), 'u').some(([name]) => name === 'citation_pdf_url')).toBe(false);
  });
});

describe('serializeJsonLd', () => {
  it('cannot be broken out of by a title', () => {
    const paper = makePaper('x', { title: 'Evil </script><script>alert(1)</script> <!-- & \u2028' });
    const json = serializeJsonLd(buildScholarlyArticle(paper, 'https://x.org/p/'));
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json).headline).toBe(paper.title);
  });
});
