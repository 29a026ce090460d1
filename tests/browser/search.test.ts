// Search: the Pagefind index holds exactly the paper pages, and in Chromium it finds papers by a title word, an
// author name or a word only in an abstract, from ?q= and from the header box, under / and /bib/; the category and
// type filters narrow the results.
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
  it.each([SITE_DIR, SITE_BASE_DIR])('indexes exactly the paper pages (%s)', (dir) => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(seed.papers);
    expect(listBuilt(dir).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))).toHaveLength(seed.papers);
  });

  it('marks paper pages for indexing with metadata, filters and a sort key', () => {
    const page = loadPage('papers/bbtv2/index.html');
    expect(page.querySelector('[data-pagefind-body]')).not.toBeNull();
    const content = (selector: string) =>
      [...page.querySelectorAll(selector)].map((tag) => tag.getAttribute('content'));
    expect(content('[data-pagefind-filter="author[content]"]')).toEqual(['Tianxiang Sun', 'Zhengfu He', 'Hong Qian']);
    expect(content('[data-pagefind-filter="type[content]"]')).toEqual(['Preprints']);
    expect(content('[data-pagefind-filter="category[content]"]')).toEqual(['Computation and Language']);
    expect(content('[data-pagefind-filter="year[content]"]')).toEqual(['2022']);
    expect(content('[data-pagefind-meta="authors[content]"]')).toEqual(['Tianxiang Sun, Zhengfu He, Hong Qian et al.']);
    expect(content('[data-pagefind-sort="date[content]"]')).toEqual(['2022-05-23']);
    expect(page.querySelector('.cite')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(loadPage('index.html').querySelector('[data-pagefind-body]')).toBeNull();
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
    async open(path: string): Promise<Page> {
      const page = await browser.newPage();
      errors.length = 0;
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(path, server.url).href);
      return page;
    },
  };
}

async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('.search-result').first().waitFor();
  return (await page.locator('.search-result__title').allTextContents()).map((title) => title.trim());
}

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
    expect(await page.locator('pagefind-input input').inputValue()).toBe(query);
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
    const page = await search.open('search/?q=language');
    const before = (await resultTitles(page)).length;
    await page.locator('details[data-filter-name="category"] summary').click();
    await page.locator('input[name="category"][value="Computation and Language"]').check();
    await expect
      .poll(async () => (await page.locator('.search-result__title').allTextContents()).length)
      .toBeLessThan(before);
    const expected = seed.list.filter((paper) => paper.category === 'CL').map((paper) => paper.title);
    for (const title of await resultTitles(page)) expect(expected).toContain(title);
    expect(search.errors).toEqual([]);
    await page.close();
  });

  it('indexes words apart: no glued tokens such as "CLNov" or "2022DiffusionBERT"', async () => {
    const page = await search.open('search/?q=diffusionbert');
    await resultTitles(page);
    // A string, so the test runner's transform leaves the browser-side import() alone.
    const content: string = await page.evaluate(`(async () => {
      const pagefind = await import('${base}pagefind/pagefind.js');
      const search = await pagefind.search('diffusionbert');
      return (await search.results[0].data()).content;
    })()`);
    expect(content).toContain('CL Preprint Nov 28, 2022');
    expect(content).toMatch(/2022 DiffusionBERT: Improving/);
    expect(content).not.toMatch(/[a-z]\d{4}|\d{4}[A-Z][a-z]/);
    await page.close();
  });

  it('typing updates ?q= so results can be shared', async () => {
    const page = await search.open('search/');
    await page.locator('pagefind-input input').fill('attention');
    await resultTitles(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention');
    await page.close();
  });

  it('the header search box submits to the search page; "/" focuses it', async () => {
    const page = await search.open('');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('diffusion');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=diffusion$/);
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    expect((await resultTitles(page))[0]).toBe(target.title);
    expect(search.errors).toEqual([]);
    await page.close();
  });
});

describe('search of the typed site in Chromium', () => {
  const search = useSearch(TYPED_SITE_DIR, '/');

  it('a type filter narrows the results to that type', async () => {
    const page = await search.open('search/?q=handbook');
    expect((await resultTitles(page)).sort()).toEqual(
      ['Handbook of Natural Language Processing', 'Tokenisation and Sentence Segmentation'].sort(),
    );
    await page.locator('details[data-filter-name="type"] summary').click();
    await page.locator('input[name="type"][value="Book chapters"]').check();
    await expect.poll(() => page.locator('.search-result').count()).toBe(1);
    expect(await resultTitles(page)).toEqual(['Tokenisation and Sentence Segmentation']);
    expect(await page.locator('.search-result__meta').first().textContent()).toContain('Book chapter');
    expect(search.errors).toEqual([]);
    await page.close();
  });
});
