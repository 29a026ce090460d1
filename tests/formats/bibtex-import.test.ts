// The BibTeX reader: hand-made inputs for each rule, then real files nobody here wrote (biblatex's and BibTeX's
// own examples), read, built into papers, written and parsed back for a field-survival measure.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatBibtexEntry, joinBibtex } from '../../src/formats/bibtex';
import { evaluatePreambles, findDefinedCommands, readBibtex } from '../../src/formats/bibtex-import';
import { formatPreamble } from '../../src/formats/join';
import type { ImportedEntry } from '../../src/formats/import-entry';
import { measureSurvival } from '../helpers/bibtex-survival';
import { makePaper, makePapers } from '../helpers/model';

/** Reads a text that must give exactly one entry and no problems. */
function readOne(bib: string): ImportedEntry {
  const result = readBibtex(bib, 'test.bib');
  expect(result.problems).toEqual([]);
  expect(result.entries).toHaveLength(1);
  return result.entries[0];
}

describe('readBibtex: file syntax', () => {
  it('expands every @string form, reads @article(...), ignores @comment, reports an unused @preamble, keeps the first entry after a BOM', () => {
    const bib = [
      '\uFEFF@string{ jgg = "Journal of " # "Gnats" }',
      '@STRING(gnu = {and Gnus})',
      '@string{long = {A title',
      '   over two lines}}',
      '@comment{ @article{hidden, title = {Not an entry}} }',
      '@preamble{ "\\newcommand{\\noopsort}[1]{}" }',
      '@article(first,',
      '  title = long # { about } # gnu,',
      '  journal = jgg # { } # gnu,',
      '  author = {Aamport, Leslie A.},',
      '  year = 1986, month = jul',
      ')',
      '@misc{second, title = "Quoted {V}alue", year = {2001}}',
    ].join('\n');
    const result = readBibtex(bib, 'strings.bib');
    // No entry keeps \noopsort verbatim, so the preamble is not kept: said, as a skip.
    expect(result.problems).toEqual([
      {
        line: 6,
        message: 'skipped: the @preamble, as no entry uses a command it defines: \\providecommand{\\noopsort}[1]{}',
      },
    ]);
    expect(result.entries.map((entry) => [entry.key, entry.line])).toEqual([
      ['first', 7],
      ['second', 13],
    ]);
    expect(result.entries[0].frontMatter).toMatchObject({
      type: 'article-journal',
      citationKey: 'first',
      title: 'A title over two lines about and Gnus',
      containerTitle: 'Journal of Gnats and Gnus',
      date: '1986-07',
    });
    expect(result.entries[1].frontMatter).toMatchObject({ type: 'document', title: 'Quoted Value', date: '2001' });
  });

  it('resolves crossref and xdata with biblatex inheritance (title → booktitle) and keeps the crossref', () => {
    const bib = [
      '@xdata{pubinfo, publisher = {Greenwood}, location = {Westport}}',
      '@incollection{child, author = {Westfahl, Gary}, title = {The True Frontier}, pages = {55--65}, crossref = {parent}}',
      '@collection{parent, editor = {Westfahl, Gary}, title = {Space and Beyond}, date = {2000}, xdata = {pubinfo}}',
    ].join('\n');
    const result = readBibtex(bib, 'crossref.bib');
    const child = result.entries.find((entry) => entry.key === 'child')!;
    expect(child.frontMatter).toMatchObject({
      type: 'chapter',
      title: 'The True Frontier',
      containerTitle: 'Space and Beyond',
      editors: [{ family: 'Westfahl', given: 'Gary' }],
      date: '2000',
      publisher: 'Greenwood',
      publisherPlace: 'Westport',
      extra: { crossref: 'parent' },
    });
    // The parser's crossref also hands down the parent's xdata pointer: the child says where its fields came from.
    expect(child.notes).toEqual([
      'kept in extra: crossref',
      'xdata pubinfo resolved: its fields are part of this entry',
    ]);
    const parent = result.entries.find((entry) => entry.key === 'parent')!;
    expect(parent.notes).toContain('xdata pubinfo resolved: its fields are part of this entry');
    expect(result.problems.map((problem) => problem.key)).toEqual(['pubinfo']);
  });

  it('reports an entry it cannot parse and reads the others', () => {
    const result = readBibtex(
      '@article{good, title = {Fine}, year = 2000}\n@article{bad, title = {Unclosed, year = 2000\n',
      'x.bib',
    );
    expect(result.entries.map((entry) => entry.key)).toEqual(['good']);
    expect(result.problems).toHaveLength(1);
  });
});

describe('readBibtex: types', () => {
  it.each([
    ['@manual', 'manual', { type: 'report', bibtexType: 'manual' }],
    ['@phdthesis', 'phdthesis', { type: 'thesis', genre: 'PhD thesis' }],
    ['@mastersthesis', 'mastersthesis', { type: 'thesis', bibtexType: 'mastersthesis', genre: "Master's thesis" }],
    ['@inbook', 'inbook', { type: 'chapter', bibtexType: 'inbook' }],
    ['@conference', 'conference', { type: 'paper-conference', bibtexType: 'conference' }],
    ['@online', 'online', { type: 'webpage' }],
    ['@thesis', 'thesis', { type: 'thesis' }],
    ['@misc + entrysubtype dataset', 'misc', { type: 'dataset' }, 'dataset'],
  ])('%s', (_label, type, expected, subtype?: string) => {
    const entry = readOne(
      `@${type}{k, title = {T}, author = {A, B}, year = 2000${subtype ? `, entrysubtype = {${subtype}}` : ''}}`,
    );
    expect(entry.frontMatter).toMatchObject(expected);
    if (!('bibtexType' in expected)) expect(entry.frontMatter.bibtexType).toBeUndefined();
    if (type === 'thesis') expect(entry.frontMatter.genre).toBeUndefined();
  });

  it('keeps a thesis type field as its genre, and the writer drops only the default one', async () => {
    const own = readOne(
      '@phdthesis{k, title = {T}, author = {A, B}, school = {MIT}, year = 2000, type = {Habilitation}}',
    );
    expect(own.frontMatter.genre).toBe('Habilitation');
    const plain = readOne('@phdthesis{k, title = {T}, author = {A, B}, school = {MIT}, year = 2000}');
    const written = formatBibtexEntry(await makePaper(plain.frontMatter), { siteFields: false });
    expect(written).not.toMatch(/^\s+type = /m);
    expect(readOne(written).frontMatter).toEqual(plain.frontMatter);
  });

  it("gives a preprint's repository back as its publisher (howpublished is the publisher the writer names for preprints)", async () => {
    const front = { type: 'article', title: 'T', authors: ['Ada Lovelace'], date: '2022-11', publisher: 'arXiv' };
    const written = formatBibtexEntry(await makePaper(front), { siteFields: false });
    expect(written).toMatch(/^ {2}howpublished = \{arXiv\},?$/m);
    const back = readOne(written).frontMatter;
    expect(back.publisher).toBe('arXiv');
    expect(back.containerTitle).toBeUndefined();
  });

  it('reads an unknown entry type as a document, with a note', () => {
    const entry = readOne('@artwork{k, title = {T}, author = {A, B}, year = 2000}');
    expect(entry.frontMatter.type).toBe('graphic');
    const odd = readOne('@whatever{k, title = {T}, year = 2000}');
    expect(odd.frontMatter.type).toBe('document');
    expect(odd.notes.join(' ')).toMatch(/@whatever/);
  });
});

describe('readBibtex: names', () => {
  it('reads particles, suffixes, braced corporate names and "and others"', () => {
    const entry = readOne(
      '@book{k, title = {T}, year = 2000, author = {von der Berg, Jr., Hans and Ludwig van Beethoven and {World Health Organization} and {Barnes and Noble} and Smith, J. and others}, editor = {Doe, Jane and others}}',
    );
    expect(entry.frontMatter.authors).toEqual([
      { family: 'Berg', given: 'Hans', particle: 'von der', suffix: 'Jr.' },
      { family: 'Beethoven', given: 'Ludwig', particle: 'van' },
      { literal: 'World Health Organization' },
      { literal: 'Barnes and Noble' },
      { family: 'Smith', given: 'J.' },
    ]);
    expect(entry.frontMatter.authorsTruncated).toBe(true);
    expect(entry.frontMatter.editorsTruncated).toBe(true);
  });

  it('keeps a name list it cannot mark as incomplete in extra', () => {
    const entry = readOne('@book{k, title = {T}, year = 2000, translator = {Doe, Jane and others}}');
    expect(entry.frontMatter.translators).toBeUndefined();
    expect(entry.frontMatter.extra).toEqual({ translator: 'Doe, Jane and others' });
    expect(entry.notes.join(' ')).toMatch(/translator/);
  });
});

describe('readBibtex: dates at exactly their precision', () => {
  it.each([
    ['year = 2024', '2024'],
    ['year = 2024, month = may', '2024-05'],
    ['year = 2024, month = {5}, day = {22}', '2024-05-22'],
    ['date = {2024}', '2024'],
    ['date = {2024-05}', '2024-05'],
    ['date = {2024-05-20/2024-05-24}', '2024-05-20/2024-05-24'],
    ['date = {1850~}', '1850~'],
    ['year = 1973, month = "10~" # jan', '1973-01-10'],
    ['year = 1988, month = jun # "-" # aug', '1988-06/1988-08'],
  ])('%s → %s', (fields, date) => {
    const entry = readOne(`@misc{k, title = {T}, ${fields}}`);
    expect(entry.frontMatter.date).toBe(date);
    expect(entry.frontMatter.extra).toBeUndefined();
  });

  it('invents nothing: no year, no date; a month that is no month stays in extra', () => {
    expect(readOne('@misc{k, title = {T}}').frontMatter.date).toBeUndefined();
    const spring = readOne('@misc{k, title = {T}, year = 2020, month = {Spring}}');
    expect(spring.frontMatter.date).toBe('2020');
    expect(spring.frontMatter.extra).toEqual({ month: 'Spring' });
    const press = readOne('@misc{k, title = {T}, year = {in press}}');
    expect(press.frontMatter.date).toBeUndefined();
    expect(press.frontMatter.extra).toEqual({ year: 'in press' });
    expect(press.notes.join(' ')).toMatch(/year/);
  });

  it('reads urldate, eventdate and origdate', () => {
    const entry = readOne(
      '@online{k, title = {T}, date = {2006}, urldate = {2024-10-01}, eventdate = {2005-06-01/2005-06-03}, origdate = {1901}}',
    );
    expect(entry.frontMatter).toMatchObject({
      date: '2006',
      accessed: '2024-10-01',
      eventDate: '2005-06-01/2005-06-03',
      originalDate: '1901',
    });
  });
});

describe('readBibtex: identifiers', () => {
  it.each([
    ['https://doi.org/10.1000/xyz123', '10.1000/xyz123'],
    ['http://dx.doi.org/10.1000/a%2Fb', '10.1000/a/b'],
    ['https://doi-org.proxy.univ.edu/10.1016/j.cell.2020.01.001', '10.1016/j.cell.2020.01.001'],
    ['doi:10.1000/abc', '10.1000/abc'],
    ['10.1000/a_b#c%d~e', '10.1000/a_b#c%d~e'],
  ])('DOI %s → %s', (doi, bare) => {
    const entry = readOne(`@article{k, title = {T}, doi = {${doi}}}`);
    expect(entry.frontMatter.doi).toBe(bare);
    expect(entry.frontMatter.extra).toBeUndefined();
  });

  it('reads a URL as one URL: LaTeX escapes removed with a note, several URLs kept in extra', () => {
    const zotero = readOne('@misc{k, title = {T}, url = {https://x.org/r.php?a=1\\&b=2\\_c\\%20d}}');
    expect(zotero.frontMatter.url).toBe('https://x.org/r.php?a=1&b=2_c%20d');
    expect(zotero.notes.join(' ')).toMatch(/LaTeX escapes removed/);
    const two = readOne('@misc{k, title = {T}, url = {https://a.org/x; https://b.org/y}}');
    expect(two.frontMatter.url).toBeUndefined();
    expect(two.frontMatter.extra).toEqual({ url: 'https://a.org/x; https://b.org/y' });
  });

  it('keeps an invalid DOI verbatim in extra with a note, and the entry still reads', () => {
    const entry = readOne('@article{k, title = {T}, doi = {not a doi}}');
    expect(entry.frontMatter.doi).toBeUndefined();
    expect(entry.frontMatter.extra).toEqual({ doi: 'not a doi' });
    expect(entry.notes.join(' ')).toMatch(/doi/);
  });

  it('reads arXiv eprints, the category only from a valid arXiv code', () => {
    const entry = readOne(
      '@misc{k, title = {T}, eprint = {arXiv:1011.1669v3}, archiveprefix = {arXiv}, primaryclass = {hep-th}}',
    );
    expect(entry.frontMatter).toMatchObject({ arxiv: '1011.1669v3', category: 'hep-th' });
    expect(entry.frontMatter.extra).toBeUndefined();
    const biblatex = readOne(
      '@online{k, title = {T}, eprint = {math/0307200v3}, eprinttype = {arxiv}, eprintclass = {math.CT}}',
    );
    expect(biblatex.frontMatter).toMatchObject({ arxiv: 'math/0307200v3', category: 'math.CT' });
    const odd = readOne(
      '@misc{k, title = {T}, eprint = {1011.1669}, archiveprefix = {arXiv}, primaryclass = {Physics}}',
    );
    expect(odd.frontMatter.category).toBeUndefined();
    expect(odd.frontMatter.extra).toEqual({ primaryclass: 'Physics' });
    const jstor = readOne('@article{k, title = {T}, eprint = {2283837}, eprinttype = {jstor}}');
    expect(jstor.frontMatter.arxiv).toBeUndefined();
    expect(jstor.frontMatter.extra).toEqual({ eprint: '2283837', eprinttype: 'jstor' });
  });

  it('assigns no category without one in the input', () => {
    const entry = readOne('@article{k, title = {T}, eprint = {2211.15029}, archiveprefix = {arXiv}}');
    expect(entry.frontMatter.category).toBeUndefined();
    expect(entry.frontMatter.arxiv).toBe('2211.15029');
  });
});

describe('readBibtex: text', () => {
  it('decodes LaTeX in fields to plain text', () => {
    const entry = readOne(
      "@article{k, title = {Schr\\\"odinger's {\\'E}quation: 50\\% of \\TeX{} and \\LaTeX\\ on a~b \\emph{now} $\\simeq$ \\mbox{x}}, journal = {J. Phys. \\& Chem.}}",
    );
    expect(entry.frontMatter.title).toBe("Schrödinger's Équation: 50% of TeX and LaTeX on a\u00a0b now ≃ x");
    expect(entry.frontMatter.containerTitle).toBe('J. Phys. & Chem.');
  });

  it('reads the abstract as markdown: emphasis, safe links, paragraphs; a javascript: link stays text', async () => {
    const entry = readOne(
      '@article{k, title = {T}, abstract = {We use \\emph{attention} and \\textbf{only} that, see \\url{https://example.org/a_b} and \\href{https://x.org}{this}. 5 < 6 * 7.\n\n Second \\href{javascript:alert(1)}{click} paragraph.\\par Third.}}',
    );
    expect(entry.abstract).toBe(
      'We use *attention* and **only** that, see <https://example.org/a_b> and [this](<https://x.org>). 5 \\< 6 \\* 7.\n\nSecond click (javascript:alert(1)) paragraph.\n\nThird.',
    );
    const paper = await makePaper(entry.frontMatter, entry.abstract);
    expect(paper.abstract.html).toContain('<em>attention</em>');
    expect(paper.abstract.html).toContain('href="https://x.org"');
    expect(paper.abstract.html).not.toMatch(/href="javascript/);
    expect(paper.abstract.text).toBe(
      'We use attention and only that, see https://example.org/a_b and this. 5 < 6 * 7.\n\nSecond click (javascript:alert(1)) paragraph.\n\nThird.',
    );
  });

  it("keeps an abstract's quotes, dashes and dots as typed through the markdown renderer", async () => {
    const entry = readOne('@article{k, title = {T}, abstract = {\'t Hooft\'s "S-matrix" -{}- and ... more}}');
    const paper = await makePaper(entry.frontMatter, entry.abstract);
    expect(paper.abstract.text).toBe('\'t Hooft\'s "S-matrix" -- and ... more');
  });

  it('removes control characters with a note naming the field', () => {
    const entry = readOne('@article{k, title = {Bell\u0007 here}, note = {Form\u000cfeed}}');
    expect(entry.frontMatter.title).toBe('Bell here');
    expect(entry.frontMatter.note).toBe('Formfeed');
    expect(entry.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/U\+0007.*title/), expect.stringMatching(/U\+000C.*note/)]),
    );
  });
});

describe('readBibtex: an @string the file never defines', () => {
  it('imports the entry, and its report line names the field and the string (as in Beebe’s TeX Live files)', () => {
    const result = readBibtex(
      '@string{ack-nhfb = "N. H. F. B."}\n@book{kay, title = {T}, author = {Kay, D.}, year = 1985,\n  acknowledgement = ack-nhfb # " and " # ack-bnb,\n}\n',
      'beebe.bib',
    );
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0].notes[0]).toBe(
      'acknowledgement: the @string ack-bnb is not defined in the file (BibTeX reads it as empty); kept as its name',
    );
  });
});

describe('readBibtex and the writer: a @preamble the fields use', () => {
  const bib = [
    '@string{ def = "\\providecommand{\\singleletter}[1]{#1} " }',
    '@preamble{ "\\newcommand{\\noopsort}[1]{} " # def }',
    '@preamble{{\\def\\switchargs#1#2{#2#1}}}',
    '@book{set, title = {Sets}, author = {Knuth, Donald}, year = "{\\noopsort{1973a}}{\\switchargs{--90}{1968}}"}',
    '@book{plain, title = {Plain}, author = {Knuth, Donald}, year = "{\\noopsort{1973b}}1973"}',
    '@misc{keyed, title = {Keyed}, key = "OX{\\singleletter{stoc}}", year = 2000}',
  ].join('\n');

  it('evaluates every declaration (quotes, braces, @string macros, #) and names the commands they define', () => {
    const text =
      '\\providecommand{\\noopsort}[1]{} \\providecommand{\\singleletter}[1]{#1}\n\\def\\switchargs#1#2{#2#1}';
    expect(
      evaluatePreambles([' "\\newcommand{\\noopsort}[1]{} " # def ', '{\\def\\switchargs#1#2{#2#1}}'], {
        DEF: '\\providecommand{\\singleletter}[1]{#1} ',
      }),
    ).toBe(text.replace('\\providecommand{\\noopsort}', '\\newcommand{\\noopsort}'));
    expect(findDefinedCommands(text)).toEqual(['noopsort', 'singleletter', 'switchargs']);
    expect(
      findDefinedCommands('\\newcommand*\\a{}\\renewcommand{\\b}{}\\DeclareRobustCommand{\\c}{}\\gdef\\d{}'),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps it (\\newcommand as \\providecommand) on each entry whose verbatim values use its commands, and says so', () => {
    const result = readBibtex(bib, 'macros.bib');
    expect(result.problems).toEqual([]);
    const [set, plain, keyed] = result.entries;
    const preamble =
      '\\providecommand{\\noopsort}[1]{} \\providecommand{\\singleletter}[1]{#1}\n\\def\\switchargs#1#2{#2#1}';
    expect(set.frontMatter).toMatchObject({
      bibtexPreamble: preamble,
      extra: { year: '{\\noopsort{1973a}}{\\switchargs{--90}{1968}}' },
    });
    expect(set.notes).toContain(
      "kept the file's @preamble (\\newcommand as \\providecommand), for \\noopsort, \\switchargs",
    );
    expect(keyed.frontMatter).toMatchObject({ bibtexPreamble: preamble, extra: { key: 'OX{\\singleletter{stoc}}' } });
    // A year read for what it prints needs no preamble; the sort hint it drops is said.
    expect(plain.frontMatter.date).toBe('1973');
    expect(plain.frontMatter.bibtexPreamble).toBeUndefined();
    expect(plain.notes).toEqual(['year "{\\noopsort{1973b}}1973" read as 1973']);
  });

  it('writes it before the entry, and once at the top of a joined file; the export reads back the same', async () => {
    const read = readBibtex(bib, 'macros.bib');
    const papers = await makePapers(
      read.entries.map((entry, index) => ({ file: `e${index}.md`, frontMatter: entry.frontMatter })),
    );
    const entries = papers.map((paper) => formatBibtexEntry(paper, { siteFields: false }));
    const preamble =
      '@preamble{"\\providecommand{\\noopsort}[1]{} \\providecommand{\\singleletter}[1]{#1}\n\\def\\switchargs#1#2{#2#1}"}';
    const set = entries.find((entry) => entry.includes('{set,'))!;
    expect(set.startsWith(`${preamble}\n\n@book{set,\n`)).toBe(true);
    const joined = joinBibtex(entries, 'Test');
    expect(joined.split('@preamble').length).toBe(2);
    expect(joined).toMatch(/^% Test\n% 3 entries, UTF-8\n\n@preamble\{[^]*?"\}\n\n@/);
    // Every entry but the one without macros comes back with the same preamble and verbatim values.
    const again = readBibtex(joined, 'again.bib');
    expect(again.problems).toEqual([]);
    const byKey = (entries: ImportedEntry[]) =>
      entries
        .map((entry) => entry.frontMatter)
        .sort((a, b) => String(a.citationKey).localeCompare(String(b.citationKey)));
    expect(byKey(again.entries)).toEqual(byKey(read.entries));
  });

  it('writes a preamble with a quote outside braces in braces; folds blank lines', () => {
    expect(formatPreamble('\\def\\q{"}\n\n\\def\\r{}')).toBe('@preamble{"\\def\\q{"}\n\\def\\r{}"}');
    expect(formatPreamble('\\def\\q"{}')).toBe('@preamble{{\\def\\q"{}}}');
  });

  it('is not kept when it holds a command that reads or writes files or runs programs: said, and the entries still come in', () => {
    const hostile =
      '@preamble{"\\immediate\\write18{rm -rf ~}\\newcommand{\\x}{}"}\n@misc{a, title = {A}, key = {\\x}, year = 2000}';
    const result = readBibtex(hostile, 'hostile.bib');
    expect(result.problems).toEqual([
      {
        line: 1,
        message:
          "skipped: the @preamble, as it holds \\immediate (a site's exports may only define commands): \\immediate\\write18{rm -rf ~}\\providecommand{\\x}{}",
      },
    ]);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0].frontMatter.bibtexPreamble).toBeUndefined();
  });
});

describe('readBibtex: al-folio and extra fields', () => {
  it("maps al-folio's fields to site fields and keeps the rest verbatim in extra with one note", () => {
    const entry = readOne(
      '@article{einstein1905, title = {On the Electrodynamics of Moving Bodies}, author = {Einstein, Albert}, journal = {Annalen der Physik}, year = {1905}, abbr = {Ann. Phys.}, bibtex_show = {true}, selected = {true}, award = {Nobel}, pdf = {https://example.org/e.pdf}, code = {https://github.com/x/y}, html = {https://example.org/}, slides = {https://example.org/s.pdf}, poster = {https://example.org/p.pdf}, video = {https://youtu.be/x}, supp = {https://example.org/supp}, blog = {https://example.org/blog}, website = {https://example.org/site}, preview = {einstein.png}, altmetric = {248277}}',
    );
    expect(entry.frontMatter).toMatchObject({
      selected: true,
      award: 'Nobel',
      pdf: 'https://example.org/e.pdf',
      code: 'https://github.com/x/y',
      project: 'https://example.org/',
      slides: 'https://example.org/s.pdf',
      poster: 'https://example.org/p.pdf',
      video: 'https://youtu.be/x',
      supplement: 'https://example.org/supp',
      blog: 'https://example.org/blog',
    });
    expect(entry.frontMatter.extra).toEqual({
      abbr: 'Ann. Phys.',
      bibtex_show: 'true',
      website: 'https://example.org/site',
      preview: 'einstein.png',
      altmetric: '248277',
    });
    expect(entry.notes).toEqual([
      'kept in extra: abbr, bibtex_show, preview, altmetric',
      'kept in extra: website (project already came from another field)',
    ]);
  });

  it('keeps an al-folio pdf file name (not a URL) in extra with a note', () => {
    const entry = readOne('@article{k, title = {T}, pdf = {example_pdf.pdf}}');
    expect(entry.frontMatter.pdf).toBeUndefined();
    expect(entry.frontMatter.extra).toEqual({ pdf: 'example_pdf.pdf' });
    expect(entry.notes.join(' ')).toMatch(/pdf/);
  });

  it('keeps extra values as written in the file (LaTeX and braces included)', () => {
    const entry = readOne(
      '@book{k, title = {T}, subtitle = {The {American} Frontier \\& \\emph{more}}, indextitle = {True Frontier, The}}',
    );
    expect(entry.frontMatter.extra).toEqual({
      subtitle: 'The {American} Frontier \\& \\emph{more}',
      indextitle: 'True Frontier, The',
    });
  });
});

describe('readBibtex: what a round trip through the BibTeX export must not change', () => {
  it('keeps a braced family name whole in the Last, First form, as BibTeX does (the parser splits its particle off)', () => {
    const entry = readOne(
      '@misc{k, title = {T}, year = 2000, author = {{van Vliet}, J. and {de la Fontaine}, Jean and van {Vliet}, K. and {van} Vliet, L. and \\rlap{Lutz Birkhahn}}}',
    );
    expect(entry.frontMatter.authors).toEqual([
      { family: 'van Vliet', given: 'J.' },
      { family: 'de la Fontaine', given: 'Jean' },
      // A particle outside braces is one.
      { family: 'Vliet', given: 'K.', particle: 'van' },
      { family: 'van Vliet', given: 'L.' },
      // Several words and nothing else: one name, as a braced name is.
      { literal: 'Lutz Birkhahn' },
    ]);
  });

  it("keeps the author's keyword order, a keyword braced with a comma in it whole, each keyword once", () => {
    const entry = readOne('@misc{k, title = {T}, year = 2000, keywords = {Zeta, Alpha {\\TeX}; Beta {(X, Y)}, Zeta}}');
    expect(entry.frontMatter.keywords).toEqual(['Zeta', 'Alpha TeX', 'Beta (X, Y)']);
    // From a macro the parser's own (sorted) list is all there is.
    const macro = readOne('@string{k = "B; A"}\n@misc{m, title = {T}, year = 2000, keywords = k}');
    expect(macro.frontMatter.keywords).toEqual(['A', 'B']);
  });

  it('reads a command it does not know as its argument, or as written when it has none, and says which', () => {
    const entry = readOne(
      '@misc{k, title = {{\\AmSLaTeX} and \\booktitle{LaTeX for Linux}}, year = 2000, abstract = {See \\pkg{url}.}}',
    );
    expect(entry.frontMatter.title).toBe('\\AmSLaTeX and LaTeX for Linux');
    expect(entry.abstract).toBe('See url.');
    expect(entry.notes).toContainEqual(
      expect.stringMatching(/LaTeX commands this site does not read: \\AmSLaTeX, \\booktitle, \\pkg/),
    );
  });

  it('reads a verbatim block as a code block, \\path and bare addresses as links (ftp as text, as any link that is not http or mail)', () => {
    const entry = readOne(
      [
        '@misc{k, title = {T}, year = 2000, abstract = {Described as',
        '',
        '      \\begin{verbatim}',
        '          .begin dformat',
        '              0-2  Op {Code}',
        '          .end',
        '      \\end{verbatim}',
        '',
        '  at \\path|ftp://ftp.x.org/pub/| or \\path=http://www.ctan.org/= (mail acw!info@uunet.uu.net, see http://x.org/a_(b)).}}',
      ].join('\n'),
    );
    expect(entry.abstract).toBe(
      'Described as\n\n```\n.begin dformat\n    0-2  Op {Code}\n.end\n```\n\nat ftp://ftp.x.org/pub/ or <http://www.ctan.org/> (mail acw!<info@uunet.uu.net>, see <http://x.org/a_(b)>).',
    );
  });

  it('imports an entry whose verbatim field has a lone $ in quotes, reads a repeated field once and says so', () => {
    const result = readBibtex(
      '@book{k, title = {T}, year = 2000, toc = "Rights / $r by W. S.", bibsource = {a}, bibsource = {b}}',
      'x.bib',
    );
    expect(result.problems).toEqual([]);
    expect(result.entries[0].frontMatter.extra).toEqual({ toc: 'Rights / $r by W. S.', bibsource: 'a' });
    expect(result.entries[0].notes).toContain(
      'field "bibsource" is given twice; bibtex and biber read only the first, and so does this site; the other value was: b',
    );
  });

  it('takes year and month when the day is not one (16--17)', () => {
    const entry = readOne('@proceedings{k, title = {T}, year = 1989, month = nov, day = "16--17"}');
    expect(entry.frontMatter.date).toBe('1989-11');
    expect(entry.frontMatter.extra).toEqual({ day: '16--17' });
  });

  it('takes the year when a date field is not a date (an entry date, 15/05/84), and a month macro as bibtex prints it', () => {
    const entry = readOne(
      '@article{k, title = {T}, journal = {J}, year = 1975, date = {15/05/84}, month = feb # "\\slash " # mar}',
    );
    expect(entry.frontMatter.date).toBe('1975');
    expect(entry.frontMatter.extra).toEqual({ date: '15/05/84', month: 'February\\slash March' });
  });
});

const REAL_FILES = [
  '/usr/share/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib',
  '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib',
];

describe.each(REAL_FILES)('real input %s', (file) => {
  const input = readFileSync(file, 'utf8');
  const result = readBibtex(input, file);

  it('reads every entry (only @set/@xdata containers are skipped, each named)', () => {
    const declared = [...input.matchAll(/^@(\w+)\s*[{(]/gm)].filter(
      (match) => !/^(string|comment|preamble)$/i.test(match[1]),
    );
    const skipped = result.problems.filter(
      (problem) => problem.message.startsWith('skipped: a @set') || problem.message.startsWith('skipped: an @xdata'),
    );
    expect(result.problems).toEqual(skipped);
    expect(result.entries.length + skipped.length).toBe(declared.length);
  });

  it('builds a valid paper of every entry, keeps ≥ 98% of (entry, field) pairs through write and parse, and reads back the same', async () => {
    const papers = await makePapers(
      result.entries.map((entry, index) => ({
        file: `entry-${index}.md`,
        frontMatter: entry.frontMatter,
        abstract: entry.abstract,
      })),
    );
    expect(papers).toHaveLength(result.entries.length);
    const written = joinBibtex(
      papers.map((paper) => formatBibtexEntry(paper, { siteFields: true })),
      file,
    );
    const survival = measureSurvival(input, written, (entry) => entry.type === 'set' || entry.type === 'xdata');
    console.log(
      `${file}: ${survival.kept}/${survival.total} (entry, field) pairs kept = ${survival.percent.toFixed(2)}%; lost: ${JSON.stringify(survival.lost)}; entry types changed: ${survival.typeChanges.map((change) => `${change.key} @${change.from}→@${change.to}`).join(', ')}`,
    );
    expect(survival.percent).toBeGreaterThanOrEqual(98);
    // Idempotent: what the written file reads as is what the input read as.
    const again = readBibtex(written, 'written.bib');
    expect(again.problems).toEqual([]);
    const byKey = new Map(again.entries.map((entry) => [entry.key, entry]));
    for (const entry of result.entries) {
      expect(byKey.get(entry.key)?.frontMatter, entry.key).toEqual(entry.frontMatter);
      expect(byKey.get(entry.key)?.abstract, entry.key).toBe(entry.abstract);
    }
  });
});

describe("TeX Live's documentation bibliographies (every UTF-8 .bib that is a bibliography, not a bib2gls glossary)", () => {
  const root = '/usr/share/doc/texlive-doc';
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.bib') && !/bib2gls|figbib/.test(name))
    .map((name) => `${root}/${name}`)
    .sort();

  it('read, build, write and read back: ≥ 98% of (entry, field) pairs kept, the same front matter', async () => {
    expect(files.length).toBeGreaterThan(20);
    let total = 0;
    let kept = 0;
    let entries = 0;
    const rejected: string[] = [];
    for (const file of files) {
      let input: string;
      try {
        input = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
      } catch {
        continue; // not UTF-8: the importer refuses the whole file before the reader sees it
      }
      const result = readBibtex(input, file);
      for (const problem of result.problems) {
        if (!problem.message.startsWith('skipped')) rejected.push(`${file} ${problem.key}: ${problem.message}`);
      }
      const papers = await makePapers(
        result.entries.map((entry, index) => ({
          file: `e-${index}.md`,
          frontMatter: entry.frontMatter,
          abstract: entry.abstract,
        })),
      );
      entries += papers.length;
      const written = joinBibtex(
        papers.map((paper) => formatBibtexEntry(paper, { siteFields: true })),
        file,
      );
      const survival = measureSurvival(input, written, (entry) => entry.type === 'set' || entry.type === 'xdata');
      total += survival.total;
      kept += survival.kept;
      const again = new Map(readBibtex(written, 'written.bib').entries.map((entry) => [entry.key, entry]));
      for (const entry of result.entries) {
        // A crossref child is read again with the parser's inheritance for the entry type written, which may
        // differ from the input's (@bookinbook → @incollection): compared apart from that.
        if ((entry.frontMatter.extra as Record<string, string> | undefined)?.crossref) continue;
        expect(again.get(entry.key)?.frontMatter, `${file} ${entry.key}`).toEqual(entry.frontMatter);
      }
    }
    console.log(
      `TeX Live documentation: ${files.length} files, ${entries} entries read, rejected: ${JSON.stringify(rejected)}; ${kept}/${total} (entry, field) pairs kept = ${((100 * kept) / total).toFixed(2)}%`,
    );
    // Only pseudo-entries with nothing to show (no title, name, container, note, DOI or URL) are rejected.
    for (const problem of rejected) expect(problem).toMatch(/title: is required unless/);
    expect((100 * kept) / total).toBeGreaterThanOrEqual(98);
  });
});
