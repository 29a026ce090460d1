// "BibTeX of these results" on the search page (issue 14) in Chromium: built in the browser from the per-paper
// files of exactly the hits Pagefind shows; absent without JavaScript (the search needs it too).
import { readFileSync } from 'node:fs';
import { parse } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import { FEATURE_CONFIGS, findAxeViolations, texts, useFeatureSites } from '../helpers/features';

const site = useFeatureSites({ search: { config: FEATURE_CONFIGS.lab } });
const url = (path = '') => `${site.urls.search}${path}`;

/** Downloads what clicking a button gives, as text, with the suggested file name. */
async function download(page: Page, name: string): Promise<{ text: string; file: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { text: readFileSync((await file.path())!, 'utf8'), file: file.suggestedFilename() };
}

/** The titles of every hit (Pagefind renders them all for a handful of results). */
async function hitTitles(page: Page): Promise<string[]> {
  await page.locator('.search-result').first().waitFor();
  await expect.poll(() => page.locator('[data-search-export]').isVisible()).toBe(true);
  const label = (await page.locator('[data-search-export-label]').textContent())!;
  const count = Number(/Export these (\d+) results?:/.exec(label)![1]);
  await expect.poll(() => page.locator('.search-result__title').count()).toBe(count);
  return texts(page.locator('.search-result__title'));
}

describe('exporting search results', () => {
  it("builds BibTeX, RIS and CSL-JSON of exactly the hits, each entry as its paper's own file has it", async () => {
    const page = await site.browser.newPage();
    await page.goto(url('search/?q=probing'));
    const titles = await hitTitles(page);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.length).toBeLessThan(7);
    const bib = await download(page, 'BibTeX of these results');
    expect(bib.file).toBe('search-probing.bib');
    const entries = parse(bib.text, PARSE_OPTIONS).entries;
    expect(entries.map((entry) => entry.fields.title).sort()).toEqual([...titles].sort());
    expect(bib.text).toMatch(/^% Search results in Okafor Lab · Bibliography: "probing", http/);
    for (const entry of entries) {
      const id = (await page
        .locator('.search-result__title a', { hasText: String(entry.fields.title) })
        .getAttribute('href'))!;
      const own = await (await page.request.get(new URL(id.replace(/\/$/, '.bib'), page.url()).href)).text();
      expect(bib.text).toContain(own);
    }
    const json = JSON.parse((await download(page, 'CSL-JSON')).text) as { title: string }[];
    expect(json.map((item) => item.title).sort()).toEqual([...titles].sort());
    const ris = (await download(page, 'RIS')).text;
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(titles.length);
    await page.close();
  });

  it('follows the query: another search exports its own hits, and none are offered for no hit', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('search/?q=circuits'));
    expect(await hitTitles(page)).toEqual(['Circuits in Small Transformers']);
    expect(await page.locator('[data-search-export-label]').textContent()).toBe('Export these 1 result:');
    const bib = await download(page, 'BibTeX of these results');
    expect(parse(bib.text, PARSE_OPTIONS).entries.map((entry) => entry.fields.title)).toEqual([
      'Circuits in Small Transformers',
    ]);
    await page.goto(url('search/?q=zzzxqnothing'));
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-search-export]').isVisible()).toBe(false);
    await page.close();
  });

  it('is not offered without JavaScript; the page says the search needs it', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('search/?q=probing'));
    expect(await page.locator('[data-search-export]').isVisible()).toBe(false);
    // (Playwright's text selectors skip <noscript>, so the notice is found by its class.)
    expect(await texts(page.locator('.notice'))).toContain(
      'Search runs in your browser and needs JavaScript. Without it, browse all papers.',
    );
    expect(await page.locator('.notice').last().isVisible()).toBe(true);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations with the export offered (%s)', async (colorScheme) => {
    const context = await site.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(url('search/?q=probing'));
    await hitTitles(page);
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
