// axe-core in Chromium, light and dark colour schemes: 0 violations of WCAG 2.1 A/AA and axe's best practices on
// every kind of page, of the shipped site and of the typed site (every type's venue line and details).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { ROOT, SITE_DIR, TYPED_SITE_DIR } from '../helpers/build';

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
}

describe('accessibility of the shipped site (axe-core in Chromium)', () => {
  expectNoViolations(SITE_DIR, [
    '',
    '?category=CV',
    'papers/diffusionbert/',
    'papers/nex-n1/',
    'authors/zhengfu-he/',
    'categories/cl/',
    'types/preprints/',
    'years/2024/',
    'search/?q=sparse',
    'authors/',
    '404.html',
  ]);
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
