import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/domain/paper';
import { ImportFileError } from '../../src/formats/import-entry';
import { formatRisRecord, joinRis, readRis } from '../../src/formats/ris';
import { makePaper, makePapers, type TestPaper } from '../helpers/model';
import { papersFromEntries } from './entries';

const lines = (ris: string) => ris.split('\r\n').filter(Boolean);
const tagLines = (ris: string, tag: string) => lines(ris).filter((line) => line.startsWith(`${tag}  - `));

/** One paper through RIS and back: the front matter the reader gives for the record the writer wrote. */
async function throughRis(paper: Paper): Promise<Paper> {
  const read = readRis(formatRisRecord(paper), 'paper.ris');
  expect(read.problems).toEqual([]);
  expect(read.entries).toHaveLength(1);
  return (await papersFromEntries(read.entries))[0];
}

describe('formatRisRecord', () => {
  it('writes a journal article tag by tag, CRLF, one value a line, SP/EP from the page range', async () => {
    const paper = await makePaper(
      {
        type: 'article-journal',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        date: '2017-06-12',
        containerTitle: 'Journal of Things',
        volume: '30',
        issue: '2',
        pages: '5998–6008',
        keywords: ['transformers', 'attention'],
        citationKey: 'vaswani2017',
        doi: '10.1000/xyz.123',
        issn: '1234-5678',
        url: 'https://example.org/paper',
      },
      'First paragraph.\n\nSecond paragraph.',
    );
    const ris = formatRisRecord(paper);
    expect(ris).toBe(
      [
        'TY  - JOUR',
        'ID  - vaswani2017',
        'TI  - Attention Is All You Need',
        'AU  - Vaswani, Ashish',
        'AU  - Shazeer, Noam',
        'PY  - 2017',
        'DA  - 2017/06/12/',
        'T2  - Journal of Things',
        'VL  - 30',
        'IS  - 2',
        'SP  - 5998',
        'EP  - 6008',
        'KW  - transformers',
        'KW  - attention',
        'DO  - 10.1000/xyz.123',
        'SN  - 1234-5678',
        'UR  - https://example.org/paper',
        'AB  - First paragraph. ¶ Second paragraph.',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes dates at exactly their precision: year, month, day, range, circa; nothing for an undated work', async () => {
    const cases: [string | undefined, string[]][] = [
      ['2020', ['PY  - 2020', 'DA  - 2020///']],
      ['2020-05', ['PY  - 2020', 'DA  - 2020/05//']],
      ['2020-05-22', ['PY  - 2020', 'DA  - 2020/05/22/']],
      ['2024-05-20/2024-05-24', ['PY  - 2024', 'DA  - 2024/05/20/to 2024-05-24']],
      ['2024-05/2025', ['PY  - 2024', 'DA  - 2024/05//to 2025']],
      ['1850~', ['PY  - 1850', 'DA  - 1850///circa']],
      [undefined, []],
    ];
    for (const [date, expected] of cases) {
      const paper = await makePaper({ title: 'Dated', authors: ['A B'], ...(date ? { date } : {}) });
      const ris = formatRisRecord(paper);
      expect([...tagLines(ris, 'PY'), ...tagLines(ris, 'DA')]).toEqual(expected);
      // …and reads back to the same date, not one part more.
      expect((await throughRis(paper)).data.date).toEqual(paper.data.date);
    }
  });

  it('writes names as "Family, Given[, Suffix]" with particles, and organisations so they read back as one name', async () => {
    const paper = await makePaper({
      title: 'Names',
      authors: [
        'Ludwig van Beethoven',
        { family: 'Gogh', given: 'Vincent', droppingParticle: 'van' },
        'Martin Luther King Jr.',
        { family: 'Oosten', given: 'Johanna M. F.', particle: 'van' },
        { literal: 'World Health Organization' },
        { literal: 'University of California, Berkeley' },
        { literal: 'UNESCO' },
        'Plato',
      ],
      editors: ['Ada Lovelace'],
      translators: ['Constance Garnett'],
      collectionEditors: ['Series Editor'],
    });
    const ris = formatRisRecord(paper);
    expect(tagLines(ris, 'AU')).toEqual([
      'AU  - van Beethoven, Ludwig',
      'AU  - Gogh, Vincent van',
      'AU  - King, Martin Luther, Jr.',
      'AU  - van Oosten, Johanna M. F.',
      'AU  - World Health Organization',
      'AU  - University of California, Berkeley,',
      'AU  - UNESCO,',
      'AU  - Plato',
    ]);
    expect(tagLines(ris, 'ED')).toEqual(['ED  - Lovelace, Ada']);
    expect(tagLines(ris, 'A4')).toEqual(['A4  - Garnett, Constance']);
    expect(tagLines(ris, 'A3')).toEqual(['A3  - Editor, Series']);
    const back = await throughRis(paper);
    for (const key of ['authors', 'editors', 'translators', 'collectionEditors']) {
      expect(back.data[key]).toEqual(paper.data[key]);
    }
  });

  it('marks a truncated author list with an N1 note that reads back as the flag', async () => {
    const paper = await makePaper({ title: 'Big collaboration', authors: ['A One', 'B Two'], authorsTruncated: true });
    const ris = formatRisRecord(paper);
    expect(tagLines(ris, 'N1')).toEqual(['N1  - Author list truncated (et al.)']);
    expect(tagLines(ris, 'AU')).toHaveLength(2);
    const back = await throughRis(paper);
    expect(back.data.authorsTruncated).toBe(true);
    expect(back.data.note).toBeUndefined();
  });

  it("writes the arXiv id as AN and the PDF link as L1; UR is only the work's own URL", async () => {
    const paper = await makePaper({
      type: 'article',
      title: 'A preprint',
      authors: ['A B'],
      date: '2022-11-28',
      arxiv: '2211.15029',
      archiveLocation: 'Box 4',
      pdf: 'https://example.org/p.pdf',
    });
    const ris = formatRisRecord(paper);
    expect(tagLines(ris, 'TY')).toEqual(['TY  - UNPB']);
    expect(tagLines(ris, 'AN')).toEqual(['AN  - Box 4', 'AN  - arXiv:2211.15029']);
    expect(tagLines(ris, 'L1')).toEqual(['L1  - https://example.org/p.pdf']);
    expect(tagLines(ris, 'UR')).toEqual([]);
    const back = await throughRis(paper);
    expect(back.data.arxiv).toBe('2211.15029');
    expect(back.data.archiveLocation).toBe('Box 4');
  });

  const COMMON_TYPES: TestPaper[] = [
    {
      frontMatter: {
        type: 'paper-conference',
        title: 'A conference paper',
        authors: ['Ada Lovelace'],
        editors: ['Charles Babbage'],
        date: '2023-07',
        containerTitle: 'Proceedings of the 1st Conference',
        collectionTitle: 'Lecture Notes',
        publisher: 'ACM',
        publisherPlace: 'New York',
        eventPlace: 'Honolulu',
        pages: '1-10',
        doi: '10.1145/1234.5678',
        isbn: '978-1-4503-0000-0',
      },
    },
    {
      frontMatter: {
        type: 'book',
        title: 'A book',
        authors: ['Donald E. Knuth'],
        date: '1997',
        publisher: 'Addison-Wesley',
        publisherPlace: 'Reading, MA',
        edition: '3',
        isbn: '0-201-89683-4',
        numberOfPages: '650',
        collectionTitle: 'The Art of Computer Programming',
        volume: '1',
        language: 'en',
      },
    },
    {
      frontMatter: {
        type: 'book',
        title: 'An edited book',
        editors: ['Jane Roe', 'John Doe'],
        collectionEditors: ['Series Editor'],
        date: '2001',
        publisher: 'MIT Press',
      },
    },
    {
      frontMatter: {
        type: 'chapter',
        title: 'A chapter',
        authors: ['A Author'],
        editors: ['E Editor', 'F Editor'],
        containerTitle: 'The Book',
        publisher: 'Springer',
        publisherPlace: 'Berlin',
        pages: '61–85',
        date: '2013',
        isbn: '978-0-12-394292-0',
      },
    },
    {
      frontMatter: {
        type: 'thesis',
        title: 'A thesis',
        authors: ['Student Name'],
        genre: 'PhD thesis',
        publisher: 'University of Somewhere',
        publisherPlace: 'Somewhere',
        date: '2019-09',
        numberOfPages: '212',
        url: 'http://hdl.handle.net/1885/105353',
      },
    },
    {
      frontMatter: {
        type: 'report',
        title: 'A technical report',
        authors: [{ literal: 'ATLAS Collaboration' }],
        number: 'ATL-PHYS-PUB-2019-029',
        publisher: 'CERN',
        publisherPlace: 'Geneva',
        date: '2019-08-01',
        collectionTitle: 'ATLAS PUB notes',
      },
    },
    {
      frontMatter: {
        type: 'dataset',
        title: 'A dataset',
        authors: ['Data Person'],
        version: '2.1',
        publisher: 'Zenodo',
        date: '2021-03-04',
        doi: '10.5281/zenodo.123456',
        accessed: '2022-01-02',
      },
    },
    {
      frontMatter: {
        type: 'software',
        title: 'pyhf',
        authors: ['Lukas Heinrich', 'Matthew Feickert', 'Giordon Stark'],
        version: '0.7.0',
        date: '2022',
        url: 'https://github.com/scikit-hep/pyhf',
        doi: '10.5281/zenodo.1169739',
      },
    },
    {
      frontMatter: {
        type: 'webpage',
        title: 'A web page',
        authors: [{ literal: 'Mozilla' }],
        containerTitle: 'MDN Web Docs',
        date: '2024-02-29',
        accessed: '2024-03-01',
        url: 'https://developer.mozilla.org/',
      },
    },
    {
      frontMatter: {
        type: 'article',
        title: 'A preprint',
        authors: ['Zhengfu He', 'Tianxiang Sun'],
        date: '2022-11-28',
        arxiv: '2211.15029v2',
        containerTitle: 'arXiv',
        keywords: ['cs.CL'],
      },
    },
    {
      frontMatter: {
        type: 'speech',
        title: 'A talk',
        authors: ['Speaker Person'],
        eventTitle: 'Annual Meeting of Things',
        eventPlace: 'Vienna',
        genre: 'Invited talk',
        date: '2024-05-20/2024-05-24',
      },
    },
    {
      frontMatter: {
        type: 'article-journal',
        title: 'An article with everything',
        authors: ['A B', 'C D'],
        authorsTruncated: true,
        date: '2020-02',
        containerTitle: 'Physical Review D',
        containerTitleShort: 'Phys. Rev. D',
        volume: '101',
        issue: '3',
        pages: '034512',
        doi: '10.1103/PhysRevD.101.034512',
        arxiv: 'hep-lat/9901001',
        issn: '2470-0010',
        language: 'en',
        note: 'A note.\n\nIts second paragraph.',
        keywords: ['lattice QCD', 'Monte Carlo, methods'],
        pdf: 'https://example.org/paper.pdf',
      },
      abstract: 'We compute *things*.\n\nThen more "things" -- carefully...',
    },
  ];

  it('takes every common type to its TY and back to the same front matter (only the key is added)', async () => {
    const papers = await makePapers(COMMON_TYPES);
    const expectedTypes: Record<string, string> = {
      'paper-conference': 'CPAPER',
      book: 'BOOK',
      chapter: 'CHAP',
      thesis: 'THES',
      report: 'RPRT',
      dataset: 'DATA',
      software: 'COMP',
      webpage: 'ELEC',
      article: 'UNPB',
      speech: 'SLIDE',
      'article-journal': 'JOUR',
    };
    for (const paper of papers) {
      const ris = formatRisRecord(paper);
      expect(tagLines(ris, 'TY')).toEqual([`TY  - ${expectedTypes[paper.type.csl]}`]);
      const back = await throughRis(paper);
      // RIS splits a page range into SP and EP, so the range comes back with a hyphen (CSL's own separator).
      const pages = typeof paper.data.pages === 'string' ? { pages: paper.data.pages.replace('–', '-') } : {};
      expect(back.data).toEqual({ ...paper.data, ...pages, citationKey: paper.key });
    }
  });

  it('writes type-specific tags where RIS readers look for them', async () => {
    const papers = await makePapers(COMMON_TYPES);
    const ris = (type: string, title?: string) =>
      formatRisRecord(papers.find((paper) => paper.type.csl === type && (!title || paper.data.title === title))!);
    // A book's SP is its page count and its T2 the series; editors of an edited book are ED, series editors A2.
    expect(tagLines(ris('book', 'A book'), 'SP')).toEqual(['SP  - 650']);
    expect(tagLines(ris('book', 'A book'), 'T2')).toEqual(['T2  - The Art of Computer Programming']);
    expect(tagLines(ris('book', 'A book'), 'SN')).toEqual(['SN  - 0-201-89683-4']);
    expect(tagLines(ris('book', 'An edited book'), 'ED')).toEqual(['ED  - Roe, Jane', 'ED  - Doe, John']);
    expect(tagLines(ris('book', 'An edited book'), 'A2')).toEqual(['A2  - Editor, Series']);
    expect(tagLines(ris('book', 'An edited book'), 'AU')).toEqual([]);
    expect(tagLines(ris('chapter'), 'T2')).toEqual(['T2  - The Book']);
    expect([...tagLines(ris('chapter'), 'SP'), ...tagLines(ris('chapter'), 'EP')]).toEqual(['SP  - 61', 'EP  - 85']);
    expect(tagLines(ris('thesis'), 'PB')).toEqual(['PB  - University of Somewhere']);
    expect(tagLines(ris('thesis'), 'M3')).toEqual(['M3  - PhD thesis']);
    expect(tagLines(ris('report'), 'M1')).toEqual(['M1  - ATL-PHYS-PUB-2019-029']);
    expect(tagLines(ris('report'), 'AU')).toEqual(['AU  - ATLAS Collaboration']);
    expect(tagLines(ris('dataset'), 'ET')).toEqual(['ET  - 2.1']);
    expect(tagLines(ris('dataset'), 'Y2')).toEqual(['Y2  - 2022/01/02/']);
    expect(tagLines(ris('software'), 'ET')).toEqual(['ET  - 0.7.0']);
    expect(tagLines(ris('webpage'), 'T2')).toEqual(['T2  - MDN Web Docs']);
    expect(tagLines(ris('speech'), 'T2')).toEqual(['T2  - Annual Meeting of Things']);
    expect(tagLines(ris('speech'), 'CY')).toEqual(['CY  - Vienna']);
    expect(tagLines(ris('paper-conference'), 'C1')).toEqual(['C1  - Honolulu']);
    expect(tagLines(ris('paper-conference'), 'T3')).toEqual(['T3  - Lecture Notes']);
    expect(tagLines(ris('article-journal'), 'J2')).toEqual(['J2  - Phys. Rev. D']);
  });

  it('cannot be made to start a tag or a record by any value (CR, LF, NEL, LS, PS, VT, FF, ESC)', async () => {
    const paper = await makePaper(
      {
        title: 'Innocent ER  - TY  - JOUR title',
        authors: ['A B'],
        keywords: ['ER  - '],
        note: 'Line one\nER  - \nTY  - BOOK and     TY  - JOUR glued after spaces',
      },
      'A paragraph.\n\nER  - \n\nTY  - BOOK\n\nTI  - Injected',
    );
    // Values that the schema would never let through, as a hostile or buggy caller could still hand them over.
    const hostile = structuredClone(paper);
    const breaks = ['\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c', '\u001b', '\u0000'];
    hostile.data.title = breaks.map((b) => `x${b}ER  - ${b}TY  - JOUR${b}`).join('');
    hostile.data.authors = [{ family: `Evil${breaks.join('ER  - ')}`, given: 'E\nTY  - BOOK' }];
    hostile.data.keywords = ['one\r\nER  - ', 'two\u2028TY  - GEN'];
    hostile.abstract = { ...paper.abstract, text: `First\u2029TY  - BOOK\n\nER  - \r\nSecond\u0085ER  - ` };
    for (const record of [paper, hostile]) {
      const ris = formatRisRecord(record);
      expect(ris).not.toMatch(/[\u0000-\u0009\u000b-\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/);
      const recordLines = ris.split('\r\n').slice(0, -1);
      for (const line of recordLines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(recordLines.filter((line) => line.startsWith('TY  - '))).toHaveLength(1);
      expect(recordLines.filter((line) => line.startsWith('ER  - '))).toHaveLength(1);
      expect(recordLines.at(-1)).toBe('ER  - ');
      // Independent readers agree: one record.
      expect(new Cite(ris).data).toHaveLength(1);
      expect(readRis(ris, 'hostile.ris').entries).toHaveLength(1);
    }
    // The text that looked like tags is text again after the round trip.
    const back = await throughRis(paper);
    // Each line of a note is a paragraph in RIS, and a run of spaces before tag-like text is one space.
    const note = 'Line one\n\nER  -\n\nTY  - BOOK and TY  - JOUR glued after spaces';
    expect(back.data).toEqual({ ...paper.data, note, citationKey: paper.key });
    expect(back.abstract.text).toBe(paper.abstract.text);
    expect(back.abstract.text.split('\n\n')).toEqual(['A paragraph.', 'ER -', 'TY - BOOK', 'TI - Injected']);
  });

  it('is read by citation-js (an independent RIS parser) as the same work', async () => {
    const paper = (await makePapers([COMMON_TYPES.at(-1)!]))[0];
    const [item] = new Cite(formatRisRecord(paper)).data as Record<string, unknown>[];
    expect(item.type).toBe('article-journal');
    expect(item.title).toBe('An article with everything');
    expect(item.author).toEqual([
      { family: 'B', given: 'A' },
      { family: 'D', given: 'C' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2020, 2]] });
    expect(item['container-title']).toBe('Physical Review D');
    expect(item.volume).toBe('101');
    expect(item.issue).toBe('3');
    expect(item.page).toBe('034512');
    expect(item.DOI).toBe('10.1103/PhysRevD.101.034512');
    expect(item.ISSN).toBe('2470-0010');
    expect(item.keyword).toBe('lattice QCD,Monte Carlo, methods');
    expect(item.abstract).toBe('We compute things. ¶ Then more “things” – carefully…');
  });

  it('joins records with a blank line between them, as Zotero writes them', async () => {
    const papers = await makePapers(COMMON_TYPES.slice(0, 3));
    const file = joinRis(papers.map(formatRisRecord));
    expect(file.split('\r\n\r\n')).toHaveLength(3);
    expect(readRis(file, 'three.ris').entries).toHaveLength(3);
    expect(new Cite(file).data).toHaveLength(3);
  });
});

describe('readRis', () => {
  it('reads what Zotero and EndNote write: PY 2020///, Y1, DA with a month name, A1 without a space, T1/JF', () => {
    const text = [
      'TY  - JOUR',
      'T1  - Old-style tags',
      'A1  - Blomley,Nicholas',
      'JF  - Antipode',
      'PY  - 2004///',
      'ER  - ',
      '',
      'TY  - JOUR',
      'TI  - EndNote month',
      'AU  - Shannon, Claude E.',
      'PY  - 1948',
      'DA  - July',
      'ER  - ',
      '',
      'TY  - JOUR',
      'TI  - Y1 only',
      'Y1  - 2013/05/21',
      'AU  - Stein, Amelie',
      'ER  - ',
    ].join('\n');
    const { entries, problems } = readRis(text, 'zotero.ris');
    expect(problems).toEqual([]);
    expect(entries.map((entry) => entry.frontMatter.date)).toEqual(['2004', '1948-07', '2013-05-21']);
    expect(entries[0].frontMatter).toMatchObject({
      title: 'Old-style tags',
      authors: ['Nicholas Blomley'],
      containerTitle: 'Antipode',
    });
    // No ID: the importer generates the key.
    expect(entries.every((entry) => entry.frontMatter.citationKey === undefined && entry.key === undefined)).toBe(true);
  });

  it('keeps a UTF-8 BOM from hiding the first record, and reads LF, CR and CRLF line ends', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const text = `\uFEFFTY  - BOOK${eol}TI  - First${eol}AU  - Doe, Jane${eol}ER  - ${eol}`;
      const { entries } = readRis(text, 'bom.ris');
      expect(entries).toHaveLength(1);
      expect(entries[0].frontMatter).toMatchObject({ type: 'book', title: 'First', authors: ['Jane Doe'] });
    }
  });

  it('reads plain text as it is: no LaTeX decoding, markdown syntax escaped so the page shows the text', async () => {
    const text = [
      'TY  - JOUR',
      'ID  - key:2020/a',
      'TI  - The $\\alpha$-effect at ~10 K in \\emph{x} & <y>',
      'AU  - Doe, Jane',
      'AB  - We measure $\\alpha \\approx 0.1$ at ~10 K; *not* bold, <b>not</b> HTML, "quotes" -- kept...',
      'ER  - ',
    ].join('\r\n');
    const [entry] = readRis(text, 'latex.ris').entries;
    expect(entry.frontMatter.title).toBe('The $\\alpha$-effect at ~10 K in \\emph{x} & <y>');
    expect(entry.frontMatter.citationKey).toBe('key:2020/a');
    const [paper] = await papersFromEntries([entry]);
    expect(paper.abstract.text).toBe(
      'We measure $\\alpha \\approx 0.1$ at ~10 K; *not* bold, <b>not</b> HTML, "quotes" -- kept...',
    );
    expect(paper.abstract.html).not.toContain('<b>');
  });

  it("reads Zotero's multi-line abstracts as paragraphs and RIS-wrapped lines as one value", () => {
    const long = 'x'.repeat(100);
    const zotero = ['TY  - THES', 'TI  - T', 'AU  - A, B', `AB  - First ${long}`, 'Second paragraph.', 'ER  - '];
    expect(readRis(zotero.join('\r\n'), 'z.ris').entries[0].abstract).toBe(`First ${long}\n\nSecond paragraph.`);
    const wrapped = ['TY  - JOUR', 'TI  - Blood-brain barrier breach following', 'cortical contusion', 'ER  - '];
    expect(readRis(wrapped.join('\n'), 'w.ris').entries[0].frontMatter.title).toBe(
      'Blood-brain barrier breach following cortical contusion',
    );
  });

  it('keeps tags it has no field for in extra as ris-<tag>, says so, and writes them back', async () => {
    const text = [
      'TY  - JOUR',
      'TI  - With unknown tags',
      'AU  - Doe, Jane',
      'AD  - Some University',
      'AD  - Another Institute',
      'C7  - 2864',
      'L2  - https://example.org/fulltext',
      'ER  - ',
    ].join('\r\n');
    const [entry] = readRis(text, 'unknown.ris').entries;
    expect(entry.frontMatter.extra).toEqual({
      'ris-ad': 'Some University\nAnother Institute',
      'ris-c7': '2864',
      'ris-l2': 'https://example.org/fulltext',
    });
    expect(entry.notes.join('\n')).toMatch(/AD, C7, L2.*extra/);
    const [paper] = await papersFromEntries([entry]);
    const written = formatRisRecord(paper);
    expect(tagLines(written, 'AD')).toEqual(['AD  - Some University', 'AD  - Another Institute']);
    expect(tagLines(written, 'C7')).toEqual(['C7  - 2864']);
    expect(tagLines(written, 'L2')).toEqual(['L2  - https://example.org/fulltext']);
  });

  it('keeps a value the schema rejects verbatim (with a note), so every record validates', async () => {
    const text = [
      'TY  - JOUR',
      'TI  - Odd values',
      'AU  - Doe, Jane',
      'UR  - osf.io/bdnqr',
      'DO  - not a doi',
      'DA  - 2021/02/30/',
      'ID  - has space',
      'ER  - ',
    ].join('\r\n');
    const [entry] = readRis(text, 'odd.ris').entries;
    expect(entry.frontMatter.extra).toEqual({
      'ris-ur': 'osf.io/bdnqr',
      'ris-do': 'not a doi',
      'ris-da': '2021/02/30/',
      'ris-id': 'has space',
    });
    expect(entry.notes).toHaveLength(4);
    await expect(papersFromEntries([entry])).resolves.toHaveLength(1);
  });

  it('tells an ISSN from an ISBN in SN by its form, then by the type; AN arXiv:… from an archive location', () => {
    const text = [
      'TY  - BOOK',
      'TI  - B',
      'SN  - 978-3-16-148410-0',
      'SN  - 0317-8471',
      'AN  - arXiv:2211.15029',
      'ER  - ',
      'TY  - JOUR',
      'TI  - J',
      'SN  - 20411723 (ISSN)',
      'AN  - WOS:000351909700070',
      'ER  - ',
    ].join('\n');
    const [book, journal] = readRis(text, 'sn.ris').entries;
    expect(book.frontMatter).toMatchObject({ isbn: '978-3-16-148410-0', issn: '0317-8471', arxiv: '2211.15029' });
    expect(journal.frontMatter).toMatchObject({ issn: '20411723 (ISSN)', archiveLocation: 'WOS:000351909700070' });
  });

  it('reads "et al." authors as the truncation flag, and a corporate name with a trailing comma as one name', () => {
    const text = [
      'TY  - JOUR',
      'TI  - T',
      'AU  - Smith, J.',
      'AU  - et al.',
      'AU  - Open Science Collaboration,',
      'ER  - ',
    ];
    const [entry] = readRis(text.join('\n'), 'etal.ris').entries;
    expect(entry.frontMatter.authors).toEqual(['J. Smith', { literal: 'Open Science Collaboration' }]);
    expect(entry.frontMatter.authorsTruncated).toBe(true);
  });

  it("reads the exporters' quirks: EndNote's one-KW-many-lines, WoS's month-only DA, ISO DA, a time in Y2, M3 DOIs", () => {
    const text = [
      'TY  - JOUR',
      'TI  - EndNote keywords',
      'KW  - article',
      'biostratigraphy',
      'dinosaur',
      'SP  - 549-565',
      'ER  - ',
      'TY  - JOUR',
      'TI  - Web of Science date',
      'DA  - SEP 22',
      'PY  - 2010',
      'ER  - ',
      'TY  - JOUR',
      'TI  - OpenAlex date',
      'DA  - 2024-02-01',
      'Y2  - 2021/07/15/02:06:37',
      'ER  - ',
      'TY  - JOUR',
      'TI  - DOI in M3',
      'M3  - 10.2307/1290376',
      'ER  - ',
    ].join('\n');
    const [endnote, wos, openalex, m3] = readRis(text, 'quirks.ris').entries;
    expect(endnote.frontMatter).toMatchObject({
      keywords: ['article', 'biostratigraphy', 'dinosaur'],
      pages: '549-565',
    });
    expect(wos.frontMatter.date).toBe('2010-09-22');
    expect(openalex.frontMatter).toMatchObject({ date: '2024-02-01', accessed: '2021-07-15' });
    expect(openalex.notes.join()).toMatch(/dropped the time of day/);
    expect(m3.frontMatter).toMatchObject({ doi: '10.2307/1290376' });
    expect(m3.frontMatter.genre).toBeUndefined();
  });

  it('reads two tags glued on one line (Rayyan) as two, but never lets text open or close a record', () => {
    const text = [
      'TY  - JOUR',
      'TI  - Glued',
      'UR  - https://example.org/record?id=1&from=export     U2  - L2029880245',
      'DO  - 10.1038/s41467-024-48400-3     LK  - https://example.org/link',
      'N1  - a note     ER  - that mentions     TY  - JOUR',
      'ER  - ',
    ].join('\n');
    const { entries } = readRis(text, 'rayyan.ris');
    expect(entries).toHaveLength(1);
    expect(entries[0].frontMatter).toMatchObject({
      url: 'https://example.org/record?id=1&from=export',
      doi: '10.1038/s41467-024-48400-3',
      note: 'a note     ER  - that mentions     TY  - JOUR',
      extra: { 'ris-u2': 'L2029880245', 'ris-lk': 'https://example.org/link' },
    });
  });

  it('keeps a repeated keyword once (Scopus repeats author and index keywords), saying so', () => {
    const text = ['TY  - JOUR', 'TI  - T', 'KW  - fossil', 'KW  - Fossil', 'KW  - fossil', 'ER  - '].join('\n');
    const [entry] = readRis(text, 'scopus.ris').entries;
    expect(entry.frontMatter.keywords).toEqual(['fossil', 'Fossil']);
    expect(entry.notes).toEqual(['KW "fossil" is repeated; kept once']);
  });

  it('reads records without ER, and says so', () => {
    const text = ['TY  - JOUR', 'TI  - One', 'TY  - BOOK', 'TI  - Two'].join('\n');
    const { entries } = readRis(text, 'no-er.ris');
    expect(entries.map((entry) => entry.frontMatter.title)).toEqual(['One', 'Two']);
    expect(entries[0].notes.join()).toMatch(/no ER/);
    expect(entries[1].notes.join()).toMatch(/ends before/);
  });

  it('reports a record it cannot import, and rejects a file with no record at all', () => {
    const { entries, problems } = readRis('TY  - JOUR\nPY  - 2020\nER  - \nTY  - JOUR\nTI  - Fine\nER  - ', 'x.ris');
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/title/) }]);
    expect(() => readRis('Just some text', 'notes.ris')).toThrow(ImportFileError);
    expect(() => readRis('', 'empty.ris')).toThrow(ImportFileError);
  });
});
