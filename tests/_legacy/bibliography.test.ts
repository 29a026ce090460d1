import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { formatBibliography, formatPaperExport } from '../src/lib/bibliography';
import { buildCitations } from '../src/lib/citations';
import { sortPapers } from '../src/lib/paper';
import { makePaper } from './helpers/papers';

const papers = sortPapers([
  makePaper('a', { title: 'First 中文 Paper', authors: ['Zhengfu He'], date: '2024-01-02' }),
  makePaper('b', { title: 'Second & Last', authors: ['Ann Lee', 'Bo Li'], authorsTruncated: true, date: '2023-05-06' }),
]);
const citations = buildCitations(papers, (paper) => `https://x.org/papers/${paper.id}/`);

describe('bibliography files', () => {
  it.each(['bib', 'ris', 'json'] as const)('%s holds every paper, in order, and parses back', (format) => {
    const text = formatBibliography(papers, citations, format, 'Test bibliography');
    const items = new Cite(text).data as { title: string }[];
    expect(items.map((item) => item.title)).toEqual(['First 中文 Paper', 'Second & Last']);
  });

  it.each(['bib', 'ris', 'json'] as const)('a single paper %s file is that paper alone', (format) => {
    const items = new Cite(formatPaperExport(citations.get('b')!, format)).data as { title: string }[];
    expect(items.map((item) => item.title)).toEqual(['Second & Last']);
  });

  it('heads the .bib file with its source and count', () => {
    expect(formatBibliography(papers, citations, 'bib', 'Test bibliography')).toMatch(
      /^% Test bibliography\n% 2 entries, UTF-8\n\n@misc\{he2024first,/,
    );
  });
});
