// The typed test site (tests/fixtures/typed-papers, tests/fixtures/configs/typed-site.mjs): a paper of every common
// type, dates at the day, month and year, a date range, an undated manuscript, keywords. Each type gets its badge,
// its venue line and its details; each type, keyword and year its page with a feed and exports; feeds carry the
// newest five papers (the config's feeds.items) and a pubDate only when the day is known; BibTeX gets real types.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { TYPED_SITE_DIR } from '../helpers/build';
import { listBuilt, loadPage, readBuilt, readDetails, textOf } from '../helpers/site';

const DIR = TYPED_SITE_DIR;
const page = (path: string) => loadPage(`${path}index.html`, DIR);
const read = (path: string) => readBuilt(path, DIR);
const reader = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' });
const itemsOf = (path: string) =>
  (reader.parse(read(path)).rss.channel.item ?? []) as { title: string; pubDate?: string }[];

/** Per paper file: type badge, date as shown (`undefined`: n.d.), venue line (`undefined`: none). */
const PAPERS: Record<string, { type: string; date?: string; datetime?: string; venue?: string }> = {
  article: {
    type: 'Journal article',
    date: 'Jun 12, 2017',
    datetime: '2017-06-12',
    venue: 'Journal of Machine Learning Research, 18(3), 1–15',
  },
  conference: {
    type: 'Conference paper',
    date: 'Jun 2016',
    datetime: '2016-06',
    venue:
      'In Jane Doe (Ed.), Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition, pp. 770–778. IEEE, Las Vegas',
  },
  book: { type: 'Book', date: '1984', datetime: '1984', venue: '2nd ed., Addison-Wesley, Reading, Mass.' },
  'edited-book': { type: 'Book', date: '2010', datetime: '2010', venue: 'Chapman and Hall/CRC' },
  chapter: {
    type: 'Book chapter',
    date: '2010',
    datetime: '2010',
    venue:
      'In Nitin Indurkhya and Fred J. Damerau (Eds.), Handbook of Natural Language Processing, pp. 9–30. Chapman and Hall/CRC',
  },
  phd: {
    type: 'Thesis',
    date: 'Sep 2020',
    datetime: '2020-09',
    venue: 'PhD thesis, University of Cambridge, Cambridge',
  },
  masters: { type: 'Thesis', date: '1930', datetime: '1930', venue: "Master's thesis, Yale University" },
  report: {
    type: 'Report',
    date: 'Mar 5, 2021',
    datetime: '2021-03-05',
    venue: 'Technical report TR-2021-07, Institute for Advanced Study',
  },
  dataset: { type: 'Dataset', date: '2015', datetime: '2015', venue: 'Stanford Vision Lab, Version 2012' },
  software: { type: 'Software', date: 'Feb 2020', datetime: '2020-02', venue: 'SciPy Developers, Version 1.4.1' },
  webpage: { type: 'Web page', date: '2006', datetime: '2006' },
  preprint: {
    type: 'Preprint',
    date: 'Nov 28, 2022',
    datetime: '2022-11-28',
    venue: 'arXiv, arXiv:2211.15029v2',
  },
  talk: { type: 'Talk', date: 'May 20–24, 2024', datetime: '2024-05-20', venue: 'TUG 2024, Prague' },
  undated: { type: 'Manuscript' },
};
const NEWEST_FIRST = [
  'talk',
  'preprint',
  'report',
  'phd',
  'software',
  'article',
  'conference',
  'dataset',
  // Equal dates in the order of their titles.
  'edited-book',
  'chapter',
  'webpage',
  'book',
  'masters',
  'undated',
];
const titleOf = (id: string) => textOf(page(`papers/${id}/`).querySelector('h1'));

describe('paper pages of every common type', () => {
  it.each(Object.entries(PAPERS))('%s: type badge, date at its precision, venue line', (id, expected) => {
    const paper = page(`papers/${id}/`);
    expect(textOf(paper.querySelector('.paper-meta .badge--type'))).toBe(expected.type);
    const time = paper.querySelector('.paper-meta time');
    expect(time?.getAttribute('datetime')).toBe(expected.datetime);
    expect(time ? textOf(time) : textOf(paper.querySelector('.paper-meta span:last-child'))).toBe(
      expected.date ?? 'n.d.',
    );
    const venue = paper.querySelector('.paper__venue');
    expect(venue ? textOf(venue) : undefined).toBe(expected.venue);
    const details = readDetails(paper.querySelector('dl.details'));
    expect(details.Type).toBe(expected.type);
    expect(details.Published).toBe(expected.date ?? 'No date (n.d.)');
  });

  it("mark a work's title with its own language, where it gives one, on its page and its card", () => {
    expect(page('papers/masters/').querySelector('h1.paper__title')?.getAttribute('lang')).toBe('de');
    expect(page('papers/phd/').querySelector('h1.paper__title')?.hasAttribute('lang')).toBe(false);
    const card = page('').querySelector('[data-id="masters"] .paper-card__title');
    expect(card?.getAttribute('lang')).toBe('de');
    expect(readDetails(page('papers/masters/').querySelector('dl.details')).Language).toBe('de');
  });

  it('put publication titles of the venue line in italics', () => {
    expect([...page('papers/article/').querySelectorAll('.paper__venue cite')].map(textOf)).toEqual([
      'Journal of Machine Learning Research',
    ]);
    expect([...page('papers/chapter/').querySelectorAll('.paper__venue cite')].map(textOf)).toEqual([
      'Handbook of Natural Language Processing',
    ]);
  });

  it('list the fields each type has, under the labels of its type, identifiers and keywords linked', () => {
    expect(readDetails(page('papers/article/').querySelector('dl.details'))).toEqual({
      Type: 'Journal article',
      Published: 'Jun 12, 2017',
      Journal: 'Journal of Machine Learning Research',
      Volume: '18',
      Issue: '3',
      Pages: '1–15',
      DOI: '10.5555/3295222.3295349',
      URL: 'https://example.org/papers/attention?id=1%202#sec-2',
      Keywords: 'transformers, attention',
    });
    const article = page('papers/article/').querySelector('dl.details')!;
    expect([...article.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/types/journal-articles/',
      '/years/2017/',
      'https://doi.org/10.5555/3295222.3295349',
      'https://example.org/papers/attention?id=1%202#sec-2',
      '/keywords/transformers/',
      '/keywords/attention/',
    ]);
    expect(
      [...page('papers/undated/').querySelectorAll('dl.details a')].map((a) => [textOf(a), a.getAttribute('href')]),
    ).toEqual([
      ['Manuscript', '/types/manuscripts/'],
      ['No date (n.d.)', '/years/undated/'],
      ['attention', '/keywords/attention/'],
    ]);
    expect(readDetails(page('papers/phd/').querySelector('dl.details'))).toMatchObject({
      Institution: 'University of Cambridge',
      Kind: 'PhD thesis',
    });
    expect(readDetails(page('papers/preprint/').querySelector('dl.details'))).toMatchObject({
      Category: 'Computation and Language (cs.CL)',
      arXiv: '2211.15029v2',
    });
    expect(readDetails(page('papers/talk/').querySelector('dl.details'))).toMatchObject({
      Event: 'TUG 2024',
      'Event place': 'Prague',
    });
  });

  it('offer the links each paper has, as buttons', () => {
    const links = (id: string) =>
      [...page(`papers/${id}/`).querySelectorAll('.paper-links--buttons a')].map((a) => [
        textOf(a),
        a.getAttribute('href'),
      ]);
    expect(links('article')).toEqual([
      ['DOI', 'https://doi.org/10.5555/3295222.3295349'],
      ['Website', 'https://example.org/papers/attention?id=1%202#sec-2'],
    ]);
    expect(links('preprint')).toEqual([
      ['PDF', 'https://arxiv.org/pdf/2211.15029v2'],
      ['arXiv:2211.15029v2', 'https://arxiv.org/abs/2211.15029v2'],
    ]);
    expect(links('book')).toEqual([]);
  });

  it('name the editors of a book without authors', () => {
    expect(textOf(page('papers/edited-book/').querySelector('.paper__authors'))).toBe(
      'Nitin Indurkhya, Fred J. Damerau (editors)',
    );
  });
});

describe('the home page of a site grouped by type', () => {
  it('shows the type groups in the type table’s order, each paper newest first', () => {
    const home = page('');
    const groups = [...home.querySelectorAll('.year-group')];
    expect(groups.map((group) => textOf(group.querySelector('.year-heading')))).toEqual([
      'Journal articles',
      'Conference papers',
      'Preprints',
      'Books',
      'Book chapters',
      'Theses',
      'Reports',
      'Datasets',
      'Software',
      'Talks',
      'Manuscripts',
      'Web pages',
    ]);
    const books = groups.find((group) => textOf(group.querySelector('.year-heading')) === 'Books')!;
    expect([...books.querySelectorAll('.paper-card__title')].map(textOf)).toEqual([
      titleOf('edited-book'),
      titleOf('book'),
    ]);
    expect([...home.querySelectorAll('.year-nav a')].map((a) => a.getAttribute('href'))[0]).toBe(
      '#type-journal-articles',
    );
  });
});

describe('type, keyword and year pages', () => {
  const facetPages = listBuilt(DIR)
    .filter((file) => /^(types|keywords|years)\/[^/]+\/index\.html$/.test(file))
    .map((file) => file.replace(/index\.html$/, ''));

  it('exist for every type, keyword and year, and for the undated works', () => {
    expect(facetPages.filter((path) => path.startsWith('types/')).sort()).toEqual(
      [
        'book-chapters',
        'books',
        'conference-papers',
        'datasets',
        'journal-articles',
        'manuscripts',
        'preprints',
        'reports',
        'software',
        'talks',
        'theses',
        'web-pages',
      ].map((slug) => `types/${slug}/`),
    );
    expect(facetPages.filter((path) => path.startsWith('keywords/')).sort()).toEqual([
      'keywords/attention/',
      'keywords/transformers/',
    ]);
    expect(facetPages.filter((path) => path.startsWith('years/'))).toEqual(
      expect.arrayContaining(['years/1930/', 'years/2016/', 'years/2024/', 'years/undated/']),
    );
  });

  it.each([
    ['types/theses/', 'Theses', ['phd', 'masters']],
    ['types/books/', 'Books', ['edited-book', 'book']],
    ['keywords/attention/', 'attention', ['article', 'undated']],
    ['years/2010/', 'Papers of 2010', ['edited-book', 'chapter']],
    ['years/2020/', 'Papers of 2020', ['phd', 'software']],
    ['years/undated/', 'Undated works', ['undated']],
  ])('/%s lists exactly its papers, with its feed and exports', (path, heading, ids) => {
    const list = page(path);
    expect(textOf(list.querySelector('h1'))).toBe(heading);
    const titles = ids.map(titleOf);
    expect([...list.querySelectorAll('.paper-card__title')].map(textOf)).toEqual(titles);
    expect(itemsOf(`${path}rss.xml`).map((item) => item.title)).toEqual(titles);
    for (const format of ['bib', 'ris', 'json']) {
      const items = new Cite(read(`${path}bibliography.${format}`)).data as { title: string }[];
      expect(
        items.map((item) => item.title),
        format,
      ).toEqual(titles);
    }
  });

  it('is every page a paper page links to (keyword pages included)', () => {
    for (const path of ['keywords/transformers/', 'types/reports/', 'years/2021/']) {
      expect(listBuilt(DIR).some((file) => file === `${path}index.html`)).toBe(true);
    }
    const html = read('papers/article/index.html');
    expect(html).toContain('href="/keywords/transformers/"');
    expect(html).toContain('href="/types/journal-articles/rss.xml"');
  });
});

describe('feeds of the typed site', () => {
  it('carry the newest feeds.items (5) papers; the exports keep every paper', () => {
    expect(itemsOf('rss.xml').map((item) => item.title)).toEqual(NEWEST_FIRST.slice(0, 5).map(titleOf));
    const all = new Cite(read('bibliography.json')).data as { title: string }[];
    expect(all.map((item) => item.title)).toEqual(NEWEST_FIRST.map(titleOf));
    expect(page('').querySelectorAll('.paper-card')).toHaveLength(NEWEST_FIRST.length);
  });

  it('give a pubDate only to papers whose day is known (a range by its first day)', () => {
    const dates = Object.fromEntries(itemsOf('rss.xml').map((item) => [item.title, item.pubDate]));
    expect(dates).toEqual({
      [titleOf('talk')]: 'Mon, 20 May 2024 00:00:00 GMT',
      [titleOf('preprint')]: 'Mon, 28 Nov 2022 00:00:00 GMT',
      [titleOf('report')]: 'Fri, 05 Mar 2021 00:00:00 GMT',
      [titleOf('phd')]: undefined,
      [titleOf('software')]: undefined,
    });
    expect(read('rss.xml')).toContain('<lastBuildDate>Mon, 20 May 2024 00:00:00 GMT</lastBuildDate>');
    // A feed of papers none of which has a day: no pubDate and no lastBuildDate, rather than an invented day.
    expect(read('years/1930/rss.xml')).not.toMatch(/<pubDate>|<lastBuildDate>/);
    expect(read('years/undated/rss.xml')).not.toMatch(/<pubDate>|<lastBuildDate>/);
  });

  it('describe each item by its type, venue and date at its precision', () => {
    const xml = read('rss.xml');
    expect(xml).toContain('&lt;p&gt;Thesis · PhD thesis, University of Cambridge, Cambridge · Sep 2020&lt;/p&gt;');
    expect(xml).toContain('&lt;p&gt;Talk · TUG 2024, Prague · May 20–24, 2024&lt;/p&gt;');
    expect(read('years/undated/rss.xml')).toContain('&lt;p&gt;Manuscript · n.d.&lt;/p&gt;');
  });
});

describe('BibTeX of the typed site', () => {
  it('writes each type as its classic entry type, with entrysubtype where the type is shared', () => {
    const bib = read('bibliography.bib');
    const entries = [...bib.matchAll(/^@(\w+)\{([^,]+),\n(?: {2}entrysubtype = \{([^}]+)\},\n)?/gm)].map(
      ([, type, key, subtype]) => (subtype ? `${type}/${subtype} ${key}` : `${type} ${key}`),
    );
    expect(entries).toEqual([
      'misc/speech lamport2024bibliography',
      'misc/preprint he2022diffusionbert',
      'techreport world2021reproducibility',
      'phdthesis lovelace2020neural',
      'misc/software virtanen2020scipy',
      'article vaswani2017attention',
      'inproceedings he2016deep',
      'misc/dataset russakovsky2015imagenet',
      'book indurkhya2010handbook',
      'incollection palmer2010tokenisation',
      'misc/online ctan2006comprehensive',
      'book knuth1984texbook',
      'mastersthesis hopper1930parsing',
      'unpublished lovelacendnotes',
    ]);
    // Dates at their precision: a year stays a year, a month a month.
    expect(read('papers/phd.bib')).toMatch(/ {2}year = \{2020\},\n {2}month = sep,\n(?! {2}day)/);
    expect(read('papers/book.bib')).toMatch(/ {2}year = \{1984\},\n(?! {2}month)/);
    expect(read('papers/undated.bib')).not.toMatch(/^ {2}(year|date) = /m);
  });
});
