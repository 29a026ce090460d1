import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSyntheticPapers } from '../bench/synthetic.mjs';
import { slugifyAuthor } from '../src/lib/authors';
import { useBrowserAndSite } from './helpers/browser';
import { BUILD_ROOT, SITE_BASE_DIR, SITE_DIR, TEST_SITE_URL, buildSite } from './helpers/build';
import { readSeed } from './helpers/seed';
import { listBuilt, loadPage, readBuilt, textOf } from './helpers/site';

const seed = readSeed();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const pageOf = (title: string) => {
  const home = loadPage('index.html');
  const link = [...home.querySelectorAll('.paper-card__title a')].find((a) => textOf(a) === title)!;
  return link.getAttribute('href')!.slice(1);
};

describe('author pages', () => {
  const authors = [...new Set(seed.list.flatMap((paper) => paper.authors))];

  it('exist for every author and list exactly their papers', () => {
    for (const author of authors) {
      const page = loadPage(`authors/${slugifyAuthor(author)}/index.html`);
      expect(textOf(page.querySelector('h1'))).toBe(author);
      const titles = [...page.querySelectorAll('.paper-card__title')].map(textOf);
      expect(titles).toEqual(byDate.filter((paper) => paper.authors.includes(author)).map((paper) => paper.title));
    }
    expect(loadPage('authors/index.html').querySelectorAll('.author-index li')).toHaveLength(authors.length);
  });

  it('highlight the profile owner in every author list and link names on paper pages', () => {
    const home = loadPage('index.html');
    const owners = [...home.querySelectorAll('.paper-card__authors .owner')].map(textOf);
    const expected = seed.list.filter((paper) => paper.authors.slice(0, 3).includes(seed.name)).length;
    expect(owners).toHaveLength(expected);
    expect(new Set(owners)).toEqual(new Set([seed.name]));
    const paper = loadPage(`${pageOf(byDate.find((p) => p.authors.includes(seed.name))!.title)}index.html`);
    const links = [...paper.querySelectorAll('.paper__authors a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(links.map((a) => `/authors/${slugifyAuthor(textOf(a))}/`));
    expect(paper.querySelector('.paper__authors a.owner')!.textContent).toBe(seed.name);
  });
});

describe('category and year pages', () => {
  it('name each category readably and list its papers', () => {
    const names: Record<string, string> = {
      CL: 'Computation and Language',
      LG: 'Machine Learning',
      CV: 'Computer Vision and Pattern Recognition',
    };
    for (const [code, name] of Object.entries(names)) {
      const page = loadPage(`categories/${code.toLowerCase()}/index.html`);
      expect(textOf(page.querySelector('h1'))).toBe(`${name} (cs.${code})`);
      expect(page.querySelectorAll('.paper-card')).toHaveLength(
        seed.list.filter((paper) => paper.category === code).length,
      );
    }
  });

  it('group the home page by year with a jump list', () => {
    const home = loadPage('index.html');
    const years = [...new Set(byDate.map((paper) => paper.isoDate.slice(0, 4)))];
    expect([...home.querySelectorAll('.year-heading')].map(textOf)).toEqual(years);
    expect([...home.querySelectorAll('.year-nav a')].map((a) => a.getAttribute('href'))).toEqual(
      years.map((y) => `#year-${y}`),
    );
    for (const year of years) {
      expect(loadPage(`years/${year}/index.html`).querySelectorAll('.paper-card')).toHaveLength(
        seed.list.filter((paper) => paper.isoDate.startsWith(year)).length,
      );
    }
  });
});

describe('paper pages: previous/next, related, links out', () => {
  it('chain every paper newest to oldest', () => {
    for (const [index, paper] of byDate.entries()) {
      const page = loadPage(`${pageOf(paper.title)}index.html`);
      const newer = page.querySelector('.pager__newer');
      const older = page.querySelector('.pager__older');
      expect(newer ? textOf(newer).replace('← Newer ', '') : undefined).toBe(byDate[index - 1]?.title);
      expect(older ? textOf(older).replace('Older → ', '') : undefined).toBe(byDate[index + 1]?.title);
    }
  });

  it('list related papers that share an author or the category', () => {
    const paper = byDate.find((p) => p.title.startsWith('Llama Scope'))!;
    const page = loadPage(`${pageOf(paper.title)}index.html`);
    const related = [...page.querySelectorAll('.related > li > a')].map(textOf);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    for (const title of related) {
      const other = seed.list.find((p) => p.title === title)!;
      expect(other.authors.some((a) => paper.authors.includes(a)) || other.category === paper.category).toBe(true);
    }
    expect(related).not.toContain(paper.title);
  });

  it('link out to the code', () => {
    const page = loadPage('papers/llama-scope/index.html');
    expect([...page.querySelectorAll('.links a')].map((a) => a.getAttribute('href'))).toContain(
      'https://github.com/OpenMOSS/Language-Model-SAEs',
    );
  });
});

describe('deploy files', () => {
  it.each([
    ['/', SITE_DIR],
    ['/bib/', SITE_BASE_DIR],
  ])('sitemap, robots.txt and 404 under base %s', (base, dir) => {
    expect(readBuilt('robots.txt', dir)).toContain(`Sitemap: ${TEST_SITE_URL}${base}sitemap-index.xml`);
    const sitemap = listBuilt(dir)
      .filter((file) => /^sitemap-\d+\.xml$/.test(file))
      .map((file) => readBuilt(file, dir))
      .join('');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toContain(`${TEST_SITE_URL}${base}papers/bbtv2/`);
    expect(urls.filter((url) => url.includes('/papers/'))).toHaveLength(seed.papers);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
    expect(textOf(loadPage('404.html', dir).querySelector('h1'))).toBe('Page not found');
  });
});

describe('category chips in Chromium', () => {
  const suite = useBrowserAndSite(SITE_DIR);

  it('filter without a reload and keep the choice in the URL', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(suite.server.url);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('.chip[data-category="CV"]').click();
    expect(new URL(page.url()).searchParams.get('category')).toBe('CV');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const visible = await page.locator('.paper-card:visible .paper-card__title').allTextContents();
    expect(visible.map((t) => t.trim()).sort()).toEqual(
      seed.list
        .filter((p) => p.category === 'CV')
        .map((p) => p.title)
        .sort(),
    );
    await page.goto(`${suite.server.url}?category=cl`);
    expect(await page.locator('.paper-card:visible').count()).toBe(seed.list.filter((p) => p.category === 'CL').length);
    await page.locator('.chip[data-category=""]').click();
    expect(await page.locator('.paper-card:visible').count()).toBe(seed.papers);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a large bibliography', () => {
  it('keeps the home page small: newest years listed, older years linked to their pages', () => {
    const dir = join(BUILD_ROOT, 'large-papers');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const paper of makeSyntheticPapers(400)) writeFileSync(join(dir, `${paper.id}.md`), paper.text);
    const outDir = join(BUILD_ROOT, 'large-site');
    const result = buildSite({ outDir, papersDir: dir });
    expect(result.status, result.output).toBe(0);
    const home = loadPage('index.html', outDir);
    const cards = home.querySelectorAll('.paper-card').length;
    expect(cards).toBeLessThan(400);
    expect(cards).toBeGreaterThan(0);
    const links = [...home.querySelectorAll('.year-nav a')].map((a) => a.getAttribute('href')!);
    const external = links.filter((href) => href.startsWith('/years/'));
    expect(external.length).toBeGreaterThan(0);
    const yearPages = external.reduce(
      (total, href) => total + loadPage(`${href.slice(1)}index.html`, outDir).querySelectorAll('.paper-card').length,
      0,
    );
    expect(cards + yearPages).toBe(400);
    expect(textOf(home.querySelector('#papers-heading'))).toBe('400 Papers');
  });
});
