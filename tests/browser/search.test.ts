// Search: the Pagefind index holds exactly the papers (built from the model), and in Chromium it finds papers by a
// title word, an author name or a word only in an abstract, from ?q= and from the header box, under / and /bib/; the
// category and type filters narrow the results; the page has one box, excerpts from the abstract only, hints for an
// empty query and no results, a date sort, and highlights that read in light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH, TYPED_SITE_DIR } from '../helpers/build';
import { readSeed, type SeedPaper } from '../helpers/seed';
import { serveStatic, type StaticServer } from '../helpers/server';
import { listBuilt, loadPage } from '../helpers/site';

const seed = readSeed();
const words = (text: string) => text.toLowerCase().match(/[a-z]{6,}/g) ?? [];

/** A word of `pick(paper)` that no other paper has in any field; with `only`, also absent from the paper's other fields. */
function uniqueWord(paper: SeedPaper, pick: (paper: SeedPaper) => string, only = false): string {
  const fields = (other: SeedPaper) => [other.title, other.abstract, other.authors.join(' ')];
  const elsewhere = new Set(
    seed.list.flatMap((other) =>
      words(
        (other === paper ? (only ? fields(other).filter((field) => field !== pick(other)) : []) : fields(other)).join(
          ' ',
        ),
      ),
    ),
  );
  const word = words(pick(paper)).find((candidate) => !elsewhere.has(candidate));
  if (!word) throw new Error(`no unique word in "${pick(paper)}"`);
  return word;
}

/** An author who appears on exactly one paper. */
function uniqueAuthor(): { author: string; paper: SeedPaper } {
  for (const paper of seed.list) {
    for (const author of paper.authors) {
      if (seed.list.filter((other) => other.authors.includes(author)).length === 1) return { author, paper };
    }
  }
  throw new Error('no single-paper author');
}

describe('search index', () => {
  it.each([SITE_DIR, SITE_BASE_DIR])('indexes exactly the papers (%s)', (dir) => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(seed.papers);
    expect(listBuilt(dir).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))).toHaveLength(seed.papers);
  });

  it('is built from the model: paper pages carry no Pagefind markup', () => {
    const page = loadPage('papers/bbtv2/index.html');
    expect(page.querySelector('[data-pagefind-body], [data-pagefind-meta], [data-pagefind-filter]')).toBeNull();
  });
});

/** A browser and a static server of one built site; `open` collects console errors of the page. */
function useSearch(dir: string, base: string) {
  let browser: Browser;
  let server: StaticServer;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveStatic(dir, base);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    errors,
    async open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
      const page = await browser.newPage(options);
      errors.length = 0;
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(path, server.url).href);
      return page;
    },
  };
}

/** The number of results the summary gives, once the search has answered. */
async function resultCount(page: Page): Promise<number> {
  const summary = page.locator('[data-search-summary]');
  await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/^\d+ results? for|^No papers match/);
  return Number(/^(\d+)/.exec((await summary.textContent())!)?.[1] ?? 0);
}

/** The titles of the results shown, once the summary has counted them and the first page is drawn. */
async function resultTitles(page: Page): Promise<string[]> {
  const count = await resultCount(page);
  await expect.poll(() => page.locator('.search-result').count()).toBe(Math.min(count, 10));
  return (await page.locator('.search-result__title').allTextContents()).map((title) => title.trim());
}

/** The paper a result title names. */
const paperTitled = (title: string) => seed.list.find((paper) => paper.title === title)!;

/** Text with its white space as one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each([
  ['/', SITE_DIR],
  [TEST_BASE_PATH, SITE_BASE_DIR],
])('search in Chromium under base %s', (base, dir) => {
  const search = useSearch(dir, base);
  const target = seed.list.find((paper) => paper.title.startsWith('DiffusionBERT'))!;
  const cases: [string, string, SeedPaper][] = [
    ['a title word', uniqueWord(target, (paper) => paper.title), target],
    ['an author name', uniqueAuthor().author, uniqueAuthor().paper],
    ['a word only in an abstract', uniqueWord(seed.list[4], (paper) => paper.abstract, true), seed.list[4]],
  ];

  it.each(cases)('%s (%s) finds the right paper first, from ?q=', async (_, query, paper) => {
    const page = await search.open(`search/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('#site-search').inputValue()).toBe(query);
    const titles = await resultTitles(page);
    expect(titles[0]).toBe(paper.title);
    const first = page.locator('.search-result').first();
    const meta = await first.locator('.search-result__meta').textContent();
    expect(meta).toContain(paper.isoDate.slice(0, 4));
    expect(meta).toContain('Preprint');
    expect(await first.locator('.search-result__title a').getAttribute('href')).toMatch(
      new RegExp(`^${base}papers/[a-z0-9.-]+/$`),
    );
    expect(search.errors).toEqual([]);
    await page.close();
  });

  it('a category filter narrows the results to that category', async () => {
    // "language" is in papers of two categories, so checking one leaves fewer results. (The count is the summary's:
    // the list draws its results as their fragments arrive, so counting drawn titles early undercounts.)
    const page = await search.open('search/?q=language');
    const titles = await resultTitles(page);
    const before = await resultCount(page);
    expect(before).toBe(titles.length);
    const inCategory = titles.filter((title) => paperTitled(title).category === 'CL');
    expect(inCategory.length).toBeGreaterThan(0);
    expect(inCategory.length).toBeLessThan(before);
    const box = page.locator('input[name="category"][value="Computation and Language"]');
    expect(await box.evaluate((input) => input.closest('label')!.textContent)).toContain(String(inCategory.length));
    await box.check();
    await expect.poll(() => page.locator('[data-search-summary]').textContent()).toMatch(/\(filtered\)$/);
    expect(await resultCount(page)).toBe(inCategory.length);
    expect((await resultTitles(page)).sort()).toEqual([...inCategory].sort());
    await box.uncheck();
    await expect.poll(() => resultCount(page)).toBe(before);
    expect(search.errors).toEqual([]);
    await page.close();
  });

  it('excerpts come from the abstract only: never the title, authors, badges, dates, "Code" or scores', async () => {
    // A common word, a name (matched in the authors, not the abstract) and a title word.
    for (const query of ['language', uniqueAuthor().author, uniqueWord(target, (paper) => paper.title)]) {
      const page = await search.open(`search/?q=${encodeURIComponent(query)}`);
      await resultTitles(page);
      const shown = await page.locator('.search-result').evaluateAll((items) =>
        items.map((item) => ({
          href: item.querySelector('a')!.getAttribute('href')!,
          excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
        })),
      );
      for (const { href, excerpt } of shown) {
        const paperPage = loadPage(`${href.slice(base.length)}index.html`, dir);
        const abstract = squeeze(paperPage.querySelector('.abstract')!.textContent!);
        expect(excerpt.length, `${query}: ${href}`).toBeGreaterThan(20);
        expect(abstract, `${query}: ${href}`).toContain(squeeze(excerpt));
        expect(excerpt).not.toMatch(/^Abstract|Score \d|\bCode\b/);
      }
      await page.close();
    }
  });

  it('sorts by date, newest first, beside relevance; the order is kept in ?sort=date', async () => {
    const page = await search.open('search/?q=language');
    const relevance = await resultTitles(page);
    await page.locator('select[name="sort"]').selectOption('date');
    const newest = [...relevance].sort((a, b) => paperTitled(b).isoDate.localeCompare(paperTitled(a).isoDate));
    expect(newest).not.toEqual(relevance);
    await expect
      .poll(async () => (await page.locator('.search-result__title').allTextContents()).map((t) => t.trim()))
      .toEqual(newest);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
    await page.reload();
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('date');
    expect(await resultTitles(page)).toEqual(newest);
    await page.close();
  });

  it('typing updates ?q= so results can be shared', async () => {
    const page = await search.open('search/');
    await page.locator('#site-search').fill('attention');
    await resultTitles(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention');
    await page.close();
  });

  it('the header search box submits to the search page, which has that one box; "/" focuses it', async () => {
    const page = await search.open('');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('diffusion');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=diffusion$/);
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    expect((await resultTitles(page))[0]).toBe(target.title);
    // One search box on the search page: the page's, holding the query; the header has none there.
    expect(await page.locator('input[type="search"], input[name="q"]').count()).toBe(1);
    expect(await page.locator('.site-header input').count()).toBe(0);
    expect(await page.locator('main #site-search').inputValue()).toBe('diffusion');
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(search.errors).toEqual([]);
    await page.close();
  });

  it('says what to do with an empty query and with no results, without an empty filter box', async () => {
    const page = await search.open('search/');
    const hint = page.locator('[data-search-hint]');
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toMatch(/^Type a word of a title or an abstract, or an author’s name/);
    expect(await page.locator('[data-search-filters]').isVisible()).toBe(false);
    expect(await page.locator('.search-result').count()).toBe(0);
    await page.locator('#site-search').fill('zzzxqnothing');
    await expect
      .poll(() => page.locator('[data-search-summary]').textContent())
      .toBe('No papers match “zzzxqnothing”.');
    expect(await hint.textContent()).toMatch(/Check the spelling/);
    expect(await page.locator('[data-search-filters]').isVisible()).toBe(false);
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(search.errors).toEqual([]);
    await page.close();
  });
});

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('search page readability in Chromium', () => {
  const search = useSearch(SITE_DIR, '/');

  it.each(['light', 'dark'] as const)(
    'highlights read at AA contrast and do not glare (%s); the count and filter headings are body size',
    async (colorScheme) => {
      const page = await search.open('search/?q=language', { colorScheme });
      await resultTitles(page);
      const colours = await page
        .locator('.search-result mark')
        .first()
        .evaluate((mark) => {
          const style = getComputedStyle(mark);
          return { text: style.color, background: style.backgroundColor };
        });
      const [light, dark] = [luminance(colours.text), luminance(colours.background)].sort((a, b) => b - a);
      expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(4.5);
      const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Pure yellow is 0.93; in dark mode the highlight stays as dark as the page around it allows.
      if (colorScheme === 'dark') expect(luminance(colours.background)).toBeLessThan(0.1);
      else expect(luminance(colours.background)).toBeLessThan(luminance(pageBackground));
      await page.locator('[data-search-filters] .search-filter').first().waitFor();
      const sizes = await page.evaluate(() =>
        [document.querySelector('[data-search-summary]')!, ...document.querySelectorAll('.search-filter__heading')].map(
          (element) => parseFloat(getComputedStyle(element).fontSize),
        ),
      );
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
      await page.close();
    },
  );
});

describe('search of the typed site in Chromium', () => {
  const search = useSearch(TYPED_SITE_DIR, '/');

  it('a type filter narrows the results to that type', async () => {
    const page = await search.open('search/?q=handbook');
    expect((await resultTitles(page)).sort()).toEqual(
      ['Handbook of Natural Language Processing', 'Tokenisation and Sentence Segmentation'].sort(),
    );
    await page.locator('input[name="type"][value="Book chapters"]').check();
    await expect.poll(() => resultCount(page)).toBe(1);
    expect(await resultTitles(page)).toEqual(['Tokenisation and Sentence Segmentation']);
    expect(await page.locator('.search-result__meta').first().textContent()).toContain('Book chapter');
    expect(search.errors).toEqual([]);
    await page.close();
  });
});
