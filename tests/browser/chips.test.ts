// The category chips of the home page in Chromium: they filter the list in place and keep the choice in
// ?category=; without JavaScript they are links to the category pages.
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { SITE_DIR } from '../helpers/build';
import { readSeed } from '../helpers/seed';

const seed = readSeed();
const titlesOf = (category: string) =>
  seed.list
    .filter((entry) => entry.category === category)
    .map((entry) => entry.title)
    .sort();

describe('category chips in Chromium', () => {
  const suite = useBrowserAndSite(SITE_DIR);

  it('filter without a reload, keep the choice in the URL, hide emptied year groups', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(suite.server.url);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('.chip[data-value="CV"]').click();
    expect(new URL(page.url()).searchParams.get('category')).toBe('CV');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const visible = await page.locator('.paper-card:visible .paper-card__title').allTextContents();
    expect(visible.map((title) => title.trim()).sort()).toEqual(titlesOf('CV'));
    expect(await page.locator('.chip[data-value="CV"]').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('.chip[data-value=""]').getAttribute('aria-current')).toBe('false');
    // Only the years that hold a CV paper stay, in the list and in the jump list.
    const years = [...new Set(seed.list.filter((entry) => entry.category === 'CV').map((e) => e.isoDate.slice(0, 4)))];
    expect((await page.locator('.year-group:visible .year-heading').allTextContents()).map((t) => t.trim())).toEqual(
      years.sort().reverse(),
    );
    expect((await page.locator('.year-nav li:visible a').allTextContents()).map((t) => t.trim())).toEqual(
      years.sort().reverse(),
    );
    await page.goto(`${suite.server.url}?category=cl`);
    expect(await page.locator('.paper-card:visible').count()).toBe(titlesOf('CL').length);
    await page.locator('.chip[data-value=""]').click();
    expect(await page.locator('.paper-card:visible').count()).toBe(seed.papers);
    expect(new URL(page.url()).search).toBe('');
    // An unknown value filters nothing.
    await page.goto(`${suite.server.url}?category=physics`);
    expect(await page.locator('.paper-card:visible').count()).toBe(seed.papers);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are links to the category pages without JavaScript', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.locator('.chip[data-value="LG"]').click();
    await page.waitForURL(/\/categories\/lg\/$/);
    expect(await page.locator('h1').textContent()).toBe('Machine Learning (cs.LG)');
    expect(await page.locator('.paper-card').count()).toBe(titlesOf('LG').length);
    await context.close();
  });
});
