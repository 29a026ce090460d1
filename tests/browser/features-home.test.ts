// The home page of issue 14 in Chromium: selected publications (on, off, in either order), chip rows for category,
// type and keyword that combine, and "Export these" for exactly the papers listed, with and without JavaScript.
import { parse } from '@retorquere/bibtex-parser';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  FEATURE_CONFIGS,
  download,
  findAxeViolations,
  openWithoutScripts,
  texts,
  useFeatureSites,
} from '../helpers/features';

const site = useFeatureSites({
  'home-lab': { config: FEATURE_CONFIGS.lab },
  'home-person': { config: FEATURE_CONFIGS.person },
  'home-papers-only': { config: FEATURE_CONFIGS.papersOnly },
});

/** The titles of the cards the reader sees in the papers list (hidden ones left out). */
const visibleTitles = (page: Page) =>
  page.locator('section.papers li[data-id]:visible .paper-card__title').allTextContents();

/** The section headings (h2) of the home page, in order. */
const sectionHeadings = (page: Page) => page.locator('main > section > h2').allTextContents();

describe('selected publications and the order of the home sections', () => {
  it('the lab site shows "Selected publications" first, with the selected papers newest first, then the list', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.urls['home-lab']);
    expect(await sectionHeadings(page)).toEqual(['Selected publications', '7 Papers']);
    expect(await page.locator('section.selected .paper-card__title').allTextContents()).toEqual([
      'An Atlas of Attention Heads',
      'Sparse Probing of Language Model Features',
    ]);
    // A selected paper is also in the full list; its ids stay unique (the cards are labelled by their titles).
    const ids = await page.locator('[id]').evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });

  it('home.sections puts the list first when the config says so, and leaves the selected section out', async () => {
    for (const [name, headings] of [
      ['home-person', ['7 Papers', 'Selected publications']],
      ['home-papers-only', ['7 Papers']],
    ] as const) {
      const page = await site.browser.newPage();
      await page.goto(site.urls[name]);
      expect(await sectionHeadings(page)).toEqual(headings);
      await page.close();
    }
  });
});

describe('filter chips and "Export these" on the lab home page', () => {
  const url = () => site.urls['home-lab'];

  it('offers a row of chips per facet: categories, types, and the most used keywords first', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    const rows = page.locator('nav.chips-nav');
    expect(await rows.evaluateAll((navs) => navs.map((nav) => nav.getAttribute('aria-label')))).toEqual([
      'Filter by category',
      'Filter by type',
      'Filter by keyword',
    ]);
    const chips = (row: number) => rows.nth(row).locator('.chip').allTextContents();
    expect((await chips(0)).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['All (7)', 'CL (2)', 'LG (3)']);
    expect((await chips(2)).map((text) => text.replace(/\s*\(.*$/, '').trim())).toEqual([
      'All',
      'interpretability',
      'sparse autoencoders',
      'attention',
      'circuits',
      'steering',
    ]);
    await page.close();
  });

  it('without JavaScript a chip is a link to its facet page, which lists and exports exactly its papers', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url());
    await page
      .getByRole('navigation', { name: 'Filter by keyword' })
      .getByRole('link', { name: /^steering/ })
      .click();
    expect(new URL(page.url()).pathname).toBe('/keywords/steering/');
    expect(await page.locator('.paper-card__title').allTextContents()).toEqual([
      'Steering Vectors without Supervision',
    ]);
    expect(await page.locator('main').getByRole('link', { name: 'BibTeX', exact: true }).getAttribute('href')).toBe(
      '/keywords/steering/bibliography.bib',
    );
    const bib = await (await page.request.get(new URL('/keywords/steering/bibliography.bib', url()).href)).text();
    expect(parse(bib, PARSE_OPTIONS).entries.map((entry) => entry.fields.title)).toEqual([
      'Steering Vectors without Supervision',
    ]);
    expect(await page.locator('main').getByRole('link', { name: 'RSS feed' }).getAttribute('href')).toBe(
      '/keywords/steering/rss.xml',
    );
    await context.close();
  });

  it('with JavaScript, chips of several rows combine, keep the choice in the URL and update the counts', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: /^LG/ }).click();
    await page
      .getByRole('navigation', { name: 'Filter by type' })
      .getByRole('link', { name: /^Journal articles/ })
      .click();
    expect(await visibleTitles(page)).toEqual([
      'Sparse Probing of Language Model Features',
      'Feature Splitting in Dictionary Learning',
    ]);
    expect(new URL(page.url()).search).toBe('?category=LG&type=journal-articles');
    expect(await page.locator('[data-filter-status]').textContent()).toBe('Showing 2 of 7 papers.');
    // The type row counts what each type would show within LG.
    const typeChips = page.getByRole('navigation', { name: 'Filter by type' }).locator('.chip');
    expect((await typeChips.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'All (3)',
      'Journal articles (2)',
      'Conference papers (0)',
      'Preprints (0)',
      'Book chapters (0)',
      'Theses (0)',
      'Datasets (1)',
    ]);
    expect(await typeChips.nth(1).getAttribute('aria-current')).toBe('true');
    // Years left without a paper lose their heading and their jump link.
    expect(await page.locator('section[data-group]:visible .year-heading').allTextContents()).toEqual(['2024', '2023']);
    expect(await texts(page.locator('.year-nav li:visible a'))).toEqual(['2024', '2023']);
    // The same URL, opened again, shows the same papers.
    await page.reload();
    expect(await visibleTitles(page)).toHaveLength(2);
    // "All" of a row clears that row only.
    await page.getByRole('navigation', { name: 'Filter by type' }).getByRole('link', { name: 'All' }).click();
    expect(await visibleTitles(page)).toHaveLength(3);
    expect(new URL(page.url()).search).toBe('?category=LG');
    await page.close();
  });

  it('"Export these" gives the whole bibliography, one chip\'s facet files, or a file of exactly the filtered papers', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    const bibtex = page.locator('main').getByRole('link', { name: 'BibTeX', exact: true });
    expect(await page.locator('[data-export-label]').textContent()).toBe('Export these 7 papers:');
    expect(await bibtex.getAttribute('href')).toBe('/bibliography.bib');

    await page
      .getByRole('navigation', { name: 'Filter by type' })
      .getByRole('link', { name: /^Preprints/ })
      .click();
    expect(await bibtex.getAttribute('href')).toBe('/types/preprints/bibliography.bib');
    expect(await page.locator('main').getByRole('link', { name: 'CSL-JSON', exact: true }).getAttribute('href')).toBe(
      '/types/preprints/bibliography.json',
    );
    expect(await page.locator('[data-export-label]').textContent()).toBe('Export these 1 paper:');

    // Two rows: no file of the site holds that combination; the browser joins the papers' own files.
    await page.getByRole('navigation', { name: 'Filter by type' }).getByRole('link', { name: 'All' }).click();
    await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: /^LG/ }).click();
    await page
      .getByRole('navigation', { name: 'Filter by keyword' })
      .getByRole('link', { name: /^sparse autoencoders/ })
      .click();
    const shown = await page
      .locator('section.papers li[data-id]:visible')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id!));
    expect(shown).toEqual(['sparse-probing', 'features-2023']);
    const bib = await download(page, 'BibTeX');
    expect(bib.file).toBe('okafor-lab-lg-sparse-autoencoders.bib');
    const entries = parse(bib.text, PARSE_OPTIONS).entries;
    expect(entries.map((entry) => entry.fields.title)).toEqual([
      'Sparse Probing of Language Model Features',
      'Feature Splitting in Dictionary Learning',
    ]);
    expect(bib.text).toMatch(/^% Papers of Okafor Lab · Bibliography: LG, sparse autoencoders, http/);
    // Each entry exactly as the paper's own .bib file has it.
    for (const id of shown) {
      const own = await (await page.request.get(new URL(`/papers/${id}.bib`, url()).href)).text();
      expect(bib.text).toContain(own);
    }
    const json = JSON.parse((await download(page, 'CSL-JSON')).text) as { title: string }[];
    expect(json.map((item) => item.title)).toEqual(entries.map((entry) => entry.fields.title));
    const ris = (await download(page, 'RIS')).text;
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(2);
    await page.close();
  });

  it('says so when no paper matches, and offers no empty file', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${url()}?category=CL&type=theses`);
    expect(await visibleTitles(page)).toEqual([]);
    expect(await page.locator('[data-filter-status]').textContent()).toBe('No papers match these filters.');
    expect(
      await page.locator('main').getByRole('link', { name: 'BibTeX', exact: true }).getAttribute('aria-disabled'),
    ).toBe('');
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations (%s, filtered and not, without JavaScript)',
    async (colorScheme) => {
      for (const [javaScriptEnabled, path] of [
        [true, ''],
        [true, '?category=LG&keyword=interpretability'],
        [false, ''],
      ] as const) {
        const context = await site.browser.newContext({ colorScheme });
        const page = await context.newPage();
        if (javaScriptEnabled) await page.goto(`${url()}${path}`);
        else await openWithoutScripts(page, `${url()}${path}`);
        expect(await findAxeViolations(page), `${path || '/'} js=${javaScriptEnabled}`).toEqual([]);
        await context.close();
      }
    },
  );
});
