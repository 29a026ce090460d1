// The BibTeX writer, read back by two independent parsers: @retorquere/bibtex-parser (Better BibTeX's) and
// citation-js (plugin-bibtex). bibtex and biber themselves run in tests/clients/bibtex-real.test.ts.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/domain/paper';
import { formatBibtexEntry, joinBibtex } from '../../src/formats/bibtex';
import { readBibtex } from '../../src/formats/bibtex-import';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import { COMMON_PAPERS, HOSTILE_TITLES } from '../helpers/bibtex-fixtures';
import { makePaper, makePapers } from '../helpers/model';

const write = (paper: Paper, siteFields = false) => formatBibtexEntry(paper, { siteFields });

/** The one entry of a written text, as Better BibTeX's parser reads it (no errors allowed). */
function parseOne(bib: string) {
  const library = parse(bib, PARSE_OPTIONS);
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0];
}

/** The one item citation-js reads from a written text. */
function citeOne(bib: string): Record<string, unknown> {
  const items = new Cite(bib).data as Record<string, unknown>[];
  expect(items).toHaveLength(1);
  return items[0];
}

/** Field names of an entry in the order written. */
const fieldNames = (bib: string) => [...bib.matchAll(/^ {2}([a-z]+) = /gm)].map((match) => match[1]);

const person = (creator: Creator) => [creator.prefix, creator.lastName, creator.suffix, creator.firstName];

describe('formatBibtexEntry: types and fields', () => {
  it('writes a journal article with volume, issue, pages and DOI under BibTeX names', async () => {
    const paper = await makePaper(COMMON_PAPERS[0].frontMatter, COMMON_PAPERS[0].abstract);
    const bib = write(paper);
    expect(bib.startsWith(`@article{${paper.key},\n`)).toBe(true);
    const entry = parseOne(bib);
    expect(entry.fields).toMatchObject({
      title: 'Attention Is All You Need for BERT and GPT-2',
      journal: 'Journal of Machine Learning Research',
      volume: '18',
      number: '3',
      pages: '1–15',
      doi: '10.5555/3295222.3295349',
      year: '2017',
      month: '6',
      day: '12',
      keywords: ['attention', 'transformers'],
    });
    expect(bib).toContain('pages = {1--15}');
    expect(entry.fields.author!.map(person)).toEqual([
      [undefined, 'Vaswani', undefined, 'Ashish'],
      [undefined, 'Shazeer', 'Jr.', 'Noam'],
      ['van', 'Beethoven', undefined, 'Ludwig'],
    ]);
    const item = citeOne(bib);
    expect(item).toMatchObject({
      type: 'article-journal',
      title: 'Attention Is All You Need for BERT and GPT-2',
      'container-title': 'Journal of Machine Learning Research',
      volume: '18',
      issue: '3',
      DOI: '10.5555/3295222.3295349',
      issued: { 'date-parts': [[2017, 6, 12]] },
    });
    expect(item.author).toEqual([
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer', suffix: 'Jr.' },
      { given: 'Ludwig', family: 'Beethoven', 'non-dropping-particle': 'van' },
    ]);
  });

  it('protects mixed-case words and acronyms in titles, and only those', async () => {
    const bib = write(
      await makePaper({ title: 'BERT and GPT-2 beat DiffusionBERT on Chess-Playing LLMs', date: '2020' }),
    );
    expect(bib).toContain('title = {{BERT} and {GPT-2} beat {DiffusionBERT} on Chess-Playing {LLMs}}');
  });

  it.each([
    [
      'conference paper',
      1,
      'inproceedings',
      { booktitle: expect.stringContaining('Computer Vision'), publisher: ['IEEE'] },
    ],
    ['book', 2, 'book', { publisher: ['Addison-Wesley'], edition: '2', isbn: '978-0-201-13447-6' }],
    ['edited book', 3, 'book', { series: 'Machine Learning and Pattern Recognition', volume: '2' }],
    ['chapter with editors', 4, 'incollection', { booktitle: 'Handbook of Natural Language Processing', chapter: '2' }],
    ['PhD thesis', 5, 'phdthesis', { school: 'University of Cambridge', address: 'Cambridge' }],
    ["master's thesis", 6, 'mastersthesis', { school: 'Yale University' }],
    ['report', 7, 'techreport', { number: 'TR-2021-07', institution: ['Institute for Advanced Study'] }],
    ['dataset', 8, 'misc', { entrysubtype: 'dataset', version: '2012', organization: ['Stanford Vision Lab'] }],
    ['software', 9, 'misc', { entrysubtype: 'software', version: '1.4.1', organization: ['SciPy Developers'] }],
    ['web page', 10, 'misc', { entrysubtype: 'online', urldate: '2024-10-01', url: 'https://www.ctan.org/' }],
    ['preprint', 11, 'misc', { entrysubtype: 'preprint', eprint: '2211.15029v2', archiveprefix: 'arXiv' }],
    ['talk', 12, 'misc', { entrysubtype: 'speech', howpublished: 'TUG 2024', location: ['Prague'] }],
  ])('writes a %s as @%s with its fields', async (_label, index, type, fields) => {
    const fixture = COMMON_PAPERS[index as number];
    const bib = write(await makePaper(fixture.frontMatter, fixture.abstract));
    const entry = parseOne(bib);
    expect(entry.type).toBe(type);
    expect(entry.fields).toMatchObject(fields as object);
    const item = citeOne(bib);
    expect(item.title).toBe((fixture.frontMatter as { title: string }).title);
    expect(item.issued).toBeDefined();
  });

  it('drops the genre a thesis entry type already says, keeps any other', async () => {
    const phd = write(await makePaper(COMMON_PAPERS[5].frontMatter));
    expect(fieldNames(phd)).not.toContain('type');
    const other = write(await makePaper({ ...(COMMON_PAPERS[5].frontMatter as object), genre: 'Habilitation' }));
    expect(parseOne(other).fields.type).toBe('Habilitation');
    const zotero = write(await makePaper({ ...(COMMON_PAPERS[5].frontMatter as object), genre: 'PhD Thesis' }));
    expect(parseOne(zotero).fields.type).toBe('PhD Thesis');
  });

  it('writes the entry type an import came with (bibtexType) and no entrysubtype with it', async () => {
    const bib = write(
      await makePaper({ type: 'report', bibtexType: 'manual', title: 'User Guide', publisher: 'CERN', date: '2001' }),
    );
    expect(bib.startsWith('@manual{')).toBe(true);
    expect(parseOne(bib).fields).toMatchObject({ organization: ['CERN'] });
  });

  it("writes a preprint's container title and publisher both (howpublished, organization), and reads them back", async () => {
    const frontMatter = {
      type: 'article',
      title: 'A Preprint',
      authors: [{ family: 'Lovelace', given: 'Ada' }],
      date: '2024',
      containerTitle: 'SSRN Electronic Journal',
      publisher: 'Elsevier',
    };
    const bib = write(await makePaper(frontMatter));
    expect(bib).toContain('  howpublished = {SSRN Electronic Journal},\n  organization = {Elsevier}');
    expect(readBibtex(bib, 'preprint.bib').entries[0].frontMatter).toMatchObject(frontMatter);
    // A publisher alone is the howpublished, as the seed's arXiv preprints have it.
    const alone = write(await makePaper({ ...frontMatter, containerTitle: undefined }));
    expect(alone).toContain('  howpublished = {Elsevier}');
    expect(alone).not.toContain('organization');
    expect(readBibtex(alone, 'alone.bib').entries[0].frontMatter).toMatchObject({ publisher: 'Elsevier' });
  });

  it('writes arXiv as eprint + archiveprefix, and primaryclass only from an arXiv category', async () => {
    const [withCategory, without] = await makePapers([
      { frontMatter: { title: 'A', arxiv: '1011.1669v3', category: 'hep-th', date: '2010' } },
      { frontMatter: { title: 'B', arxiv: 'hep-th/9901001', date: '1999' } },
    ]);
    expect(parseOne(write(withCategory)).fields).toMatchObject({
      eprint: '1011.1669v3',
      archiveprefix: 'arXiv',
      primaryclass: 'hep-th',
    });
    expect(fieldNames(write(without))).toEqual(['entrysubtype', 'title', 'year', 'eprint', 'archiveprefix']);
    // al-folio's own arxiv field too, with the site fields; read back as the one arXiv id.
    const alFolio = write(without, true);
    expect(parseOne(alFolio).fields).toMatchObject({ eprint: 'hep-th/9901001', arxiv: 'hep-th/9901001' });
    expect(readBibtex(alFolio, 'x.bib').entries[0].frontMatter).toMatchObject({ arxiv: 'hep-th/9901001' });
    expect(readBibtex(alFolio, 'x.bib').entries[0].frontMatter.extra).toBeUndefined();
  });
});

describe('formatBibtexEntry: dates at their precision', () => {
  it.each([
    ['2024', ['year'], { year: '2024' }, [[2024]]],
    ['2024-05', ['year', 'month'], { year: '2024', month: '5' }, [[2024, 5]]],
    ['2024-05-22', ['year', 'month', 'day'], { year: '2024', month: '5', day: '22' }, [[2024, 5, 22]]],
    [
      '2023-11/2024-02',
      ['year', 'month', 'date'],
      { date: '2023-11/2024-02' },
      [
        [2023, 11],
        [2024, 2],
      ],
    ],
    ['1850~', ['year', 'date'], { date: '1850~' }, [[1850]]],
  ])('%s → %j', async (date, names, fields, citeParts) => {
    const bib = write(await makePaper({ title: 'T', authors: ['A B'], date }));
    expect(fieldNames(bib).filter((name) => ['year', 'month', 'day', 'date'].includes(name))).toEqual(names);
    expect(parseOne(bib).fields).toMatchObject(fields);
    expect((citeOne(bib).issued as { 'date-parts': unknown })['date-parts']).toEqual(citeParts);
  });

  it('writes no date fields for an undated work', async () => {
    const bib = write(await makePaper({ title: 'T', authors: ['A B'] }));
    expect(fieldNames(bib)).toEqual(['entrysubtype', 'title', 'author']);
    expect(citeOne(bib).issued).toBeUndefined();
  });
});

describe('formatBibtexEntry: names stay one name each', () => {
  it('keeps particles, suffixes, corporate names, "and" and commas inside one name', async () => {
    const paper = await makePaper({
      title: 'T',
      date: '2020',
      authors: [
        { family: 'Berg', given: 'Hans', particle: 'von der', suffix: 'Jr.' },
        { literal: 'World Health Organization' },
        { literal: 'Barnes and Noble, Inc.' },
        { family: 'Smith and Sons', given: 'Anna' },
        { family: 'Lloyd Webber', given: 'Andrew' },
        { family: 'Aristotle' },
        { family: 'Lloyd Webber' },
        { family: 'others', given: 'Mister' },
      ],
      authorsTruncated: true,
    });
    const bib = write(paper);
    expect(bib).toContain(
      'author = {von der Berg, Jr., Hans and {World Health Organization} and {Barnes and Noble, Inc.} and {Smith and Sons}, Anna and {Lloyd Webber}, Andrew and Aristotle and {Lloyd Webber} and {others}, Mister and others}',
    );
    const authors = parseOne(bib).fields.author!;
    expect(authors.map((creator) => creator.name ?? person(creator))).toEqual([
      ['von der', 'Berg', 'Jr.', 'Hans'],
      'World Health Organization',
      'Barnes and Noble, Inc.',
      [undefined, 'Smith and Sons', undefined, 'Anna'],
      [undefined, 'Lloyd Webber', undefined, 'Andrew'],
      [undefined, 'Aristotle', undefined, undefined],
      'Lloyd Webber',
      [undefined, 'others', undefined, 'Mister'],
      [undefined, 'others', undefined, undefined],
    ]);
    const cited = citeOne(bib).author as Record<string, string>[];
    expect(cited).toHaveLength(9);
    expect(cited[1]).toEqual({ family: 'World Health Organization' });
    expect(cited[3]).toEqual({ family: 'Smith and Sons', given: 'Anna' });
    // Read back by the importer: the same names, the truncation as a flag.
    const read = readBibtex(bib, 'x.bib').entries[0].frontMatter;
    expect(read.authors).toEqual([
      { family: 'Berg', given: 'Hans', particle: 'von der', suffix: 'Jr.' },
      { literal: 'World Health Organization' },
      { literal: 'Barnes and Noble, Inc.' },
      { family: 'Smith and Sons', given: 'Anna' },
      { family: 'Lloyd Webber', given: 'Andrew' },
      { family: 'Aristotle' },
      // A family name of several words alone comes back as a literal name (the same name shown).
      { literal: 'Lloyd Webber' },
      { family: 'others', given: 'Mister' },
    ]);
    expect(read.authorsTruncated).toBe(true);
  });
});

describe('formatBibtexEntry: hostile text stays inside its field', () => {
  it.each(HOSTILE_TITLES)('%s', async (title) => {
    const paper = await makePaper({ title, authors: [{ family: title, given: 'X and Y' }], note: title, date: '2020' });
    const bib = write(paper);
    // BibTeX's own brace count (backslashes do not count) closes the entry only at its last character.
    let depth = 1;
    const body = bib.slice(bib.indexOf(',\n'), bib.lastIndexOf('}'));
    for (const char of body) {
      if (char === '{') depth++;
      if (char === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(1);
    }
    expect(depth).toBe(1);
    const entry = parseOne(bib);
    expect(Object.keys(entry.fields).sort()).toEqual(['author', 'entrysubtype', 'note', 'title', 'year']);
    expect(entry.fields.title).toBe(title);
    expect(entry.fields.note).toBe(title);
    expect(entry.fields.author!.map(person)).toEqual([[undefined, title, undefined, 'X and Y']]);
    const item = citeOne(bib);
    expect(
      Object.keys(item)
        .filter((key) => !key.startsWith('_'))
        .sort(),
    ).toEqual(['author', 'citation-key', 'genre', 'id', 'issued', 'note', 'title', 'type'].sort());
    expect(item.title).toBe(title);
  });

  it('never writes a control character, even from a paper that bypassed the schema', async () => {
    const paper = await makePaper({ title: 'Clean', date: '2020', extra: { custom: 'ok' } });
    paper.data.title = 'Bell\u0007 form\u000cfeed NEL\u0085 sep\u2028 nonchar\ufdd0\uffff';
    paper.site.extra = { custom: 'x\u0000y\u001b' };
    paper.abstract = { ...paper.abstract, text: 'a\u0008b' };
    const bib = write(paper);
    expect(bib).not.toMatch(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]/,
    );
    expect(parseOne(bib).fields.title).toBe('Bell formfeed NEL sep nonchar');
  });
});

describe('formatBibtexEntry: identifiers verbatim', () => {
  it.each(['10.1000/a_b#c%d~e', '10.1002/(SICI)1097-4636(199706)35:4<445::AID-JBM5>3.0.CO;2-G', '10.1234/x^y&z$w'])(
    'DOI %s reads back the same (raw, but for a percent-encoded $)',
    async (doi) => {
      const bib = write(await makePaper({ title: 'T', doi, date: '2020' }));
      const written = doi.replace(/\$/g, '%24');
      expect(bib).toContain(`doi = {${written}}`);
      expect(parseOne(bib).fields.doi).toBe(written);
      expect(citeOne(bib).DOI).toBe(written);
      expect(readBibtex(bib, 'x.bib').entries[0].frontMatter.doi).toBe(doi);
    },
  );

  it.each([
    'https://example.org/a%20b/c?q=1&r=%7E#frag',
    'https://example.org/search?q=50%25#results',
    'https://example.org/{weird}/path',
    'https://example.org/a\\b',
  ])('URL %s reads back as the same URL', async (url) => {
    const bib = write(await makePaper({ title: 'T', url, date: '2020' }));
    const read = parseOne(bib).fields.url!;
    // The same URL to a browser: percent-encoding of braces and backslashes is what URLs do anyway.
    expect(new URL(read).href).toBe(new URL(url.replace(/\\/g, '%5C')).href);
    expect(new URL(citeOne(bib).URL as string).href).toBe(new URL(read).href);
    expect(bib).not.toMatch(/url = \{[^}\n]*[{\\]/);
  });
});

describe('formatBibtexEntry: abstract, extra and site fields', () => {
  it('writes paragraph breaks as \\par, and the importer reads them back as paragraphs', async () => {
    const paper = await makePaper(
      { title: 'T', date: '2020' },
      'First paragraph with 50% and $x$.\n\nSecond paragraph.',
    );
    const bib = write(paper);
    expect(bib).toContain('abstract = {First paragraph with 50\\% and \\$x\\$. \\par Second paragraph.}');
    expect(readBibtex(bib, 'x.bib').entries[0].abstract).toBe('First paragraph with 50% and $x$.\n\nSecond paragraph.');
    expect(citeOne(bib).abstract).toContain('Second paragraph.');
  });

  it("writes the abstract's markup as LaTeX the importer reads back as the same markdown", async () => {
    const markdown = [
      'Euler: e<sup>iπ</sup> and LaTeX 2<sub>ϵ</sub>, *Part One*, **bold**, `tbn.mac`, 50% & $5 {a}.',
      'See [the page](<https://x.org/a_b%20c#f>), <https://y.org/>, mail acw!<info@uunet.uu.net>.',
      '- one\n- two *x*',
      '```\n.begin x <y>\n    0-2  Op {Code}\n\n.end\n```',
    ].join('\n\n');
    const bib = write(await makePaper({ title: 'T', date: '2020' }, markdown));
    expect(bib).toContain(
      'abstract = {Euler: e\\textsuperscript{iπ} and LaTeX 2\\textsubscript{ϵ}, \\emph{Part One}, \\textbf{bold}, \\texttt{tbn.mac}, 50\\% \\& \\$5 \\textbraceleft{}a\\textbraceright{}. \\par See \\href{https://x.org/a_b\\%20c\\#f}{the page}, \\url{https://y.org/}, mail acw!info@uunet.uu.net. \\par \\begin{itemize} \\item one \\item two \\emph{x} \\end{itemize} \\par \\begin{verbatim}\n.begin x <y>\n    0-2  Op {Code}\n\n.end\n\\end{verbatim}}',
    );
    expect(readBibtex(bib, 'x.bib').entries[0].abstract).toBe(markdown.replace('50% & $5 {a}', '50% \\& $5 {a}'));
  });

  it('writes a verbatim value with a lone $ in quotes (braced, the parser would refuse the entry)', async () => {
    const paper = await makePaper({ title: 'T', date: '2020', extra: { toc: 'Rights / $r by W. S.' } });
    const bib = write(paper);
    expect(bib).toContain('toc = "Rights / $r by W. S."');
    expect(readBibtex(bib, 'x.bib').entries[0].frontMatter.extra).toEqual({ toc: 'Rights / $r by W. S.' });
  });

  it('writes extra fields back verbatim, still inside their braces', async () => {
    const paper = await makePaper({
      title: 'T',
      date: '2020',
      extra: { abbr: 'NeurIPS', indextitle: 'True Frontier, The', broken: 'a}, evil = {b', open: '{{{x' },
    });
    const bib = write(paper);
    expect(bib).toContain('abbr = {NeurIPS}');
    expect(bib).toContain('indextitle = {True Frontier, The}');
    const entry = parseOne(bib);
    expect(Object.keys(entry.fields)).not.toContain('evil');
    expect(entry.fields).toMatchObject({ broken: 'a}, evil = {b', open: '{{{x' });
  });

  it('writes site fields under al-folio names only when asked', async () => {
    const paper = await makePaper({
      title: 'T',
      date: '2020',
      selected: true,
      award: 'Best Paper',
      code: 'https://github.com/x/y',
      pdf: 'https://example.org/p.pdf',
      project: 'https://example.org/project',
      supplement: 'https://example.org/supp.zip',
      score: 90,
    });
    expect(fieldNames(write(paper))).toEqual(['entrysubtype', 'title', 'year']);
    const entry = parseOne(write(paper, true));
    expect(entry.fields).toMatchObject({
      selected: 'true',
      award: 'Best Paper',
      code: 'https://github.com/x/y',
      pdf: 'https://example.org/p.pdf',
      html: 'https://example.org/project',
      supp: 'https://example.org/supp.zip',
      score: '90',
    });
  });

  it('is deterministic and joins entries under the site header', async () => {
    const papers = await makePapers(COMMON_PAPERS);
    const once = papers.map((paper) => write(paper));
    const again = (await makePapers(COMMON_PAPERS)).map((paper) => write(paper));
    expect(again).toEqual(once);
    const file = joinBibtex(once, 'Bibshelf — papers by @ada\nhttps://example.org/');
    expect(file.split('\n').slice(0, 4)).toEqual([
      '% Bibshelf — papers by ＠ada',
      '% https://example.org/',
      `% ${once.length} entries, UTF-8`,
      '',
    ]);
    const library = parse(file, PARSE_OPTIONS);
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key)).toEqual(papers.map((paper) => paper.key));
  });
});
