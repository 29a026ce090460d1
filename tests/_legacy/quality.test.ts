import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from './helpers/browser';
import { ROOT, SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH, TEST_SITE_URL } from './helpers/build';
import { listBuilt, loadPage } from './helpers/site';

/** The built file a root-relative URL path serves, as a static host would (`x/` → `x/index.html`), if any. */
function resolveBuilt(dir: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const file = join(dir, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

describe.each([
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
])('every internal link and asset resolves (base %s)', (base, dir) => {
  const pages = listBuilt(dir).filter((file) => file.endsWith('.html'));

  it('has the page types the site promises', () => {
    for (const page of [
      'index.html',
      '404.html',
      'search/index.html',
      'authors/index.html',
      'authors/zhengfu-he/index.html',
      'categories/cl/index.html',
      'papers/bbtv2/index.html',
    ]) {
      expect(pages).toContain(page);
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

  it('canonical and Open Graph URLs are absolute and point to built pages', () => {
    for (const file of ['index.html', 'papers/bbtv2/index.html', 'authors/zhengfu-he/index.html']) {
      const document = loadPage(file, dir);
      const canonical = new URL(document.querySelector('link[rel="canonical"]')!.getAttribute('href')!);
      expect(canonical.origin).toBe(TEST_SITE_URL);
      expect(resolveBuilt(dir, base, canonical.pathname)).toBe(join(dir, file));
      expect(document.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe(canonical.href);
      expect(document.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBeTruthy();
      expect(document.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary');
    }
    expect(
      loadPage('papers/bbtv2/index.html', dir).querySelector('meta[property="og:type"]')!.getAttribute('content'),
    ).toBe('article');
  });
});

describe('HTML validity', () => {
  it('html-validate reports 0 errors on every built page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const file of listBuilt(SITE_DIR).filter((name) => name.endsWith('.html'))) {
      const report = await validator.validateFile(join(SITE_DIR, file));
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

describe('accessibility (axe-core in Chromium)', () => {
  const suite = useBrowserAndSite(SITE_DIR);

  const pages = [
    '',
    'papers/diffusionbert/',
    'authors/zhengfu-he/',
    'categories/cl/',
    'search/?q=sparse',
    'authors/',
    '404.html',
  ];
  it.each((['light', 'dark'] as const).flatMap((scheme) => pages.map((page) => [scheme, page] as const)))(
    '%s /%s has 0 violations',
    async (colorScheme, path) => {
      const context = await suite.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(new URL(path, suite.server.url).href);
      if (path.startsWith('search')) await page.locator('.search-result').first().waitFor();
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        });
        return result.violations.map(
          (violation: { id: string; nodes: { target: string[] }[] }) =>
            `${violation.id}: ${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
      await context.close();
    },
  );
});
