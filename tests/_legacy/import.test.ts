import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  ImportFileError,
  convertEntry,
  detectFormat,
  findDuplicate,
  normalizeTitle,
  splitEntries,
  type ImportedPaper,
} from '../src/lib/import';
import { paperSchema } from '../src/lib/schema';
import { ROOT } from './helpers/build';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/import', name), 'utf8');
const convertAll = (name: string, options = {}) => {
  const text = fixture(name);
  return splitEntries(text, detectFormat(name, text), name).map((entry) => convertEntry(entry, options));
};
const front = (paper: ImportedPaper) => paperSchema.parse(loadYaml(paper.markdown.split('---')[1]));

describe('BibTeX import', () => {
  const results = convertAll('refs.bib');

  it('converts LaTeX to readable text and markdown, keeps the key, maps authors and dates', () => {
    const cafe = results[0] as ImportedPaper;
    expect(cafe.line).toBe(4);
    expect(cafe.data).toMatchObject({
      title: 'Café Models: 50% Faster BERT with Sparse K-Attention & More',
      authors: ['Jörg Müller', 'Ana García'],
      authorsTruncated: true,
      date: '2023-03-07',
      category: 'CL',
      doi: '10.1234/cafe.2023',
      venue: 'Proceedings of ACL',
      citationKey: 'mueller2023cafe',
    });
    expect(cafe.abstract).toBe('We study *sparse* attention at <https://example.org/cafe> – it works.');
    expect(front(cafe).title).toBe(cafe.data.title);
    expect(cafe.id).toBe('cafe-models-50-faster-bert-with-sparse-k-attention-more');
  });

  it('reports a broken entry and an entry without category with their lines, and goes on', () => {
    expect(results[1]).toMatchObject({ line: 16 });
    expect('problem' in results[1] && results[1].problem).toMatch(/cannot parse|expected/);
    expect(results[2]).toMatchObject({ line: 22, key: 'nocat2021' });
    expect('problem' in results[2] && results[2].problem).toMatch(/--category/);
    expect(results[3]).toMatchObject({ data: { arxiv: '2211.15029', category: 'LG', date: '2022-11-01' } });
    expect((results[3] as ImportedPaper).warnings).toEqual(['date has no day; recorded as the first', 'no abstract']);
  });

  it('uses a default category when asked', () => {
    expect(convertAll('refs.bib', { defaultCategory: 'AI' })[2]).toMatchObject({ data: { category: 'AI' } });
  });
});

describe('RIS and CSL-JSON import', () => {
  it('reads RIS records with unicode', () => {
    const [first, second] = convertAll('refs.ris') as ImportedPaper[];
    expect(first.data).toMatchObject({
      title: 'Чтение RIS: A Record with Unicode',
      authors: ['Ольга Иванова', 'John Smith'],
      date: '2024-05-22',
      category: 'IR',
    });
    expect(first.line).toBe(1);
    expect(second.line).toBe(11);
    expect(second.data.category).toBe('CV');
  });

  it('reads CSL-JSON items and reports an item without a title', () => {
    const [graph, untitled] = convertAll('refs.json');
    expect(graph).toMatchObject({
      data: { title: 'Graph Networks for Everything', authors: ['Yuki Tanaka', 'Nex-AGI Team'], date: '2020-06-01' },
    });
    expect((graph as ImportedPaper).abstract).toBe('CSL-JSON abstract with **bold** text.');
    expect(untitled).toMatchObject({ problem: 'title is missing', key: 'notitle' });
    expect(untitled.line).toBeGreaterThan(10);
  });
});

describe('malformed files', () => {
  it('are errors for the whole file', () => {
    expect(() => splitEntries('not a bibliography', 'bibtex', 'x.bib')).toThrow(ImportFileError);
    expect(() => splitEntries('[{"id": 1,', 'csl-json', 'x.json')).toThrow(/x\.json: not valid JSON/);
    expect(() => detectFormat('notes.txt', 'hello')).toThrow(/cannot tell the format/);
  });
});

describe('duplicates', () => {
  const known = [
    {
      source: 'a.md',
      title: 'DiffusionBERT: Improving Generative Masked Language Models',
      doi: '10.1/X',
      arxiv: '2211.15029',
    },
  ];
  it('match by DOI, arXiv id or normalised title', () => {
    expect(findDuplicate({ title: 'Other', doi: '10.1/x' }, known)?.source).toBe('a.md');
    expect(findDuplicate({ title: 'Other', arxiv: '2211.15029v2' }, known)?.source).toBe('a.md');
    expect(
      findDuplicate({ title: 'diffusionbert — improving generative, masked language models!' }, known)?.source,
    ).toBe('a.md');
    expect(findDuplicate({ title: 'Something else' }, known)).toBeUndefined();
    expect(normalizeTitle("Caf{\\'e} {BERT}")).toBe(normalizeTitle('Cafe BERT'));
  });
});
