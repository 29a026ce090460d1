// The hostile folder built twice gives byte-identical sites; built under a base path (/bib/), every link of every page
// resolves to a built file, and search works there too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { TEST_BASE_PATH, TEST_SITE_URL } from '../helpers/build';
import { listBuilt, loadPage } from '../helpers/site';
import { HOSTILE, HOSTILE_AGAIN, HOSTILE_BASE, useBuild } from './builds';
import { outDirOf } from './shared-build';

const first = useBuild(HOSTILE);
const second = useBuild(HOSTILE_AGAIN);
const based = useBuild(HOSTILE_BASE);

describe('determinism', () => {
  it('two builds of the same folder are byte-identical, file by file (search index included)', () => {
    const files = listBuilt(first.dir).sort();
    expect(listBuilt(second.dir).sort()).toEqual(files);
    const different = files.filter(
      (path) => !readFileSync(join(first.dir, path)).equals(readFileSync(join(second.dir, path))),
    );
    expect(different).toEqual([]);
  });
});

/** The built file a site path names under the base path, or undefined when it is outside the site. */
function builtFileOf(dir: string, pathname: string): string | undefined {
  if (!pathname.startsWith(TEST_BASE_PATH)) return undefined;
  const rest = decodeURIComponent(pathname.slice(TEST_BASE_PATH.length));
  const candidates =
    rest === '' || rest.endsWith('/')
      ? [join(dir, rest, 'index.html')]
      : [join(dir, rest), join(dir, rest, 'index.html')];
  return candidates.find((file) => existsSync(file));
}

describe(`a build under ${TEST_BASE_PATH}`, () => {
  it('resolves every link, stylesheet, script and image the site writes, on every page, to a built file', () => {
    const origin = new URL(TEST_SITE_URL).origin;
    const broken: string[] = [];
    let checked = 0;
    for (const path of listBuilt(based.dir).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))) {
      const document = loadPage(path, based.dir);
      const pageUrl = new URL(`${TEST_BASE_PATH}${path.replace(/index\.html$/, '')}`, origin);
      for (const element of document.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')) {
        // Links inside an abstract are the paper file's own content (the fixture's broken <img src="x"> among them).
        if (element.closest('.abstract')) continue;
        const value = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action')!;
        const url = new URL(value, pageUrl);
        if (url.origin !== origin) continue;
        checked++;
        if (!builtFileOf(based.dir, url.pathname)) broken.push(`${path}: ${value}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });

  describe('search', () => {
    const site = useBrowserAndSite(outDirOf(HOSTILE_BASE), TEST_BASE_PATH);

    for (const query of ['zebrafish', '稀疏自编码器']) {
      it(`"${query}" gives results that link inside ${TEST_BASE_PATH}`, async () => {
        const page = await site.browser.newPage();
        await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => document.querySelectorAll('.search-result a').length > 0, null, {
          timeout: 15_000,
        });
        const hrefs = await page
          .locator('.search-result a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        await page.close();
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs) expect(builtFileOf(based.dir, href!), href!).toBeDefined();
      });
    }
  });
});
