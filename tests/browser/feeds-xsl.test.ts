// Feeds opened in Chromium: rss.xsl turns each into a readable page that lists its papers and says how to subscribe.
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { BUILD_ROOT, ROOT, SITE_BASE_DIR, TEST_BASE_PATH, TYPED_SITE_DIR, buildFixtureSite } from '../helpers/build';
import { serveStatic, type StaticServer } from '../helpers/server';
import { readBuilt } from '../helpers/site';

const reader = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'dc:creator'].includes(name),
});
const channelOf = (path: string, dir: string) => reader.parse(readBuilt(path, dir)).rss.channel;

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

  async function open(dir: string, base: string, path: string) {
    const server = await serveStatic(dir, base);
    servers.push(server);
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  it.each(['rss.xml', 'categories/cl/rss.xml', 'types/preprints/rss.xml', 'years/2024/rss.xml'])(
    'shows %s as a readable page listing its papers, with a subscribe hint',
    async (path) => {
      const channel = channelOf(path, SITE_BASE_DIR);
      const page = await open(SITE_BASE_DIR, TEST_BASE_PATH, path);
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
      expect(await links.allTextContents()).toEqual(channel.item.map((item: { title: string }) => item.title));
      expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual(
        channel.item.map((item: { link: string }) => item.link),
      );
      // The site's author line ("et al." bound to the last name for a truncated list) and its date.
      const [first] = channel.item;
      const etAl = first['bibshelf:authors'].endsWith(' et al.') ? '\u00a0et\u00a0al.' : '';
      expect(first['bibshelf:authors']).toBe(`${first['dc:creator'].join(', ')}${etAl ? ' et al.' : ''}`);
      expect(await page.locator('.items .authors').first().textContent()).toBe(
        `${first['dc:creator'].join(', ')}${etAl}`,
      );
      expect((await page.locator('.items .meta').first().textContent())!.startsWith(first['bibshelf:date'])).toBe(true);
      await page.close();
    },
  );

  it('shows a feed whose papers have no day (no pubDate) as readable too', async () => {
    const channel = channelOf('years/1930/rss.xml', TYPED_SITE_DIR);
    const page = await open(TYPED_SITE_DIR, '/', 'years/1930/rss.xml');
    expect(await page.locator('.items h3 a').allTextContents()).toEqual([channel.item[0].title]);
    expect(await page.locator('.items .authors').first().textContent()).toBe('Grace Hopper');
    await page.close();
  });

  it('shows escaped characters in titles and summaries as the characters themselves', async () => {
    const dir = buildFixtureSite('feeds-xsl-fixture', {
      papersDir: join(ROOT, 'tests/fixtures/feed-papers'),
      base: TEST_BASE_PATH,
    });
    expect(dir.startsWith(BUILD_ROOT)).toBe(true);
    const page = await open(dir, TEST_BASE_PATH, 'rss.xml');
    const first = page.locator('.items li').first();
    expect(await first.locator('h3').textContent()).toBe('Quotes "and" <Tags> & Ümlauts — 中文标题: a Feed Test');
    expect(await first.locator('.summary').textContent()).toContain('x < y & z > w');
    expect(await first.locator('.authors').textContent()).toBe('Zoë O’Brien, Łukasz Ćwik, 张三\u00a0et\u00a0al.');
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await page.close();
  });
});
