// What a static host serves: every internal link, asset and anchor resolves under / and /bib/; sitemap, robots.txt
// and the 404 page; canonical and Open Graph URLs; valid HTML; and builds that are byte-for-byte the same every time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import {
  SITE_BASE_DIR,
  SITE_DIR,
  TEST_BASE_PATH,
  TEST_SITE_URL,
  TYPED_SITE_DIR,
  buildFixtureSite,
} from '../helpers/build';
import { readSeed } from '../helpers/seed';
import { listBuilt, loadPage, readBuilt, resolveBuilt, textOf } from '../helpers/site';

const seed = readSeed();

describe.each([
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
  ['/ (typed site)', TYPED_SITE_DIR],
])('every internal link and asset resolves (base %s)', (label, dir) => {
  const base = label.startsWith('/bib/') ? TEST_BASE_PATH : '/';
  const pages = listBuilt(dir).filter((file) => file.endsWith('.html'));

  it('has the page types the site promises', () => {
    for (const page of [
      'index.html',
      '404.html',
      'search/index.html',
      'authors/index.html',
      'papers/bbtv2/index.html',
      'authors/zhengfu-he/index.html',
      'categories/cl/index.html',
      'types/preprints/index.html',
      'years/2022/index.html',
    ]) {
      if (dir !== TYPED_SITE_DIR || !/bbtv2|zhengfu|cl\/|2022/.test(page)) expect(pages).toContain(page);
    }
  });

  it('0 broken links, assets or anchors', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const document = loadPage(file, dir);
      const pageUrl = new URL(`${base}${file.replace(/index\.html$/, '')}`, TEST_SITE_URL);
      const refs = [
        ...[...document.querySelectorAll('a[href], link[href]')].map((el) => el.getAttribute('href')!),
        ...[...document.querySelectorAll('[src]')].map((el) => el.getAttribute('src')!),
      ];
      for (const ref of refs) {
        const url = new URL(ref, pageUrl);
        if (url.origin !== pageUrl.origin) continue;
        checked++;
        const target = resolveBuilt(dir, base, url.pathname);
        if (!target) {
          broken.push(`${file}: ${ref}`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!loadPage(target.slice(dir.length + 1), dir).getElementById(id))
            broken.push(`${file}: ${ref} (no #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('reaches every page from the home page by links', () => {
    const seen = new Set<string>(['index.html']);
    const queue = ['index.html'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const pageUrl = new URL(`${base}${file.replace(/index\.html$/, '')}`, TEST_SITE_URL);
      for (const a of loadPage(file, dir).querySelectorAll('a[href]')) {
        const url = new URL(a.getAttribute('href')!, pageUrl);
        const target = url.origin === pageUrl.origin ? resolveBuilt(dir, base, url.pathname) : undefined;
        const relative = target?.slice(dir.length + 1);
        if (relative?.endsWith('.html') && !seen.has(relative)) {
          seen.add(relative);
          queue.push(relative);
        }
      }
    }
    expect(pages.filter((file) => !seen.has(file) && file !== '404.html')).toEqual([]);
  });
});

describe.each([
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
])('deploy files under base %s', (base, dir) => {
  it('sitemap lists every page but the 404 page; robots.txt names the sitemap', () => {
    expect(readBuilt('robots.txt', dir)).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${TEST_SITE_URL}${base}sitemap-index.xml\n`,
    );
    expect(readBuilt('sitemap-index.xml', dir)).toContain(`<loc>${TEST_SITE_URL}${base}sitemap-0.xml</loc>`);
    const urls = [...readBuilt('sitemap-0.xml', dir).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toContain(`${TEST_SITE_URL}${base}papers/bbtv2/`);
    expect(urls).toContain(`${TEST_SITE_URL}${base}types/preprints/`);
    expect(urls.filter((url) => url.includes('/papers/'))).toHaveLength(seed.papers);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
    const pages = listBuilt(dir).filter((file) => file.endsWith('index.html'));
    expect(urls.sort()).toEqual(
      pages.map((file) => `${TEST_SITE_URL}${base}${file.replace(/index\.html$/, '')}`).sort(),
    );
  });

  it('404 page names no canonical address and links home under the base', () => {
    const page = loadPage('404.html', dir);
    expect(textOf(page.querySelector('h1'))).toBe('Page not found');
    expect(page.querySelector('link[rel="canonical"]')).toBeNull();
    expect([...page.querySelectorAll('main a')].map((a) => a.getAttribute('href'))).toEqual([base, `${base}search/`]);
  });

  it('canonical and Open Graph URLs are absolute and point to built pages', () => {
    for (const file of [
      'index.html',
      'papers/bbtv2/index.html',
      'authors/zhengfu-he/index.html',
      'years/2024/index.html',
    ]) {
      const document = loadPage(file, dir);
      const canonical = new URL(document.querySelector('link[rel="canonical"]')!.getAttribute('href')!);
      expect(canonical.origin).toBe(TEST_SITE_URL);
      expect(resolveBuilt(dir, base, canonical.pathname)).toBe(join(dir, file));
      expect(document.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe(canonical.href);
      expect(document.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBeTruthy();
      expect(document.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary');
    }
    expect(loadPage('index.html', dir).querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe(
      'profile',
    );
  });

  it('the search page is the production one (no note about the dev server)', () => {
    const page = loadPage('search/index.html', dir);
    expect(page.querySelector('.notice:not(noscript .notice)')).toBeNull();
    expect(page.querySelector('#search')!.getAttribute('data-bundle')).toBe(`${base}pagefind/`);
    expect(page.querySelector('link[rel="modulepreload"]')!.getAttribute('href')).toBe(`${base}pagefind/pagefind.js`);
    expect(page.querySelector('form[role="search"]')!.getAttribute('action')).toBe(`${base}search/`);
  });
});

describe('HTML validity', () => {
  it.each([SITE_DIR, TYPED_SITE_DIR])('html-validate reports 0 errors on every built page of %s', async (dir) => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const file of listBuilt(dir).filter((name) => name.endsWith('.html'))) {
      const report = await validator.validateFile(join(dir, file));
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2)
            problems.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('deterministic builds', () => {
  it('a second, cold build of the shipped site is byte-for-byte the build of the global setup', () => {
    const again = buildFixtureSite('site-again');
    const files = listBuilt(SITE_DIR);
    expect(listBuilt(again).sort()).toEqual([...files].sort());
    const differing = files.filter(
      (file) => !readFileSync(join(SITE_DIR, file)).equals(readFileSync(join(again, file))),
    );
    expect(differing).toEqual([]);
  });
});
