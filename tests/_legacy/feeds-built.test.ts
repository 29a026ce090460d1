import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import { BUILD_ROOT, ROOT, SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH, TEST_SITE_URL, buildSite } from './helpers/build';
import { readSeed } from './helpers/seed';
import { serveStatic, type StaticServer } from './helpers/server';
import { listBuilt, loadPage, readBuilt } from './helpers/site';

const seed = readSeed();

/** RFC 822 as RSS 2.0 uses it, with a four-digit year and a GMT or numeric zone. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

interface FeedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description: string;
  pubDate: string;
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

/** Checks well-formedness with libxml2's xmllint. */
function xmllint(...files: string[]): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
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

/** The fixture site (tests/fixtures/feed-papers) built once under /bib/, for the tests that need it. */
const FIXTURE_DIR = join(BUILD_ROOT, 'feeds-fixture');
let fixtureBuilt = false;
function buildFixture(): string {
  if (!fixtureBuilt) {
    rmSync(FIXTURE_DIR, { recursive: true, force: true });
    const result = buildSite({
      outDir: FIXTURE_DIR,
      papersDir: join(ROOT, 'tests/fixtures/feed-papers'),
      base: TEST_BASE_PATH,
    });
    if (result.status !== 0) throw new Error(`fixture build failed:\n${result.output}`);
    fixtureBuilt = true;
  }
  return FIXTURE_DIR;
}

const builds = [
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
] as const;

describe.each(builds)('built feeds under base %s', (base, dir) => {
  const root = `${TEST_SITE_URL}${base}`;
  const feedFiles = listBuilt(dir).filter((path) => path.endsWith('.xml') && path.includes('rss'));
  const site = readFeed('rss.xml', dir);
  const paperPages = listBuilt(dir, 'papers').filter((path) => path.endsWith('/index.html'));

  it('are all well-formed XML, as is the stylesheet', () => {
    expect(feedFiles).toContain('rss.xml');
    expect(xmllint(...feedFiles.map((path) => join(dir, path)), join(dir, 'rss.xsl'))).toEqual({
      status: 0,
      stderr: '',
    });
  });

  it('all point at the XSL stylesheet under the base path', () => {
    for (const path of feedFiles) {
      const xml = readBuilt(path, dir);
      expect(xml).toContain(`<?xml-stylesheet href="${base}rss.xsl" type="text/xsl"?>`);
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
    // The newest paper's date: see findLastBuildDate.
    const newest = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate))[0];
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(new Date(Date.parse(channel.lastBuildDate!)).toISOString().slice(0, 10)).toBe(newest.isoDate);
  });

  it('site feed: one item per built paper page, newest first', () => {
    expect(paperPages).toHaveLength(seed.papers);
    expect(site.channel.item).toHaveLength(paperPages.length);
    const links = site.channel.item.map((item) => item.link);
    expect(new Set(links).size).toBe(links.length);
    const times = site.channel.item.map((item) => Date.parse(item.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it.each(seed.list.map((entry) => [entry.title, entry] as const))('site feed item: %s', (title, entry) => {
    const item = site.channel.item.find((candidate) => candidate.title === title);
    expect(item, 'item with the exact title').toBeDefined();
    const { link, guid, pubDate, description } = item!;
    expect(link.startsWith(`${root}papers/`)).toBe(true);
    expectResolves(link, dir, base);
    expect(guid).toEqual({ '#text': link, '@_isPermaLink': 'true' });
    const page = loadPage(builtFileFor(link, dir, base)!.slice(dir.length + 1), dir);
    expect(page.querySelector('h1')!.textContent!.trim()).toBe(title);
    expect(pubDate).toMatch(RFC_822);
    expect(new Date(Date.parse(pubDate)).toISOString()).toBe(`${entry.isoDate}T00:00:00.000Z`);
    expect(item!['dc:creator']).toEqual(entry.authors);
    expect(item!.category).toContain(`cs.${entry.category}`);
    expect(description.startsWith(entry.abstract.split(' ').slice(0, 12).join(' '))).toBe(true);
    expect(description).not.toMatch(/[<>]/);
    const content = item!['content:encoded'];
    expect(content).toContain('<p>');
    expect(content).toContain(`Authors: ${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}</p>`);
    expect(content).not.toMatch(/<script|\son\w+=|javascript:/i);
    for (const [, url] of content.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^https?:\/\//);
  });

  it('category feeds: one per category, with exactly its papers', () => {
    const codes = [...new Set(seed.list.map((entry) => entry.category))].sort();
    const built = feedFiles.filter((path) => path.startsWith('categories/')).sort();
    expect(built).toEqual(codes.map((code) => `categories/${code.toLowerCase()}/rss.xml`));
    for (const code of codes) {
      const path = `categories/${code.toLowerCase()}/rss.xml`;
      const { channel } = readFeed(path, dir);
      const expected = seed.list.filter((entry) => entry.category === code).map((entry) => entry.title);
      expect(channel.item.map((item) => item.title).sort()).toEqual(expected.sort());
      for (const item of channel.item) {
        expect(item.category).toContain(`cs.${code}`);
        expectResolves(item.link, dir, base);
      }
      expect(channel.title).toContain(`(cs.${code})`);
      expect(channel.link).toBe(`${root}categories/${code.toLowerCase()}/`);
      expect(channel['atom:link']['@_href']).toBe(`${root}${path}`);
      expectResolves(channel['atom:link']['@_href'], dir, base);
    }
  });

  it('author feeds: one per author, each with exactly the papers listing that author', () => {
    const authors = [...new Set(seed.list.flatMap((entry) => entry.authors))];
    const built = feedFiles.filter((path) => path.startsWith('authors/'));
    expect(built).toHaveLength(authors.length);
    const byName = new Map(
      built.map((path) => {
        const feed = readFeed(path, dir);
        return [feed.channel.title.replace(` · ${seed.name} · Bibliography`, ''), { path, feed }] as const;
      }),
    );
    for (const name of authors) {
      const found = byName.get(name);
      expect(found, `feed for ${name}`).toBeDefined();
      const { path, feed } = found!;
      const expected = seed.list.filter((entry) => entry.authors.includes(name)).map((entry) => entry.title);
      expect(feed.channel.item.map((item) => item.title).sort()).toEqual(expected.sort());
      for (const item of feed.channel.item) expect(item['dc:creator']).toContain(name);
      expect(feed.channel['atom:link']['@_href']).toBe(`${root}${path}`);
      expect(feed.channel.link).toBe(`${root}${path.replace(/rss\.xml$/, '')}`);
    }
  });

  it('every HTML page advertises the site feed; paper pages also their category feed', () => {
    const pages = listBuilt(dir).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(seed.papers);
    for (const path of pages) {
      const alternates = [...loadPage(path, dir).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')];
      const hrefs = alternates.map((link) => link.getAttribute('href')!);
      expect(hrefs, path).toContain(`${base}rss.xml`);
      for (const link of alternates) expect(link.getAttribute('title'), path).toBeTruthy();
      for (const href of hrefs) expectResolves(new URL(href, TEST_SITE_URL).href, dir, base);
      if (path.startsWith('papers/')) {
        const code = loadPage(path, dir).querySelector('.paper-meta .badge')!.textContent!.trim().toLowerCase();
        expect(hrefs, path).toContain(`${base}categories/${code}/rss.xml`);
      }
    }
  });
});

// The HTML pages for authors and categories come from another branch; once they are built, the channel links of
// their feeds must resolve to them. Until then this only runs on the site feed's link (checked above).
describe.skipIf(!existsSync(join(SITE_DIR, 'categories/cl/index.html')))('feed channel links', () => {
  it.each(builds)('resolve to built author and category pages under base %s', (base, dir) => {
    for (const path of listBuilt(dir).filter((file) => /^(authors|categories)\/.+\/rss\.xml$/.test(file))) {
      expectResolves(readFeed(path, dir).channel.link, dir, base);
    }
  });
});

describe('feeds of a site with hostile and tricky content (extra build under /bib/)', () => {
  const dir = FIXTURE_DIR;
  const root = `${TEST_SITE_URL}${TEST_BASE_PATH}`;
  let feed: Feed;
  let hostile: FeedItem;

  beforeAll(() => {
    buildFixture();
    feed = readFeed('rss.xml', dir);
    hostile = feed.channel.item.find((item) => item.link.endsWith('/hostile-abstract/'))!;
  });

  it('is well-formed and lists both papers', () => {
    expect(xmllint(join(dir, 'rss.xml')).status).toBe(0);
    expect(feed.channel.item.map((item) => item.link)).toEqual([
      `${root}papers/hostile-abstract/`,
      `${root}papers/plain-paper/`,
    ]);
  });

  it('keeps & < > " and non-ASCII in titles and author names', () => {
    expect(hostile.title).toBe('Quotes "and" <Tags> & Ümlauts — 中文标题: a Feed Test');
    expect(hostile['dc:creator']).toEqual(['Zoë O’Brien', 'Łukasz Ćwik', '张三']);
    expect(hostile['content:encoded']).toContain('<p>Authors: Zoë O’Brien, Łukasz Ćwik, 张三 et al.</p>');
  });

  it('lets no script, style, iframe, event handler or javascript: URL through', () => {
    const content = hostile['content:encoded'];
    expect(content).not.toMatch(/<script|<style|<iframe|\bon\w+=|javascript:|pwned|display: none/i);
    expect(hostile.description).not.toMatch(/<|pwned|display: none/);
    // What is safe survives: the text, the emphasis, the image and the link text.
    expect(content).toContain('<em>emphasis</em>');
    expect(content).toContain('<a>a javascript link</a>');
    expect(content).toContain('Clickable paragraph');
  });

  it('makes relative links absolute, under the base path, pointing at built pages', () => {
    const content = hostile['content:encoded'];
    expect(content).toContain(`<a href="${root}papers/plain-paper/">relative link</a>`);
    expectResolves(`${root}papers/plain-paper/`, dir, TEST_BASE_PATH);
    expect(content).toContain(`<img src="${root}papers/hostile-abstract/figure.png" alt="figure" />`);
  });

  it('escapes the plain-text description for readers that render it as HTML', () => {
    expect(hostile.description.startsWith('A test abstract where x &lt; y &amp; z &gt; w, with emphasis')).toBe(true);
  });

  it('writes an author feed for a non-ASCII name at a percent-encoded address', () => {
    const zhang = readFeed('authors/张三/rss.xml', dir);
    expect(zhang.channel['atom:link']['@_href']).toBe(`${root}authors/%E5%BC%A0%E4%B8%89/rss.xml`);
    expect(zhang.channel.item.map((item) => item.title)).toEqual([hostile.title]);
    expectResolves(zhang.channel['atom:link']['@_href'], dir, TEST_BASE_PATH);
  });
});

describe('feeds opened in a real browser (Chromium applies rss.xsl)', () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  async function open(dir: string, path: string) {
    const server = await serveStatic(dir, TEST_BASE_PATH);
    servers.push(server);
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  it.each(['rss.xml', 'categories/cl/rss.xml'])(
    'shows %s as a readable page listing its papers, with a subscribe hint',
    async (path) => {
      const { channel } = readFeed(path, SITE_BASE_DIR);
      const page = await open(SITE_BASE_DIR, path);
      expect(await page.locator('h1').textContent()).toBe(channel.title);
      expect(await page.title()).toBe(`${channel.title} (RSS feed)`);
      await expect.poll(() => page.getByRole('heading', { name: 'Subscribe to this feed' }).isVisible()).toBe(true);
      const hint = (await page.locator('.subscribe').textContent())!.replace(/\s+/g, ' ');
      expect(hint).toContain(
        'This page is an RSS feed. To get new papers as they appear, copy its address into your feed reader',
      );
      expect(await page.locator('.feed-url').textContent()).toBe(channel['atom:link']['@_href']);
      expect(await page.locator('.site-link').getAttribute('href')).toBe(channel.link);
      const links = page.locator('.items h3 a');
      expect(await links.allTextContents()).toEqual(channel.item.map((item) => item.title));
      expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual(
        channel.item.map((item) => item.link),
      );
      expect(await page.locator('.items .authors').first().textContent()).toBe(
        channel.item[0]['dc:creator'].join(', '),
      );
      await page.close();
    },
  );

  it('shows escaped characters in titles and summaries as the characters themselves', async () => {
    const page = await open(buildFixture(), 'rss.xml');
    const first = page.locator('.items li').first();
    expect(await first.locator('h3').textContent()).toBe('Quotes "and" <Tags> & Ümlauts — 中文标题: a Feed Test');
    expect(await first.locator('.summary').textContent()).toContain('x < y & z > w');
    expect(await first.locator('.authors').textContent()).toBe('Zoë O’Brien, Łukasz Ćwik, 张三');
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await page.close();
  });
});
