import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../src/domain/csl';
import { formatCslJson, readCslJson, toCslJson } from '../../src/formats/csl-json';
import { ImportFileError } from '../../src/formats/import-entry';
import { makePaper, makePapers, type TestPaper } from '../helpers/model';
import { papersFromEntries } from './entries';

/** Reads CSL-JSON text and builds its papers (every entry must validate). */
async function readPapers(text: string) {
  const read = readCslJson(text, 'items.json');
  expect(read.problems).toEqual([]);
  return { read, papers: await papersFromEntries(read.entries) };
}

const SITE: TestPaper[] = [
  {
    file: 'full.md',
    frontMatter: {
      type: 'article-journal',
      title: 'Everything a paper can have',
      authors: [
        { family: 'He', given: 'Zhengfu', equal: true },
        { family: 'Sun', given: 'Tianxiang', equal: true, corresponding: true },
        'Ludwig van Beethoven',
        { literal: 'ATLAS Collaboration' },
      ],
      authorsTruncated: true,
      editors: ['Ada Lovelace'],
      date: '2023-05',
      accessed: '2024-01-02',
      containerTitle: 'Journal of Things',
      volume: '12',
      issue: '3',
      pages: '101–120',
      keywords: ['diffusion', 'language models, discrete'],
      note: 'First line.\nSecond line.',
      doi: '10.1000/a#b',
      arxiv: '2211.15029',
      category: 'CL',
      score: 87,
      selected: true,
      award: 'Best paper',
      code: 'https://github.com/example/code',
      pdf: 'https://example.org/paper.pdf',
      slides: 'https://example.org/slides.pdf',
      project: 'https://example.org/',
      links: [{ label: 'Demo', url: 'https://example.org/demo' }],
      thumbnail: 'thumb.png',
      bibtexType: 'article',
      extra: { abbr: 'JoT', eprinttype: 'arxiv' },
      citationKey: 'he2023everything',
    },
    abstract: 'We show *that* it works, see [the code](https://example.org/code).\n\nA second "paragraph".',
  },
  {
    file: 'preprint.md',
    frontMatter: { title: 'A preprint', authors: ['Jane Doe'], date: '2022-11-28', arxiv: '2211.15029v2', code: true },
    abstract: 'Plain abstract without markup.',
  },
  { file: 'undated.md', frontMatter: { type: 'book', title: 'Undated book', editors: ['E Editor'] } },
  {
    file: 'talk.md',
    frontMatter: { type: 'speech', title: 'A talk', authors: ['A Speaker'], date: '2024-05-20/2024-05-24' },
  },
  {
    file: 'circa.md',
    frontMatter: { type: 'manuscript', title: 'A manuscript', authors: ['Old Writer'], date: '1850~' },
  },
];

describe('toCslJson', () => {
  it('gives the complete CSL item, names without marks, and every site field in custom', async () => {
    const [paper] = await makePapers(SITE.slice(0, 1));
    const item = toCslJson(paper);
    expect(item).toMatchObject({
      id: 'he2023everything',
      'citation-key': 'he2023everything',
      type: 'article-journal',
      title: 'Everything a paper can have',
      author: [
        { family: 'He', given: 'Zhengfu' },
        { family: 'Sun', given: 'Tianxiang' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { literal: 'ATLAS Collaboration' },
      ],
      editor: [{ family: 'Lovelace', given: 'Ada' }],
      issued: { 'date-parts': [[2023, 5]] },
      accessed: { 'date-parts': [[2024, 1, 2]] },
      'container-title': 'Journal of Things',
      page: '101–120',
      DOI: '10.1000/a#b',
      keyword: 'diffusion, language models, discrete',
      note: 'First line.\nSecond line.',
    });
    expect(item.abstract).toBe('We show that it works, see the code.\n\nA second “paragraph”.');
    expect(item.custom).toEqual({
      bibshelf: 1,
      arxiv: '2211.15029',
      category: 'cs.CL',
      score: 87,
      selected: true,
      award: 'Best paper',
      code: 'https://github.com/example/code',
      pdf: 'https://example.org/paper.pdf',
      slides: 'https://example.org/slides.pdf',
      project: 'https://example.org/',
      links: [{ label: 'Demo', url: 'https://example.org/demo' }],
      thumbnail: 'thumb.png',
      bibtexType: 'article',
      extra: { abbr: 'JoT', eprinttype: 'arxiv' },
      authorsTruncated: true,
      nameMarks: { authors: [{ equal: true }, { equal: true, corresponding: true }, null, null] },
      keywords: ['diffusion', 'language models, discrete'],
      abstractMarkdown: paper.abstract.markdown,
    });
    // CSL names carry no site marks.
    expect(JSON.stringify(item.author)).not.toMatch(/equal|corresponding/);
  });

  it('writes a preprint\'s arXiv id as Zotero\'s number "arXiv:<id>", marks generated keys, dates at their precision', async () => {
    const papers = await makePapers(SITE.slice(1));
    const byTitle = (title: string) => toCslJson(papers.find((paper) => paper.data.title === title)!);
    const preprint = byTitle('A preprint');
    expect(preprint).toMatchObject({
      type: 'article',
      number: 'arXiv:2211.15029v2',
      issued: { 'date-parts': [[2022, 11, 28]] },
    });
    expect(preprint.custom).toMatchObject({
      arxiv: '2211.15029v2',
      code: true,
      generatedKey: true,
      derived: ['number'],
    });
    expect(preprint.custom).not.toHaveProperty('abstractMarkdown');
    expect(byTitle('Undated book')).not.toHaveProperty('issued');
    expect(byTitle('A talk').issued).toEqual({
      'date-parts': [
        [2024, 5, 20],
        [2024, 5, 24],
      ],
    });
    expect(byTitle('A manuscript').issued).toEqual({ 'date-parts': [[1850]], circa: true });
  });

  it('takes the whole site through CSL-JSON and back: the same front matter, abstracts and keys', async () => {
    const papers = await makePapers(SITE);
    const text = formatCslJson(papers.map(toCslJson));
    const read = readCslJson(text, 'site.json');
    expect(read.problems).toEqual([]);
    const again = await makePapers(
      read.entries.map((entry, index) => ({
        file: papers[index].file,
        frontMatter: entry.frontMatter,
        abstract: entry.abstract,
      })),
    );
    const byFile = (list: typeof papers) => Object.fromEntries(list.map((paper) => [paper.file, paper]));
    for (const [file, paper] of Object.entries(byFile(papers))) {
      const back = byFile(again)[file];
      expect(back.data).toEqual(paper.data);
      expect(back.abstract).toEqual(paper.abstract);
      expect(back.key).toBe(paper.key);
    }
  });

  it('is read by citation-js and formatted by citeproc (through @citation-js/plugin-csl)', async () => {
    const papers = await makePapers(SITE);
    const cite = new Cite(JSON.parse(formatCslJson(papers.map(toCslJson))));
    expect(cite.data).toHaveLength(SITE.length);
    const bibliography = cite.format('bibliography', { template: 'apa', format: 'text' }) as string;
    expect(bibliography).toContain('Everything a paper can have');
    expect(bibliography).toContain('He, Z., Sun, T., van Beethoven, L., & ATLAS Collaboration. (2023).');
    expect(bibliography).toContain('Speaker, A. (2024, May 20–24). A talk.');
    expect(bibliography).toContain('Writer, O. (ca. 1850).');
    expect(bibliography).toContain('(2023)');
    expect(bibliography).toContain('https://doi.org/10.1000/a#b');
    // A year-only or undated work gets no invented month or day.
    expect(bibliography).toMatch(/Editor, E\. \(Ed\.\)\. \(n\.d\.\)\. Undated book/);
  });
});

describe('readCslJson', () => {
  it("understands Zotero's conventions: arXiv numbers, note lines, a URI id, corporate names as empty-given persons", async () => {
    const items = [
      {
        id: 'http://zotero.org/users/1/items/ABCD1234',
        type: 'article',
        title: 'A Zotero preprint',
        author: [
          { family: 'Open Science Collaboration', given: '' },
          { family: 'Doe', given: 'Jane' },
        ],
        number: 'arXiv:2211.15029',
        publisher: 'arXiv',
        note: 'Citation Key: doe2022zotero\narXiv: 2211.15029\nA real note line.',
        issued: { 'date-parts': [['2022', '11', '28']] },
      },
      {
        id: 'smith2020',
        type: 'report',
        title: 'Repository and number',
        author: [{ literal: 'CERN' }, { family: 'et al.' }],
        publisher: 'arXiv',
        number: '2101.00001',
        issued: { raw: '2020-05-22' },
      },
    ];
    const { read, papers } = await readPapers(JSON.stringify(items));
    const [zotero, report] = read.entries;
    expect(zotero.frontMatter).toMatchObject({
      type: 'article',
      citationKey: 'doe2022zotero',
      arxiv: '2211.15029',
      note: 'A real note line.',
      date: '2022-11-28',
      authors: [{ family: 'Open Science Collaboration' }, 'Jane Doe'],
      extra: { 'csl-id': 'http://zotero.org/users/1/items/ABCD1234' },
    });
    // The preprint's number is the arXiv id, written back as such.
    expect(zotero.frontMatter.number).toBeUndefined();
    expect(toCslJson(papers[0]).number).toBe('arXiv:2211.15029');
    expect(report.frontMatter).toMatchObject({
      citationKey: 'smith2020',
      arxiv: '2101.00001',
      number: '2101.00001',
      date: '2020-05-22',
      authors: [{ literal: 'CERN' }],
      authorsTruncated: true,
    });
  });

  it('reads dates at every precision and form, and keeps a literal that is no date (saying so)', async () => {
    const dates: [unknown, string | undefined][] = [
      [{ 'date-parts': [[2020]] }, '2020'],
      [{ 'date-parts': [[2020, 5]] }, '2020-05'],
      [{ 'date-parts': [['2018', 6, 5]] }, '2018-06-05'],
      [
        {
          'date-parts': [
            [2020, 5, 20],
            [2020, 5, 24],
          ],
        },
        '2020-05-20/2020-05-24',
      ],
      [
        {
          'date-parts': [
            [2020, 5, 20],
            [2020, 5, 20],
          ],
        },
        '2020-05-20',
      ],
      [{ 'date-parts': [[1850]], circa: true }, '1850~'],
      [{ raw: '2020-05/2020-06' }, '2020-05/2020-06'],
      [{ raw: '1850~' }, '1850~'],
      [{ literal: '2019' }, '2019'],
      [{ 'date-parts': [[2021, 0, 0]] }, '2021'],
      [{ literal: 'Argued October 6, 1993' }, undefined],
      [{ 'date-parts': [[2020]], season: 'Spring' }, undefined],
      [{ 'date-parts': [[2021, 2, 30]] }, undefined],
    ];
    const items = dates.map(([issued], index) => ({ id: `d${index}`, type: 'book', title: `Date ${index}`, issued }));
    const { read } = await readPapers(JSON.stringify(items));
    read.entries.forEach((entry, index) => {
      const [original, expected] = dates[index];
      expect(entry.frontMatter.date).toBe(expected);
      if (expected === undefined) {
        expect(entry.frontMatter.extra).toEqual({ 'csl-issued': JSON.stringify(original) });
        expect(entry.notes.join()).toMatch(/issued.*kept verbatim in extra\.csl-issued/);
      }
    });
  });

  it('keeps unknown variables in extra as csl-<variable> and writes them back where they were', async () => {
    const item = {
      id: 'crossref2020',
      type: 'article-journal',
      title: 'With unknown variables',
      author: [{ family: 'Doe', given: 'Jane', 'parse-names': false }],
      'reference-count': 42,
      license: [{ URL: 'https://creativecommons.org/licenses/by/4.0/' }],
      shortTitle: 'Unknown',
      journalAbbreviation: 'J. Unk.',
      custom: { somebodyElse: 'their data' },
    };
    const { read, papers } = await readPapers(JSON.stringify(item));
    const [entry] = read.entries;
    expect(entry.frontMatter).toMatchObject({
      titleShort: 'Unknown',
      containerTitleShort: 'J. Unk.',
      extra: {
        'csl-reference-count': '42',
        'csl-license': '[{"URL":"https://creativecommons.org/licenses/by/4.0/"}]',
        'csl-custom': '{"somebodyElse":"their data"}',
      },
    });
    expect(entry.notes.join('\n')).toMatch(/reference-count: no Bibshelf field/);
    const written = toCslJson(papers[0]);
    expect(written['reference-count']).toBe(42);
    expect(written.license).toEqual(item.license);
    expect(written.custom).toMatchObject({ somebodyElse: 'their data' });
  });

  it('writes a kept value back under its CSL name, case included (DOI, URL), not as a new variable', async () => {
    const item = { id: 'k', type: 'webpage', title: 'T', URL: 'www.jstor.org/stable/1', DOI: '10/c73zz7' };
    const { read, papers } = await readPapers(JSON.stringify(item));
    expect(read.entries[0].frontMatter.extra).toEqual({ 'csl-url': 'www.jstor.org/stable/1', 'csl-doi': '10/c73zz7' });
    const written = toCslJson(papers[0]);
    expect(written).toMatchObject({ URL: 'www.jstor.org/stable/1', DOI: '10/c73zz7' });
    expect(written).not.toHaveProperty('url');
    expect(written).not.toHaveProperty('doi');
  });

  it('accepts a single item, a BOM, plain text as it is (no LaTeX decoding), and numbers as text', async () => {
    const item = {
      id: 'one',
      type: 'article-journal',
      title: 'The $\\alpha$-effect at ~10 K in \\emph{x}',
      author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van', suffix: 'Jr.' }],
      volume: 12,
      issue: 3,
      abstract: 'Line one with $x_1$ and *stars*.\nLine two: <b>not bold</b>.',
    };
    const { read, papers } = await readPapers(`\uFEFF${JSON.stringify(item)}`);
    expect(read.entries[0].frontMatter).toMatchObject({
      citationKey: 'one',
      title: 'The $\\alpha$-effect at ~10 K in \\emph{x}',
      volume: '12',
      issue: '3',
      authors: ['Ludwig van Beethoven Jr.'],
    });
    expect(papers[0].data.authors).toEqual([
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van', suffix: 'Jr.' },
    ]);
    // Zotero separates paragraphs with one line break; the page shows the text as written.
    expect(papers[0].abstract.text).toBe('Line one with $x_1$ and *stars*.\n\nLine two: <b>not bold</b>.');
  });

  it('removes control characters (saying so), reports items it cannot read, and rejects what is not CSL-JSON', () => {
    const { entries, problems } = readCslJson(
      JSON.stringify([
        { id: 'a', type: 'book', title: 'Bell\u0007 and\u2028separator' },
        42,
        { id: 'b', type: 'book' },
      ]),
      'mixed.json',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].frontMatter.title).toBe('Bell andseparator');
    expect(entries[0].notes.join()).toMatch(/U\+0007/);
    expect(problems).toEqual([
      { line: 1, message: 'item 2 is not a CSL item (an object with a type)' },
      { line: 1, key: 'b', message: expect.stringMatching(/title/) },
    ]);
    expect(() => readCslJson('{ not json', 'broken.json')).toThrow(ImportFileError);
    expect(() => readCslJson('[]', 'empty.json')).toThrow(ImportFileError);
  });

  it('gives each entry the line its item starts on', () => {
    const text = formatCslJson([
      { id: 'a', type: 'book', title: 'A' },
      { id: 'b', type: 'book', title: 'B', author: [{ family: 'X' }] },
    ] as CslItem[]);
    const { entries } = readCslJson(text, 'lines.json');
    expect(entries.map((entry) => entry.line)).toEqual([2, 7]);
    expect(text.split('\n')[6].trim()).toBe('{');
  });
});

it('a paper keeps its category code through CSL-JSON for the importing site to check', async () => {
  const paper = await makePaper({ title: 'Categorised', authors: ['A B'], category: 'hep-th' });
  const [entry] = readCslJson(formatCslJson([toCslJson(paper)]), 'x.json').entries;
  expect(entry.frontMatter.category).toBe('hep-th');
});
