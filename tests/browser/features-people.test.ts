// People and profiles (issue 14) in Chromium: a lab site emphasises every member in every author list, aliases merge
// author pages (and their feeds and exports), /people/ lists the members; the profile header shows photo,
// affiliation, bio and links; the single-researcher seed site stays as it was.
import { parse } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import {
  FEATURE_CONFIGS,
  download,
  findAxeViolations,
  openWithoutScripts,
  texts,
  useFeatureSites,
} from '../helpers/features';
import { joinExportFiles } from '../../src/site/export-these';
import { readSeed } from '../helpers/seed';

const site = useFeatureSites({
  'people-lab': { config: FEATURE_CONFIGS.lab },
  'people-person': { config: FEATURE_CONFIGS.person },
  'people-seed': { config: 'site.config.mjs' },
});

/** Opens a page of one of the builds without JavaScript (everything here is static). */
async function open(name: keyof typeof site.urls, path = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${site.urls[name]}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, close: () => context.close() };
}

/** The emphasised names of every author list on the page, and the others. */
async function authorEmphasis(page: Page, scope: string): Promise<{ bold: string[]; plain: string[] }> {
  const names = page.locator(`${scope} .author`);
  const bold = await texts(names.locator('.owner'));
  const all = (await texts(names)).map((text) => text.replace(/\*.*$|✉.*$/, '').trim());
  return { bold: [...new Set(bold)].sort(), plain: [...new Set(all.filter((name) => !bold.includes(name)))].sort() };
}

describe('a lab site', () => {
  it('emphasises every member, under any spelling, in every author list; others stay plain', async () => {
    const { page, close } = await open('people-lab');
    expect(await authorEmphasis(page, 'main')).toEqual({
      bold: ['A. Okafor', 'Amara Okafor', 'Erik Lindqvist'],
      plain: ['Kwame Mensah', 'Mei Tanaka'],
    });
    await page.goto(`${site.urls['people-lab']}papers/steering-preprint/`);
    expect(await authorEmphasis(page, '.paper__authors')).toEqual({ bold: ['A. Okafor'], plain: ['Mei Tanaka'] });
    expect(await authorEmphasis(page, '.related')).toMatchObject({ plain: ['Kwame Mensah', 'Mei Tanaka'] });
    await close();
  });

  it("merges a person's spellings into one author page, with one feed and one export of all their papers", async () => {
    const { page, close } = await open('people-lab', 'authors/');
    const index = await texts(page.locator('.author-index li'));
    expect(index).toEqual(['Amara Okafor (5)', 'Erik Lindqvist (4)', 'Mei Tanaka (3)', 'Kwame Mensah (1)']);
    // "A. Okafor" (steering-preprint) and "Okafor, Amara" (handbook-chapter) link to Amara's page.
    await page.goto(`${site.urls['people-lab']}papers/steering-preprint/`);
    expect(await page.getByRole('link', { name: 'A. Okafor' }).getAttribute('href')).toBe('/authors/amara-okafor/');
    expect((await page.request.get(`${site.urls['people-lab']}authors/a-okafor/`)).status()).toBe(404);
    await page.goto(`${site.urls['people-lab']}authors/amara-okafor/`);
    expect(await texts(page.locator('.paper-card__title'))).toEqual([
      'Steering Vectors without Supervision',
      'An Atlas of Attention Heads',
      'Probing Methods',
      'Sparse Probing of Language Model Features',
      'Feature Splitting in Dictionary Learning',
    ]);
    const feed = await (await page.request.get(`${site.urls['people-lab']}authors/amara-okafor/rss.xml`)).text();
    expect(feed.match(/<item>/g)).toHaveLength(5);
    expect(await page.locator('main').getByRole('link', { name: 'BibTeX', exact: true }).getAttribute('href')).toBe(
      '/authors/amara-okafor/bibliography.bib',
    );
    const bib = await (
      await page.request.get(`${site.urls['people-lab']}authors/amara-okafor/bibliography.bib`)
    ).text();
    expect(bib).toMatch(
      /^% Papers of Amara Okafor, https:\/\/bibshelf\.example\.org\/authors\/amara-okafor\/\n% 5 entries/,
    );
    expect(parse(bib, PARSE_OPTIONS).entries.map((entry) => entry.fields.title)).toHaveLength(5);
    await close();
  });

  it("gives a co-author's page no list files: the browser joins the papers' own files, as the build writes a list", async () => {
    const base = site.urls['people-lab'];
    for (const format of ['bib', 'ris', 'json'])
      expect((await fetch(`${base}authors/kwame-mensah/bibliography.${format}`)).status, format).toBe(404);
    const { page: still, close } = await open('people-lab', 'authors/kwame-mensah/');
    // Without JavaScript there is nothing to download, so nothing is offered.
    expect(await still.locator('[data-export-these]').isHidden()).toBe(true);
    await close();

    const page = await site.browser.newPage();
    await page.goto(`${base}authors/kwame-mensah/`);
    expect(await page.locator('[data-export-label]').textContent()).toBe('Export this 1 paper:');
    const header = 'Papers of Kwame Mensah, https://bibshelf.example.org/authors/kwame-mensah/';
    for (const [name, format] of [
      ['BibTeX', 'bib'],
      ['RIS', 'ris'],
      ['CSL-JSON', 'json'],
    ] as const) {
      const file = await download(page, name);
      expect(file.file).toBe(`kwame-mensah.${format}`);
      const own = await (await fetch(`${base}papers/features-2023.${format}`)).text();
      expect(file.text).toBe(joinExportFiles(format, [own], header));
    }
    // The same first lines as a person's list file has.
    expect((await download(page, 'BibTeX')).text).toMatch(
      /^% Papers of Kwame Mensah, https:\S+\n% 1 entry, UTF-8\n\n@article/,
    );
    await page.close();
  });

  it("shows a person's photo, affiliation, bio, ORCID and homepage on their author page", async () => {
    const { page, close } = await open('people-lab', 'authors/amara-okafor/');
    const person = page.locator('main .person');
    expect(await person.locator('img.person__photo').getAttribute('srcset')).toMatch(/96w.*192w/);
    expect(await texts(person.locator('.person__affiliation'))).toEqual([
      'Department of Computer Science, Example University',
    ]);
    expect(await texts(person.locator('.person__bio'))).toEqual(['Amara leads the lab’s work on sparse probing.']);
    expect(
      await person
        .locator('.person__links a')
        .evaluateAll((links) => links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])),
    ).toEqual([
      ['ORCID', 'https://orcid.org/0000-0002-1825-0097'],
      ['Homepage', 'https://example.org/~okafor'],
    ]);
    expect(await texts(page.locator('.list-intro'))).toEqual([
      'Papers of Amara Okafor, a member of Okafor Lab: 5 papers.',
    ]);
    // A person who is no member (a collaborator with a file) gets their details, not the emphasis.
    await page.goto(`${site.urls['people-lab']}authors/mei-tanaka/`);
    expect(await texts(page.locator('main .person .person__affiliation'))).toEqual(['Another Institute']);
    expect(await texts(page.locator('.list-intro'))).toEqual(['Papers with Mei Tanaka among the authors: 3 papers.']);
    // An author without a person file has none.
    await page.goto(`${site.urls['people-lab']}authors/kwame-mensah/`);
    expect(await page.locator('main .person').count()).toBe(0);
    await close();
  });

  it('lists its members on /people/ (linked from the site navigation) with their newest papers and feed', async () => {
    const { page, close } = await open('people-lab');
    expect(await texts(page.getByRole('navigation', { name: 'Site' }).getByRole('link'))).toEqual([
      'Papers',
      'People',
      'Authors',
      'Search',
    ]);
    await page.getByRole('link', { name: 'People' }).click();
    expect(new URL(page.url()).pathname).toBe('/people/');
    expect(await texts(page.locator('.person__name'))).toEqual(['Amara Okafor', 'Erik Lindqvist']);
    const amara = page.locator('.people > li').first();
    expect(await texts(amara.locator('.person__papers a'))).toHaveLength(5);
    const more = amara.getByRole('link', { name: 'All 5 papers of Amara Okafor' });
    expect(await more.getAttribute('href')).toBe('/authors/amara-okafor/');
    const feed = amara.getByRole('link', { name: 'RSS feed of Amara Okafor' });
    expect((await page.request.get(new URL((await feed.getAttribute('href'))!, page.url()).href)).status()).toBe(200);
    expect(await texts(page.locator('.people > li').nth(1).locator('.person__papers a'))).toEqual([
      'An Atlas of Attention Heads',
      'Sparse Probing of Language Model Features',
      'Sparse Probe Benchmarks',
      'Circuits in Small Transformers',
    ]);
    await close();
  });

  it("shows the profile header with photo, affiliation, bio and every link; its photo is the home page's og:image", async () => {
    const { page, close } = await open('people-lab');
    const profile = page.locator('section.profile');
    const photo = profile.locator('img.profile__photo');
    expect(await photo.getAttribute('width')).toBe('128');
    expect(await photo.getAttribute('srcset')).toMatch(
      /^\/_astro\/lab\.[\w-]+\.webp 128w, \/_astro\/lab\.[\w-]+\.webp 256w$/,
    );
    expect(await texts(profile.locator('.profile__affiliation'))).toEqual(['Example University']);
    expect(await texts(profile.locator('.profile__bio'))).toEqual([
      'We study what language models represent and how to read it.',
    ]);
    expect(
      await profile
        .locator('.profile__links a')
        .evaluateAll((links) => links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])),
    ).toEqual([
      ['Email', 'mailto:lab@example.org'],
      ['ORCID', 'https://orcid.org/0000-0002-1825-0097'],
      ['Google Scholar', 'https://scholar.example.org/okafor-lab'],
      ['GitHub', 'https://github.example.org/okafor-lab'],
      ['Homepage', 'https://example.org/okafor-lab'],
    ]);
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(
      /\/_astro\/lab\.[\w-]+\.jpg$/,
    );
    await close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations on its people pages (%s)', async (colorScheme) => {
    for (const path of ['', 'people/', 'authors/amara-okafor/', 'authors/']) {
      for (const scripts of [true, false]) {
        const context = await site.browser.newContext({ colorScheme });
        const page = await context.newPage();
        const url = `${site.urls['people-lab']}${path}`;
        if (scripts) await page.goto(url);
        else await openWithoutScripts(page, url);
        expect(await findAxeViolations(page), `${path} scripts=${scripts}`).toEqual([]);
        await context.close();
      }
    }
  });
});

describe('a personal site', () => {
  it('emphasises its owner under every spelling the people files give, and has no /people/', async () => {
    const { page, close } = await open('people-person');
    expect(await authorEmphasis(page, 'main')).toEqual({
      bold: ['A. Okafor', 'Amara Okafor'],
      plain: ['Erik Lindqvist', 'Kwame Mensah', 'Mei Tanaka'],
    });
    expect(await texts(page.getByRole('navigation', { name: 'Site' }).getByRole('link'))).toEqual([
      'Papers',
      'Authors',
      'Search',
    ]);
    expect((await page.request.get(`${site.urls['people-person']}people/`)).status()).toBe(404);
    await close();
  });

  it('the seed profile looks as before: its figures, no photo, no links, no people', async () => {
    const seed = readSeed();
    const { page, close } = await open('people-seed');
    const profile = page.locator('section.profile');
    expect(await texts(profile.locator('h1'))).toEqual([seed.name]);
    expect(await texts(profile.locator('.stat'))).toEqual([
      `h-index ${seed.hIndex}`,
      `papers ${seed.papers}`,
      `citations ${seed.citations.toLocaleString('en-US')}`,
      `Novelty ${seed.novelty}%`,
      `AI Score ${seed.aiScore}`,
    ]);
    expect(await profile.locator('img, .profile__links, .profile__affiliation, .profile__bio').count()).toBe(0);
    expect(await page.locator('section.selected').count()).toBe(0);
    expect(await texts(page.getByRole('navigation', { name: 'Site' }).getByRole('link'))).toEqual([
      'Papers',
      'Authors',
      'Search',
    ]);
    expect(await texts(page.locator('main .author .owner'))).toEqual(
      Array(seed.list.filter((paper) => paper.authors.includes(seed.name)).length).fill(seed.name),
    );
    expect((await page.request.get(`${site.urls['people-seed']}people/`)).status()).toBe(404);
    await close();
  });
});
