// Every page type as a reader sees it (issue 15), in Chromium at 390 px (a phone: touch, coarse pointer) and
// 1280 px, light and dark: a screenshot of each into test-results/ux/, no sideways overflow, tap targets of at least
// 24 × 24 px or spaced as WCAG 2.2's exception allows (the navigation, year jumps, footer links, chips, pagers,
// link rows, toggles and checkboxes 24 px themselves), no underline over white space, "et al." never split.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { SITE_DIR } from '../helpers/build';
import { FEATURE_CONFIGS, buildFeatureSite, findAxeViolations } from '../helpers/features';
import { serveStatic, type StaticServer } from '../helpers/server';
import {
  SCHEMES,
  WIDTHS,
  findBrokenEtAl,
  findLinksUnderlinedPastText,
  findSmallTargets,
  measureOverflow,
  openDevice,
  saveScreenshot,
} from '../helpers/ux';

/** Targets that are controls, not words in a line: each must be 24 × 24 px itself. */
const STRICT_TARGETS = [
  '.site-nav a',
  '.year-nav a',
  '.site-footer__links a',
  '.chip',
  '.pager a',
  '.link-row a',
  '.list-actions a',
  '.breadcrumb a',
  '.paper-links a',
  '.code-mark',
  'summary',
  'button',
  'input[type="checkbox"]',
  'input[type="radio"]',
];

/** The page types: the shipped site's, and the lab fixture's keyword page, people page and profile with a photo. */
const PAGES = {
  seed: {
    home: '',
    paper: 'papers/nex-n1/',
    'paper-long-abstract': 'papers/diffusionbert/',
    author: 'authors/tianxiang-sun/',
    owner: 'authors/zhengfu-he/',
    authors: 'authors/',
    category: 'categories/cl/',
    type: 'types/preprints/',
    year: 'years/2024/',
    search: 'search/?q=sparse',
    'not-found': 'no-such-page/',
  },
  lab: {
    'lab-home': '',
    keyword: 'keywords/interpretability/',
    people: 'people/',
    'lab-paper': 'papers/sparse-probing/',
  },
} as const;

let browser: Browser;
const servers: Partial<Record<keyof typeof PAGES, StaticServer>> = {};

beforeAll(async () => {
  const lab = buildFeatureSite('ux-lab', FEATURE_CONFIGS.lab);
  browser = await launchBrowser();
  servers.seed = await serveStatic(SITE_DIR, '/');
  servers.lab = await serveStatic(lab, '/');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server?.close()));
});

const cases = (Object.entries(PAGES) as [keyof typeof PAGES, Record<string, string>][]).flatMap(([site, pages]) =>
  Object.entries(pages).map(([name, path]) => ({ site, name, path })),
);

describe.each(cases)('the $name page (/$path)', ({ site, name, path }) => {
  it.each(WIDTHS.flatMap((width) => SCHEMES.map((scheme) => [width, scheme] as const)))(
    'at %i px, %s: a screenshot, no overflow, large or spaced targets, underlines on words, "et al." whole',
    async (width, scheme) => {
      const context = await openDevice(browser, width, scheme);
      const page = await context.newPage();
      const response = await page.goto(`${servers[site]!.url}${path}`);
      expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
      if (name === 'search') await page.locator('.search-result').first().waitFor();
      await saveScreenshot(page, `${name}-${width}-${scheme}`);
      expect(await measureOverflow(page), 'sideways overflow in px').toBe(0);
      expect(await findSmallTargets(page, STRICT_TARGETS)).toEqual([]);
      expect(await findLinksUnderlinedPastText(page)).toEqual([]);
      expect(await findBrokenEtAl(page)).toEqual([]);
      // axe's own WCAG 2.2 target-size rule agrees (and the page stays at 0 violations at this width).
      expect(await findAxeViolations(page, ['wcag22aa'])).toEqual([]);
      await context.close();
    },
  );
});
