// The feeds' options (src/site/feeds), rendered by @astrojs/rss as the build renders them and read back as a feed
// reader reads them; xmllint checks well-formedness.
import { spawnSync } from 'node:child_process';
import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/domain/paper';
import {
  buildFeed,
  describeListFeed,
  describeSiteFeed,
  findLastBuildDate,
  formatAuthorLine,
  formatRfc822,
  formatSiteName,
  type FeedContext,
  DESCRIPTION_LENGTH,
  renderFeed,
} from '../../src/site/feeds';
import { routes, toAbsoluteUrl, withBase } from '../../src/site/routes';
import { makePaper, makePapers, type TestPaper } from '../helpers/model';
import { makeSyntheticPapers } from '../../bench/synthetic.mjs';
import { groupByAuthor } from '../../src/site/authors';

const SITE = 'https://example.org';
const BASE = '/bib/';
const context: FeedContext = {
  absoluteUrl: (path) => toAbsoluteUrl(SITE, withBase(BASE, path)),
  link: (path) => withBase(BASE, path),
  language: 'en',
  items: 50,
  paperUrl: (paper) => toAbsoluteUrl(SITE, withBase(BASE, routes.paper(paper.id))),
  stylesheetPath: routes.feedStylesheet(),
};
const SITE_CHANNEL = describeSiteFeed('Ada Lovelace', routes.home(), routes.siteFeed());

/** RFC 822 as RSS 2.0 uses it. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const reader = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

function xmllint(xml: string): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

async function render(papers: Paper[], channel = SITE_CHANNEL, feedContext = context) {
  const xml = await renderFeed(buildFeed(papers, channel, feedContext));
  return { xml, rss: reader.parse(xml).rss, channel: reader.parse(xml).rss.channel };
}

const paper = (id: string, frontMatter: Record<string, unknown>, abstract = 'An abstract.'): TestPaper => ({
  file: `${id}.md`,
  frontMatter: { type: 'article', title: `Paper ${id}`, authors: ['Ada Lovelace'], date: '2024-05-22', ...frontMatter },
  abstract,
});

describe('renderFeed', () => {
  it('writes every feed exactly as @astrojs/rss does, each item written once however many feeds carry it', async () => {
    const papers = await makePapers(
      makeSyntheticPapers(120).map(({ id, text }) => {
        const [, frontMatter, abstract] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
        return { file: `${id}.md`, frontMatter, abstract };
      }),
    );
    const feeds = [
      buildFeed(papers, SITE_CHANNEL, context),
      buildFeed([], SITE_CHANNEL, context),
      ...groupByAuthor(papers).map((author) =>
        buildFeed(author.papers, describeListFeed(author.name, 'Ada Lovelace', 'authors/x/', 'authors/x/rss.xml'), {
          ...context,
          items: 5,
        }),
      ),
    ];
    expect(feeds.length).toBeGreaterThan(50);
    for (const feed of feeds) expect(await renderFeed(feed)).toBe(await getRssString(feed));
  });
});

describe('formatAuthorLine', () => {
  it('lists every author, "et al." only when the list is known to be incomplete, else the editors', async () => {
    expect(formatAuthorLine(await makePaper({ title: 'T', authors: ['A One', 'B Two'] }))).toBe('A One, B Two');
    expect(formatAuthorLine(await makePaper({ title: 'T', authors: ['A One'], authorsTruncated: true }))).toBe(
      'A One et al.',
    );
    expect(formatAuthorLine(await makePaper({ type: 'book', title: 'T', editors: ['E Ditor'] }))).toBe('E Ditor');
    expect(formatAuthorLine(await makePaper({ type: 'book', title: 'T' }))).toBe('');
  });
});

describe('channels', () => {
  it('name the site and each list page, and point at their page and feed', () => {
    expect(formatSiteName('Ada Lovelace')).toBe('Ada Lovelace · Bibliography');
    expect(SITE_CHANNEL).toEqual({
      title: 'Ada Lovelace · Bibliography',
      description: "The newest papers in Ada Lovelace's bibliography, with abstracts.",
      pagePath: '',
      feedPath: 'rss.xml',
    });
    expect(
      describeListFeed('Machine Learning (cs.LG)', 'Ada Lovelace', 'categories/lg/', 'categories/lg/rss.xml'),
    ).toEqual({
      title: 'Machine Learning (cs.LG) · Ada Lovelace · Bibliography',
      description: "The newest papers of Machine Learning (cs.LG) in Ada Lovelace's bibliography, with abstracts.",
      pagePath: 'categories/lg/',
      feedPath: 'categories/lg/rss.xml',
    });
  });
});

describe('buildFeed rendered by @astrojs/rss', () => {
  it('writes a well-formed RSS 2.0 document with channel metadata and the stylesheet under the base path', async () => {
    const papers = await makePapers([paper('a', {})]);
    const { xml, rss, channel } = await render(papers);
    expect(xmllint(xml)).toEqual({ status: 0, stderr: '' });
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/bib/rss.xsl" type="text/xsl"?>'),
    ).toBe(true);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(channel.title).toBe('Ada Lovelace · Bibliography');
    expect(channel.link).toBe('https://example.org/bib/');
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toEqual({
      '@_href': 'https://example.org/bib/rss.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
  });

  it('writes each item: title, link and guid, creators, categories, the abstract and the readable facts', async () => {
    const [item] = (
      await render(
        await makePapers([
          paper(
            'x',
            {
              type: 'article-journal',
              title: 'Sparse & <Dense> "Autoencoders"',
              authors: ['Zoë O’Brien', 'Łukasz Ćwik', { literal: 'A & B <Lab>' }],
              authorsTruncated: true,
              containerTitle: 'Nature',
              volume: '12',
              date: '2022-11-28',
              category: 'LG',
              keywords: ['sparse coding'],
            },
            'We show x < y & *z*.\n\nSecond part.',
          ),
        ]),
      )
    ).channel.item;
    expect(item.title).toBe('Sparse & <Dense> "Autoencoders"');
    expect(item.link).toBe('https://example.org/bib/papers/x/');
    expect(item.guid).toEqual({ '#text': 'https://example.org/bib/papers/x/', '@_isPermaLink': 'true' });
    expect(item.pubDate).toBe('Mon, 28 Nov 2022 00:00:00 GMT');
    expect(item['dc:creator']).toEqual(['Zoë O’Brien', 'Łukasz Ćwik', 'A & B <Lab>']);
    expect(item.category).toEqual(['Machine Learning', 'cs.LG', 'Journal article', 'sparse coding']);
    expect(item.description).toBe('We show x &lt; y &amp; z.\n\nSecond part.');
    expect(item['content:encoded']).toBe(
      '<p>We show x &lt; y &amp; <em>z</em>.</p>\n<p>Second part.</p>\n' +
        '<p>Zoë O’Brien, Łukasz Ćwik, A &amp; B &lt;Lab&gt; et al.</p>\n' +
        '<p>Journal article · Nature, 12 · Nov 28, 2022</p>',
    );
  });

  it('summarises a long abstract in the description and carries it whole, once, in content:encoded', async () => {
    const sentence = 'Sparse dictionaries recover interpretable features of a language model. ';
    const abstract = sentence.repeat(12).trim();
    const [item] = (await render(await makePapers([paper('long', {}, abstract)]))).channel.item;
    expect(item.description.length).toBeLessThanOrEqual(DESCRIPTION_LENGTH);
    expect(item.description.endsWith('…')).toBe(true);
    expect(abstract.startsWith(item.description.slice(0, -1))).toBe(true);
    expect(item['content:encoded']).toContain(`<p>${abstract}</p>`);
  });

  it('describes a work without an abstract by its authors and venue', async () => {
    const [item] = (await render(await makePapers([paper('y', { publisher: 'arXiv' }, '')]))).channel.item;
    expect(item.description).toBe('Ada Lovelace. arXiv');
    expect(item['content:encoded']).toBe('<p>Ada Lovelace</p>\n<p>Preprint · arXiv · May 22, 2024</p>');
  });

  it('carries only the newest `items` papers, in the order given', async () => {
    const papers = await makePapers(
      ['2024-01-03', '2024-01-02', '2024-01-01', '2023-12-31'].map((date, index) => paper(`p${index}`, { date })),
    );
    const { channel } = await render(papers, SITE_CHANNEL, { ...context, items: 3 });
    expect(channel.item.map((item: { link: string }) => item.link.split('/').at(-2))).toEqual(['p0', 'p1', 'p2']);
    expect(channel.lastBuildDate).toBe('Wed, 03 Jan 2024 00:00:00 GMT');
  });

  it('gives a pubDate only for a known day; lastBuildDate is the newest known day', async () => {
    const papers = await makePapers([
      paper('year', { date: '2025' }),
      paper('month', { date: '2024-09' }),
      paper('range', { date: '2024-05-20/2024-05-24' }),
      paper('day', { date: '2022-11-28' }),
      paper('undated', { date: undefined }),
    ]);
    const { xml, channel } = await render(papers);
    expect(xmllint(xml).status).toBe(0);
    const dates = Object.fromEntries(
      channel.item.map((item: { link: string; pubDate?: string }) => [item.link.split('/').at(-2), item.pubDate]),
    );
    expect(dates).toEqual({
      year: undefined,
      month: undefined,
      range: 'Mon, 20 May 2024 00:00:00 GMT',
      day: 'Mon, 28 Nov 2022 00:00:00 GMT',
      undated: undefined,
    });
    expect(channel.lastBuildDate).toBe('Mon, 20 May 2024 00:00:00 GMT');
    expect(channel.item[0]['content:encoded']).toContain('<p>Preprint · 2025</p>');
    expect(channel.item[4]['content:encoded']).toContain('<p>Preprint · n.d.</p>');
    for (const item of channel.item) if (item.pubDate) expect(item.pubDate).toMatch(RFC_822);
  });

  it('takes lastBuildDate from the papers, so unchanged content renders byte-identical', async () => {
    const papers = await makePapers([paper('a', { date: '2024-02-29' }), paper('b', { date: '2022-11-28' })]);
    expect(findLastBuildDate(papers)).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect((await render(papers)).xml).toBe((await render([...papers])).xml);
    expect(formatRfc822(new Date('2022-11-28T00:00:00Z'))).toBe('Mon, 28 Nov 2022 00:00:00 GMT');
  });

  it('writes an empty feed without items or lastBuildDate', async () => {
    const { xml, channel } = await render([]);
    expect(xmllint(xml).status).toBe(0);
    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBeUndefined();
    expect(findLastBuildDate([])).toBeUndefined();
  });

  it('leaves out a dc:creator the feed writer would turn into a number or boolean, never another name', async () => {
    const [item] = (await render(await makePapers([paper('n', { authors: ['Ada Lovelace', '007', 'true'] })]))).channel
      .item;
    expect(item['dc:creator']).toEqual(['Ada Lovelace']);
    // The author line keeps every name as written.
    expect(item['content:encoded']).toContain('<p>Ada Lovelace, 007, true</p>');
  });

  it('builds a paper’s item once and reuses it in every feed', async () => {
    const papers = await makePapers([paper('m', {})]);
    const first = buildFeed(papers, SITE_CHANNEL, context).items as unknown[];
    const second = buildFeed(papers, describeListFeed('X', 'Ada', 'x/', 'x/rss.xml'), context).items as unknown[];
    expect(second[0]).toBe(first[0]);
  });

  it('round-trips any title and author name through the feed writer and an XML parser', async () => {
    const text = fc
      .string({ unit: fc.constantFrom(...'aZltgx39 &<>"\'é中😀\t;#/=?-'.match(/./gu)!), minLength: 1, maxLength: 30 })
      .map((value) => value.trim().replace(/\s+/g, ' '))
      .filter((value) => /\p{L}/u.test(value) && !/[,;]/.test(value));
    await fc.assert(
      fc.asyncProperty(text, text, async (title, author) => {
        const papers = await makePapers([paper('p', { title, authors: [{ literal: author }] })]);
        const { xml, channel } = await render(papers);
        expect(xmllint(xml).status).toBe(0);
        expect(channel.item[0].title).toBe(title);
        expect(channel.item[0]['dc:creator']).toEqual([author]);
      }),
      { numRuns: 40 },
    );
  });
});
