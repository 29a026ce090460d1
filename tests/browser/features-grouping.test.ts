// Grouping (issue 14) in Chromium: `home.groupBy` year, type or type-year on the home page and on every list page
// (a page never groups again by its own facet), and the type and keyword pages with their exports and feeds.
import { parse } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import { FEATURE_CONFIGS, findAxeViolations, texts, useFeatureSites } from '../helpers/features';

const site = useFeatureSites({
  'group-year': { config: FEATURE_CONFIGS.lab },
  'group-type-year': { config: FEATURE_CONFIGS.person },
  'group-type': { config: FEATURE_CONFIGS.papersOnly },
});
type Build = keyof typeof site.urls;

/** A list page's group headings: each top group, with its nested groups after a colon. */
async function outline(page: Page): Promise<string[]> {
  return page.locator('main section.year-group:not(.year-group--nested)').evaluateAll((sections) =>
    sections.map((section) => {
      const heading = section.querySelector(':scope > .year-heading')!.textContent!.trim();
      const nested = [...section.querySelectorAll(':scope > .year-group--nested > .year-heading')].map((node) =>
        node.textContent!.trim(),
      );
      return nested.length > 0 ? `${heading}: ${nested.join(', ')}` : heading;
    }),
  );
}

/** Opens a page of a build without JavaScript (grouping is static). */
async function open(build: Build, path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${site.urls[build]}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, close: () => context.close() };
}

const TYPES = ['Journal articles', 'Conference papers', 'Preprints', 'Book chapters', 'Theses', 'Datasets'];

describe('home.groupBy', () => {
  it.each([
    ['group-year', ['2025', '2024', '2023', '2021'], 'Jump to year'],
    ['group-type', TYPES, 'Jump to type'],
    [
      'group-type-year',
      [
        'Journal articles: 2024, 2023',
        'Conference papers: 2025',
        'Preprints: 2025',
        'Book chapters: 2025',
        'Theses: 2021',
        'Datasets: 2023',
      ],
      'Jump to type',
    ],
  ] as const)('%s groups the home page list', async (build, groups, jump) => {
    const { page, close } = await open(build, '');
    expect(await outline(page)).toEqual(groups);
    const nav = page.getByRole('navigation', { name: jump });
    expect(await texts(nav.locator('a'))).toEqual(groups.map((group) => group.replace(/:.*/, '')));
    // The jump links lead to the groups.
    await nav.getByRole('link', { name: groups[1].replace(/:.*/, '') }).click();
    expect(new URL(page.url()).hash).not.toBe('');
    expect(await page.locator(new URL(page.url()).hash).locator('.year-heading').first().textContent()).toContain(
      groups[1].replace(/:.*/, ''),
    );
    await close();
  });

  it.each([
    // By year: a year page is one flat list, a type page is grouped by year.
    ['group-year', 'years/2025/', []],
    ['group-year', 'types/journal-articles/', ['2024', '2023']],
    ['group-year', 'authors/erik-lindqvist/', ['2025', '2024', '2023', '2021']],
    // By type: a year page is grouped by type, a type page is one flat list.
    ['group-type', 'years/2025/', ['Conference papers', 'Preprints', 'Book chapters']],
    ['group-type', 'types/journal-articles/', []],
    ['group-type', 'categories/lg/', ['Journal articles', 'Datasets']],
    // By type, then year: a year page by type, a type page by year, others by both.
    ['group-type-year', 'years/2025/', ['Conference papers', 'Preprints', 'Book chapters']],
    ['group-type-year', 'types/journal-articles/', ['2024', '2023']],
    [
      'group-type-year',
      'keywords/interpretability/',
      ['Journal articles: 2024', 'Conference papers: 2025', 'Book chapters: 2025'],
    ],
  ] as const)('%s groups /%s as %j', async (build, path, groups) => {
    const { page, close } = await open(build, path);
    expect(await outline(page)).toEqual(groups);
    // Grouped or not, the page lists every paper of its group once.
    const count = Number((await texts(page.locator('.list-intro')))[0].match(/(\d+) papers?\.$/)![1]);
    expect(await page.locator('main .paper-card').count()).toBe(count);
    await close();
  });
});

describe('type and keyword pages', () => {
  it('every type and keyword has a page with its papers, its feed and its three export files', async () => {
    const { page, close } = await open('group-year', '');
    const get = (path: string) => page.request.get(`${site.urls['group-year']}${path.replace(/^\//, '')}`);
    for (const row of ['Filter by type', 'Filter by keyword']) {
      const chips = page.getByRole('navigation', { name: row }).locator('.chip[data-value]:not([data-value=""])');
      const pairs = await chips.evaluateAll((links) =>
        links.map(
          (link) =>
            [
              link.getAttribute('href')!,
              Number(link.querySelector('.chip__count')!.textContent!.replace(/\D/g, '')),
            ] as const,
        ),
      );
      expect(pairs.length).toBeGreaterThan(1);
      for (const [href, count] of pairs) {
        const listing = await (await get(href)).text();
        expect(listing.match(/<article class="paper-card[" ]/g), href).toHaveLength(count);
        const bib = await get(`${href}bibliography.bib`);
        expect(bib.headers()['content-type']).toContain('bibtex');
        expect(parse(await bib.text(), PARSE_OPTIONS).entries, href).toHaveLength(count);
        expect(JSON.parse(await (await get(`${href}bibliography.json`)).text()), href).toHaveLength(count);
        expect((await (await get(`${href}bibliography.ris`)).text()).match(/^TY {2}- /gm), href).toHaveLength(count);
        expect((await (await get(`${href}rss.xml`)).text()).match(/<item>/g), href).toHaveLength(count);
      }
    }
    await close();
  });

  it.each(['light', 'dark'] as const)('the grouped list pages have no axe violations (%s)', async (colorScheme) => {
    for (const [build, path] of [
      ['group-type-year', ''],
      ['group-type-year', 'keywords/interpretability/'],
      ['group-type', 'years/2025/'],
    ] as const) {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.urls[build]}${path}`);
      expect(await findAxeViolations(page), `${build} /${path}`).toEqual([]);
      await context.close();
    }
  });
});
