// The list pages of the shipped site: an author page per author, and a page per category, type and year, each of
// these with its feed and its bibliography in three formats. Also a large bibliography, whose home page links
// older years instead of listing them.
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { makeSyntheticPapers } from '../../bench/synthetic.mjs';
import { slugifyName } from '../../src/site/authors';
import { BUILD_ROOT, SITE_BASE_DIR, buildFixtureSite } from '../helpers/build';
import { readSeed, type SeedPaper } from '../helpers/seed';
import { listBuilt, loadPage, readBuilt, textOf } from '../helpers/site';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const seed = readSeed();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const titlesOf = (page: Document) => [...page.querySelectorAll('.paper-card__title')].map(textOf);
const CATEGORY_NAMES: Record<string, string> = {
  CL: 'Computation and Language',
  LG: 'Machine Learning',
  CV: 'Computer Vision and Pattern Recognition',
};

/** The facet pages of the seed: path, heading, and the seed papers each must list (newest first). */
const FACETS: { path: string; heading: string; papers: SeedPaper[] }[] = [
  ...Object.entries(CATEGORY_NAMES).map(([code, name]) => ({
    path: `categories/${code.toLowerCase()}/`,
    heading: `${name} (cs.${code})`,
    papers: byDate.filter((entry) => entry.category === code),
  })),
  // Every seed paper is an arXiv preprint.
  { path: 'types/preprints/', heading: 'Preprints', papers: byDate },
  ...[...new Set(byDate.map((entry) => entry.isoDate.slice(0, 4)))].map((year) => ({
    path: `years/${year}/`,
    heading: `Papers of ${year}`,
    papers: byDate.filter((entry) => entry.isoDate.startsWith(year)),
  })),
];

describe('author pages', () => {
  const authors = [...new Set(seed.list.flatMap((entry) => entry.authors))];

  it('exist for every author and list exactly their papers, newest first, with their feed', () => {
    for (const author of authors) {
      const page = loadPage(`authors/${slugifyName(author)}/index.html`);
      expect(textOf(page.querySelector('h1'))).toBe(author);
      expect(titlesOf(page)).toEqual(byDate.filter((entry) => entry.authors.includes(author)).map((e) => e.title));
      expect(page.querySelector('.list-actions a')!.getAttribute('href')).toBe(
        `/authors/${slugifyName(author)}/rss.xml`,
      );
    }
    const built = listBuilt().filter((file) => /^authors\/[^/]+\/index\.html$/.test(file));
    expect(built).toHaveLength(authors.length);
  });

  it('are listed on the authors page, most papers first, the owner emphasised', () => {
    const index = loadPage('authors/index.html');
    const items = [...index.querySelectorAll('.author-index li')];
    expect(items).toHaveLength(authors.length);
    const counts = items.map((item) => Number(textOf(item.querySelector('.author-index__count')).slice(1, -1)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const owner = items.find((item) => textOf(item.querySelector('a')) === seed.name)!;
    expect(owner.querySelector('strong.owner')).not.toBeNull();
    expect(counts[0]).toBe(seed.list.filter((entry) => entry.authors.includes(seed.name)).length);
    expect(textOf(loadPage(`authors/${slugifyName(seed.name)}/index.html`).querySelector('.list-intro'))).toBe(
      `The author of this bibliography: ${counts[0]} papers.`,
    );
  });

  it('emphasise the author whose page it is in every author list', () => {
    const page = loadPage('authors/tianxiang-sun/index.html');
    for (const card of page.querySelectorAll('.paper-card')) {
      const emphasised = [...card.querySelectorAll('.paper-card__authors .owner')].map(textOf);
      expect(emphasised).toContain('Tianxiang Sun');
    }
  });
});

describe('category, type and year pages', () => {
  it.each(FACETS.map((facet) => [facet.path, facet] as const))('/%s', (path, facet) => {
    const page = loadPage(`${path}index.html`);
    expect(textOf(page.querySelector('h1'))).toBe(facet.heading);
    expect(textOf(page.querySelector('title'))).toBe(`${facet.heading} · ${seed.name} · Bibliography`);
    expect(titlesOf(page)).toEqual(facet.papers.map((entry) => entry.title));
    expect(textOf(page.querySelector('.list-intro'))).toBe(
      `${facet.papers.length} ${facet.papers.length === 1 ? 'paper' : 'papers'}.`,
    );
    // Its feed and its bibliography in every format, linked and built, each with exactly its papers.
    const actions = [...page.querySelectorAll('.list-actions a, .export-these a')].map((a) => [
      textOf(a),
      a.getAttribute('href'),
    ]);
    expect(actions).toEqual([
      ['RSS feed', `/${path}rss.xml`],
      ['BibTeX', `/${path}bibliography.bib`],
      ['RIS', `/${path}bibliography.ris`],
      ['CSL-JSON', `/${path}bibliography.json`],
    ]);
    for (const format of ['bib', 'ris', 'json']) {
      const items = new Cite(readBuilt(`${path}bibliography.${format}`)).data as { title: string }[];
      expect(
        items.map((item) => item.title),
        format,
      ).toEqual(facet.papers.map((entry) => entry.title));
    }
    const feed = readBuilt(`${path}rss.xml`);
    expect(feed.match(/<item>/g)).toHaveLength(facet.papers.length);
    // The page advertises its own feed besides the site's.
    const alternates = [...page.querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'));
    expect(alternates).toEqual(['/rss.xml', `/${path}rss.xml`]);
  });

  it('are all the facet pages there are: no keywords in the seed, so no keyword pages', () => {
    const built = listBuilt()
      .filter((file) => /^(categories|types|keywords|years)\/[^/]+\/index\.html$/.test(file))
      .map((file) => file.replace(/index\.html$/, ''));
    expect(built.sort()).toEqual(FACETS.map((facet) => facet.path).sort());
  });

  it('link each year page to the newer and the older year', () => {
    const years = FACETS.filter((facet) => facet.path.startsWith('years/')).map((facet) => facet.path);
    years.forEach((path, index) => {
      const page = loadPage(`${path}index.html`);
      expect(page.querySelector('.pager__newer')?.getAttribute('href')).toBe(
        years[index - 1] && `/${years[index - 1]}`,
      );
      expect(page.querySelector('.pager__older')?.getAttribute('href')).toBe(
        years[index + 1] && `/${years[index + 1]}`,
      );
    });
  });

  it('honour the base path', () => {
    const page = loadPage('categories/cl/index.html', SITE_BASE_DIR);
    expect([...page.querySelectorAll('.list-actions a, .export-these a')].map((a) => a.getAttribute('href'))).toEqual([
      '/bib/categories/cl/rss.xml',
      '/bib/categories/cl/bibliography.bib',
      '/bib/categories/cl/bibliography.ris',
      '/bib/categories/cl/bibliography.json',
    ]);
    expect(page.querySelector('.paper-card__title a')!.getAttribute('href')).toMatch(/^\/bib\/papers\/[a-z0-9-]+\/$/);
  });
});

describe('a large bibliography (400 synthetic papers)', () => {
  it('keeps the home page small: the newest years listed, older years linked to their pages', () => {
    const papersDir = join(BUILD_ROOT, 'large-papers');
    rmSync(papersDir, { recursive: true, force: true });
    mkdirSync(papersDir, { recursive: true });
    for (const paper of makeSyntheticPapers(400)) writeFileSync(join(papersDir, `${paper.id}.md`), paper.text);
    const outDir = buildFixtureSite('large-site', { papersDir });
    const home = loadPage('index.html', outDir);
    const cards = home.querySelectorAll('.paper-card').length;
    expect(cards).toBeGreaterThan(0);
    expect(cards).toBeLessThan(400);
    const links = [...home.querySelectorAll('.year-nav a')].map((a) => a.getAttribute('href')!);
    const linked = links.filter((href) => href.startsWith('/years/'));
    expect(linked.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.startsWith('#')).length).toBeGreaterThan(0);
    const onYearPages = linked.reduce(
      (total, href) => total + loadPage(`${href.slice(1)}index.html`, outDir).querySelectorAll('.paper-card').length,
      0,
    );
    expect(cards + onYearPages).toBe(400);
    expect(textOf(home.querySelector('#papers-heading'))).toBe('400 Papers');
    // Every type of the generator has its page.
    const types = listBuilt(outDir).filter((file) => /^types\/[^/]+\/index\.html$/.test(file));
    expect(types.map((file) => file.split('/')[1]).sort()).toEqual(
      ['book-chapters', 'books', 'conference-papers', 'journal-articles', 'preprints', 'reports', 'theses'].sort(),
    );
  });
});
