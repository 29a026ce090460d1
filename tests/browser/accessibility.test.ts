// axe-core in Chromium, light and dark colour schemes: 0 violations of WCAG 2.1 A/AA and axe's best practices on
// every kind of page of the typed site (every type's venue line and details) and on the shipped site's pages that
// ux-pages.test.ts does not already check with the same rules (it runs them on every page type at two widths).
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { SITE_DIR, TYPED_SITE_DIR } from '../helpers/build';
import { findAxeViolations } from '../helpers/features';

const SCHEMES = ['light', 'dark'] as const;

/** Runs axe on each path of a built site in both colour schemes. */
function expectNoViolations(dir: string, paths: string[]): void {
  const suite = useBrowserAndSite(dir);
  it.each(SCHEMES.flatMap((scheme) => paths.map((path) => [scheme, path] as const)))(
    '%s /%s has 0 violations',
    async (colorScheme, path) => {
      const context = await suite.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(new URL(path, suite.server.url).href);
      if (path.startsWith('search')) await page.locator('.search-result').first().waitFor();
      expect(await findAxeViolations(page)).toEqual([]);
      await context.close();
    },
  );
}

describe('accessibility of the shipped site (axe-core in Chromium)', () => {
  // The home page filtered by a chip, and the 404 file as a host serves it; the other page types are in ux-pages.
  expectNoViolations(SITE_DIR, ['?category=CV', '404.html']);
});

describe('accessibility of the typed site (axe-core in Chromium)', () => {
  expectNoViolations(TYPED_SITE_DIR, [
    '',
    'papers/article/',
    'papers/chapter/',
    'papers/edited-book/',
    'papers/undated/',
    'keywords/attention/',
    'years/undated/',
  ]);
});
