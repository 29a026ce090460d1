// The built RSS feeds of the shipped site under / and /bib/: the site feed, a feed per category, type, year and
// author, read as a feed reader reads them; and the feeds of a small site with tricky content (tests/fixtures/
// feed-papers). Well-formedness through xmllint is in tests/clients/xml.test.ts, the XSL view in tests/browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { slugifyName } from '../../src/site/authors';
import { ROOT, SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH, TEST_SITE_URL, buildFixtureSite } from '../helpers/build';
import { readSeed } from '../helpers/seed';
import { loadShippedPapers } from '../helpers/shipped';
import { listBuilt, loadPage, readBuilt } from '../helpers/site';

const seed = readSeed();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const shipped = await loadShippedPapers();

/** RFC 822 as RSS 2.0 uses it, with a four-digit year and a GMT or numeric zone. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

interface FeedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description: string;
  pubDate?: string;
  'content:encoded': string;
  'dc:creator': string[];
  category: string[];
}

interface Feed {
  xml: string;
  channel: {
    title: string;
    description: string;
    link: string;
    language: string;
    lastBuildDate?: string;
    'atom:link': { '@_href': string; '@_rel': string; '@_type': string };
    item: FeedItem[];
  };
}

/** Reads XML as a feed reader would: entities decoded, every value kept as text. */
const reader = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

function readFeed(path: string, dir: string): Feed {
  const xml = readBuilt(path, dir);
  return { xml, channel: reader.parse(xml).rss.channel };
}

/** The built file an absolute site URL serves, or undefined when it is outside the deployment. */
function builtFileFor(url: string, dir: string, base: string): string | undefined {
  const { origin, pathname } = new URL(url);
  if (origin !== TEST_SITE_URL || !pathname.startsWith(base)) return undefined;
  const path = decodeURIComponent(pathname.slice(base.length));
  return join(dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

function expectResolves(url: string, dir: string, base: string): void {
  const file = builtFileFor(url, dir, base);
  expect(file, `${url} is outside ${TEST_SITE_URL}${base}`).toBeDefined();
  expect(existsSync(file!), `${url} → ${file} is not built`).toBe(true);
}

describe.each([
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
] as const)('built feeds under base %s', (base, dir) => {
  const root = `${TEST_SITE_URL}${base}`;
  const feedFiles = listBuilt(dir).filter((path) => path.endsWith('rss.xml'));
  const site = readFeed('rss.xml', dir);

  it('all point at the XSL stylesheet under the base path', () => {
    expect(feedFiles).toContain('rss.xml');
    for (const path of feedFiles) {
      expect(readBuilt(path, dir)).toContain(`<?xml-stylesheet href="${base}rss.xsl" type="text/xsl"?>`);
    }
    expect(existsSync(join(dir, 'rss.xsl'))).toBe(true);
  });

  it('site feed: channel title, description, link, language, self link and lastBuildDate', () => {
    const { channel } = site;
    expect(channel.title).toBe(`${seed.name} · Bibliography`);
    expect(channel.description).toContain(seed.name);
    expect(channel.link).toBe(root);
    expectResolves(channel.link, dir, base);
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toEqual({
      '@_href': `${root}rss.xml`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expectResolves(channel['atom:link']['@_href'], dir, base);
    // The newest paper's day: it changes exactly when a newer paper is added, so rebuilds are byte-identical.
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(new Date(Date.parse(channel.lastBuildDate!)).toISOString().slice(0, 10)).toBe(byDate[0].isoDate);
  });

  it('site feed: every paper (fewer than feeds.items, 50), newest first, one item per built paper page', () => {
    const pages = listBuilt(dir, 'papers').filter((path) => path.endsWith('/index.html'));
    expect(pages).toHaveLength(seed.papers);
    expect(site.channel.item.map((item) => item.title)).toEqual(byDate.map((entry) => entry.title));
    const links = site.channel.item.map((item) => item.link);
    expect(new Set(links).size).toBe(links.length);
  });

  it.each(byDate.map((entry) => [entry.title, entry] as const))('site feed item: %s', (title, entry) => {
    const item = site.channel.item.find((candidate) => candidate.title === title)!;
    expect(item, 'item with the exact title').toBeDefined();
    const { link, guid, pubDate, description } = item;
    expect(link.startsWith(`${root}papers/`)).toBe(true);
    expectResolves(link, dir, base);
    expect(guid).toEqual({ '#text': link, '@_isPermaLink': 'true' });
    const page = loadPage(builtFileFor(link, dir, base)!.slice(dir.length + 1), dir);
    expect(page.querySelector('h1')!.textContent!.trim()).toBe(title);
    // Every seed date is known to the day.
    expect(pubDate).toMatch(RFC_822);
    expect(new Date(Date.parse(pubDate!)).toISOString()).toBe(`${entry.isoDate}T00:00:00.000Z`);
    expect(item['dc:creator']).toEqual(entry.authors);
    expect(item.category).toEqual([
      { CL: 'Computation and Language', LG: 'Machine Learning', CV: 'Computer Vision and Pattern Recognition' }[
        entry.category
      ],
      `cs.${entry.category}`,
      'Preprint',
    ]);
    expect(description.startsWith(entry.abstract.split(' ').slice(0, 12).join(' '))).toBe(true);
    expect(description).not.toMatch(/[<>]/);
    const content = item['content:encoded'];
    expect(content.startsWith('<p>')).toBe(true);
    const arxiv = shipped.find((paper) => paper.csl.title === title)!.site.arxiv;
    const readable = entry.date.includes(',') ? entry.date : `${entry.date}, ${entry.isoDate.slice(0, 4)}`;
    expect(content).toContain(
      `<p>${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}</p>\n<p>Preprint · arXiv${arxiv ? `, arXiv:${arxiv}` : ''} · ${readable}</p>`,
    );
    expect(content).not.toMatch(/<script|\son\w+=|javascript:/i);
    for (const [, url] of content.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^https?:\/\//);
  });

  it('category, type and year feeds: one per group, with exactly its papers, linking to its page', () => {
    const groups = [
      ...[...new Set(seed.list.map((entry) => entry.category))].map((code) => ({
        path: `categories/${code.toLowerCase()}/`,
        titles: byDate.filter((entry) => entry.category === code).map((entry) => entry.title),
        channelTitle: `(cs.${code}) · ${seed.name} · Bibliography`,
      })),
      { path: 'types/preprints/', titles: byDate.map((entry) => entry.title), channelTitle: 'Preprints · ' },
      ...[...new Set(byDate.map((entry) => entry.isoDate.slice(0, 4)))].map((year) => ({
        path: `years/${year}/`,
        titles: byDate.filter((entry) => entry.isoDate.startsWith(year)).map((entry) => entry.title),
        channelTitle: `Papers of ${year} · `,
      })),
    ];
    expect(feedFiles.filter((path) => !path.startsWith('authors/') && path !== 'rss.xml').sort()).toEqual(
      groups.map((group) => `${group.path}rss.xml`).sort(),
    );
    for (const group of groups) {
      const { channel } = readFeed(`${group.path}rss.xml`, dir);
      expect(channel.item.map((item) => item.title)).toEqual(group.titles);
      expect(channel.title).toContain(group.channelTitle);
      expect(channel.link).toBe(`${root}${group.path}`);
      expectResolves(channel.link, dir, base);
      expect(channel['atom:link']['@_href']).toBe(`${root}${group.path}rss.xml`);
      for (const item of channel.item) expectResolves(item.link, dir, base);
    }
  });

  it('author feeds: one per author, each with exactly the papers listing that author', () => {
    const authors = [...new Set(seed.list.flatMap((entry) => entry.authors))];
    expect(feedFiles.filter((path) => path.startsWith('authors/'))).toHaveLength(authors.length);
    for (const name of authors) {
      const path = `authors/${slugifyName(name)}/rss.xml`;
      const { channel } = readFeed(path, dir);
      expect(channel.title).toBe(`${name} · ${seed.name} · Bibliography`);
      const expected = byDate.filter((entry) => entry.authors.includes(name)).map((entry) => entry.title);
      expect(channel.item.map((item) => item.title)).toEqual(expected);
      for (const item of channel.item) expect(item['dc:creator']).toContain(name);
      expect(channel['atom:link']['@_href']).toBe(`${root}${path}`);
      expect(channel.link).toBe(`${root}authors/${slugifyName(name)}/`);
      expectResolves(channel.link, dir, base);
    }
  });

  it('every HTML page advertises the site feed; paper pages also their category and type feeds', () => {
    const pages = listBuilt(dir).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(seed.papers);
    for (const path of pages) {
      const alternates = [...loadPage(path, dir).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')];
      const hrefs = alternates.map((link) => link.getAttribute('href')!);
      expect(hrefs[0], path).toBe(`${base}rss.xml`);
      for (const link of alternates) expect(link.getAttribute('title'), path).toBeTruthy();
      for (const href of hrefs) expectResolves(new URL(href, TEST_SITE_URL).href, dir, base);
      if (/^papers\/[^/]+\/index\.html$/.test(path)) {
        const code = loadPage(path, dir).querySelector('.paper-meta .badge--category')!.textContent!.trim();
        expect(hrefs, path).toEqual([
          `${base}rss.xml`,
          `${base}categories/${code.toLowerCase()}/rss.xml`,
          `${base}types/preprints/rss.xml`,
        ]);
      }
    }
  });
});

describe('feeds of a site with tricky content (tests/fixtures/feed-papers, under /bib/)', () => {
  const root = `${TEST_SITE_URL}${TEST_BASE_PATH}`;
  let dir: string;
  let feed: Feed;
  let tricky: FeedItem;

  beforeAll(() => {
    dir = buildFixtureSite('feeds-fixture', {
      papersDir: join(ROOT, 'tests/fixtures/feed-papers'),
      base: TEST_BASE_PATH,
    });
    feed = readFeed('rss.xml', dir);
    tricky = feed.channel.item.find((item) => item.link.endsWith('/hostile-abstract/'))!;
  });

  it('lists both papers, newest first', () => {
    expect(feed.channel.item.map((item) => item.link)).toEqual([
      `${root}papers/hostile-abstract/`,
      `${root}papers/plain-paper/`,
    ]);
  });

  it('keeps & < > " and non-ASCII in titles and author names', () => {
    expect(tricky.title).toBe('Quotes "and" <Tags> & Ümlauts — 中文标题: a Feed Test');
    expect(tricky['dc:creator']).toEqual(['Zoë O’Brien', 'Łukasz Ćwik', '张三']);
    expect(tricky['content:encoded']).toContain('<p>Zoë O’Brien, Łukasz Ćwik, 张三 et al.</p>');
  });

  it('lets no script, style, iframe, event handler or javascript: URL through, and keeps what is safe', () => {
    const content = tricky['content:encoded'];
    expect(content).not.toMatch(/<script|<style|<iframe|\bon\w+=|javascript:|pwned|display: none/i);
    expect(tricky.description).not.toMatch(/<|pwned|display: none/);
    expect(content).toContain('<em>emphasis</em>');
    expect(content).toContain('a javascript link');
    expect(content).toContain('Clickable paragraph');
  });

  it('makes relative links absolute, under the base path, pointing at built pages', () => {
    const content = tricky['content:encoded'];
    expect(content).toContain(`<a href="${root}papers/plain-paper/">relative link</a>`);
    expectResolves(`${root}papers/plain-paper/`, dir, TEST_BASE_PATH);
    expect(content).toMatch(new RegExp(`<img src="${root}papers/hostile-abstract/figure\\.png" alt="figure" ?/?>`));
  });

  it('escapes the plain-text description for readers that render it as HTML', () => {
    expect(tricky.description.startsWith('A test abstract where x &lt; y &amp; z &gt; w, with emphasis')).toBe(true);
  });

  it('writes an author feed for a non-ASCII name at a percent-encoded address', () => {
    const zhang = readFeed('authors/张三/rss.xml', dir);
    expect(zhang.channel['atom:link']['@_href']).toBe(`${root}authors/%E5%BC%A0%E4%B8%89/rss.xml`);
    expect(zhang.channel.link).toBe(`${root}authors/%E5%BC%A0%E4%B8%89/`);
    expect(zhang.channel.item.map((item) => item.title)).toEqual([tricky.title]);
    expectResolves(zhang.channel['atom:link']['@_href'], dir, TEST_BASE_PATH);
    expectResolves(zhang.channel.link, dir, TEST_BASE_PATH);
  });
});
