// What a reader sees of one publication (issue 14) in Chromium: links of every kind as buttons on the page and
// compactly on cards, Code once, thumbnails through Astro's image pipeline (and as og:image), award, status, notes,
// and author marks with their legend, kept out of author slugs and of every export.
import { parse } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/formats/latex';
import { FEATURE_CONFIGS, findAxeViolations, openWithoutScripts, texts, useFeatureSites } from '../helpers/features';

const site = useFeatureSites({ paper: { config: FEATURE_CONFIGS.lab } });
const url = (path = '') => `${site.urls.paper}${path}`;

/** A page with JavaScript off, as a reader without it sees it. */
async function openStatic(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(path));
  return { page, close: () => context.close() };
}

/** The card of a paper in the home page's list. */
const card = (page: Page, id: string) => page.locator(`section.papers li[data-id="${id}"] .paper-card`);

describe('links of every kind', () => {
  it('the paper page shows every link as a button by the title, Code once, in the order readers look for them', async () => {
    const { page, close } = await openStatic('papers/sparse-probing/');
    const buttons = page.locator('article.paper header .paper-links--buttons a');
    expect(await texts(buttons)).toEqual([
      'PDF',
      'DOI',
      'Code',
      'Data',
      'Model',
      'Slides',
      'Video',
      'Poster',
      'Project page',
      'Blog post',
      'Supplement',
      'Interactive demo',
    ]);
    expect(await buttons.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      'https://example.org/sparse-probing.pdf',
      'https://doi.org/10.5555/fixture.2024.001',
      'https://example.org/code/sparse-probing',
      'https://example.org/data/sparse-probing',
      'https://example.org/models/sparse-probing',
      'https://example.org/slides/sparse-probing',
      'https://example.org/video/sparse-probing',
      'https://example.org/poster/sparse-probing',
      'https://example.org/projects/sparse-probing',
      'https://example.org/blog/sparse-probing',
      'https://example.org/supplement/sparse-probing',
      'https://example.org/demo/sparse-probing',
    ]);
    // "Code" appears once in the page's header: the button, not also the meta line's mark.
    expect(await page.locator('article.paper header').getByText('Code', { exact: true }).count()).toBe(1);
    expect(await page.locator('article.paper header .code-mark').count()).toBe(0);
    await close();
  });

  it('a card lists the links compactly and keeps the code link as the meta line\'s "Code" mark', async () => {
    const { page, close } = await openStatic('');
    const links = card(page, 'sparse-probing').locator('.paper-links--compact a');
    expect(await texts(links)).toEqual([
      'PDF',
      'DOI',
      'Data',
      'Model',
      'Slides',
      'Video',
      'Poster',
      'Project page',
      'Blog post',
      'Supplement',
      'Interactive demo',
    ]);
    const mark = card(page, 'sparse-probing').locator('.paper-meta a.code-mark');
    expect(await mark.textContent()).toMatch(/^\s*Code\s*$/);
    expect(await mark.getAttribute('href')).toBe('https://example.org/code/sparse-probing');
    expect(await card(page, 'sparse-probing').getByText('Code', { exact: true }).count()).toBe(1);
    await close();
  });

  it('`code: true` without a URL keeps the "Code" mark, on the card and on the page, and makes no link', async () => {
    for (const [path, scope] of [
      ['', 'section.papers li[data-id="attention-atlas"]'],
      ['papers/attention-atlas/', 'article.paper header'],
    ]) {
      const { page, close } = await openStatic(path);
      const mark = page.locator(`${scope} .code-mark`);
      expect(await mark.evaluate((node) => node.tagName)).toBe('SPAN');
      expect(await mark.getAttribute('title')).toBe('Code is available');
      expect(await page.locator(scope).getByRole('link', { name: 'Code' }).count()).toBe(0);
      await close();
    }
  });
});

describe('thumbnails through astro:assets', () => {
  it('a card shows the thumbnail optimised: responsive widths, width and height set, lazy, decorative', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    const image = card(page, 'sparse-probing').locator('img.paper-thumbnail--card');
    const attributes = await image.evaluate((img: HTMLImageElement) => ({
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      loading: img.getAttribute('loading'),
      alt: img.getAttribute('alt'),
      sizes: img.getAttribute('sizes'),
      srcset: img.getAttribute('srcset'),
      src: img.getAttribute('src'),
    }));
    // The source is 1600 × 900: shown 112 wide, so 63 high.
    expect(attributes).toMatchObject({ width: '112', height: '63', loading: 'lazy', alt: '', sizes: '7rem' });
    expect(attributes.srcset!.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['112w', '224w']);
    expect(attributes.src).toMatch(/^\/_astro\/sparse-probing\.[\w-]+\.webp$/);
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // A thumbnail from the assets folder (attention-atlas names atlas.png, which is not beside it).
    const atlas = card(page, 'attention-atlas').locator('img');
    expect(await atlas.getAttribute('src')).toMatch(/^\/_astro\/atlas\.[\w-]+\.webp$/);
    // Papers without a thumbnail have no image.
    expect(await card(page, 'steering-preprint').locator('img').count()).toBe(0);
    await page.close();
  });

  it('the paper page shows it wide, offers it as og:image, and the image files are served', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('papers/sparse-probing/'));
    const image = page.locator('article.paper img.paper-thumbnail--page');
    expect(await image.getAttribute('loading')).toBe('lazy');
    expect(await image.getAttribute('width')).toBe('576');
    expect(await image.getAttribute('height')).toBe('324');
    const widths = (await image.getAttribute('srcset'))!.split(', ').map((candidate) => candidate.split(' ')[1]);
    expect(widths).toEqual(['384w', '576w', '768w', '1152w']);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toMatch(/^https:\/\/bibshelf\.example\.org\/_astro\/sparse-probing\.[\w-]+\.jpg$/);
    expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200');
    expect(await page.locator('meta[property="og:image:height"]').getAttribute('content')).toBe('675');
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    const served = await page.request.get(url(new URL(og!).pathname.slice(1)));
    expect(served.status()).toBe(200);
    expect((await served.body()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
    // A paper without a thumbnail offers none.
    await page.goto(url('papers/steering-preprint/'));
    expect(await page.locator('meta[property="og:image"]').count()).toBe(0);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary');
    await page.close();
  });
});

describe('award, status and notes', () => {
  it('shows the award as a badge and the publication status, on cards and pages', async () => {
    const { page, close } = await openStatic('');
    expect(await texts(card(page, 'sparse-probing').locator('.award'))).toEqual(['Best Paper Award']);
    expect(await texts(card(page, 'attention-atlas').locator('.pub-status'))).toEqual(['Accepted']);
    expect(await texts(card(page, 'steering-preprint').locator('.pub-status'))).toEqual(['Under review']);
    expect(await texts(card(page, 'handbook-chapter').locator('.pub-status'))).toEqual(['In press']);
    expect(await card(page, 'features-2023').locator('.pub-status, .award').count()).toBe(0);
    await page.goto(url('papers/attention-atlas/'));
    expect(await texts(page.locator('article.paper header .pub-status'))).toEqual(['Accepted']);
    const details = await page.locator('.details dt').allTextContents();
    expect(details).toContain('Status');
    await close();
  });

  it('shows the note and the annotation on the paper page, under their own headings', async () => {
    const { page, close } = await openStatic('papers/sparse-probing/');
    expect(await texts(page.locator('.paper-note--note'))).toEqual(['Note Extended version of the workshop paper.']);
    expect(await texts(page.locator('.paper-note--annotation'))).toEqual([
      "Annotation The lab's first paper on sparse probing; the code release includes every trained probe.",
    ]);
    expect(await page.getByRole('heading', { name: 'Note', exact: true }).count()).toBe(1);
    await close();
  });
});

describe('author marks', () => {
  it('marks equal contribution (*) and the corresponding author (✉) with a legend, readable as text', async () => {
    const { page, close } = await openStatic('papers/sparse-probing/');
    const authors = page.locator('article.paper .paper__authors');
    expect(await texts(authors.locator('.author'))).toEqual([
      'Amara Okafor* (equal contribution)',
      'Erik Lindqvist* (equal contribution)✉ (corresponding author)',
      'Mei Tanaka',
    ]);
    expect(await authors.locator('sup.mark [aria-hidden="true"]').allTextContents()).toEqual(['*', '*', '✉']);
    expect(await texts(page.locator('.marks-legend span'))).toEqual(['* Equal contribution', '✉ Corresponding author']);
    // The names link to their author pages; the marks are no part of the slugs.
    expect(await authors.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/authors/amara-okafor/',
      '/authors/erik-lindqvist/',
      '/authors/mei-tanaka/',
    ]);
    // Cards show no marks and no legend.
    await page.goto(url());
    expect(await card(page, 'sparse-probing').locator('sup.mark').count()).toBe(0);
    // A paper without marks has no legend.
    await page.goto(url('papers/attention-atlas/'));
    expect(await page.locator('.marks-legend').count()).toBe(0);
    await close();
  });

  it('keeps the marks out of every export: BibTeX, RIS and CSL-JSON get the plain names', async () => {
    const page = await site.browser.newPage();
    const get = async (path: string) => (await page.request.get(url(path))).text();
    const bib = await get('papers/sparse-probing.bib');
    const [entry] = parse(bib, PARSE_OPTIONS).entries;
    expect(entry.fields.author).toEqual([
      { lastName: 'Okafor', firstName: 'Amara' },
      { lastName: 'Lindqvist', firstName: 'Erik' },
      { lastName: 'Tanaka', firstName: 'Mei' },
    ]);
    const json = JSON.parse(await get('papers/sparse-probing.json')) as { author: object[] }[];
    expect(json[0].author).toEqual([
      { family: 'Okafor', given: 'Amara' },
      { family: 'Lindqvist', given: 'Erik' },
      { family: 'Tanaka', given: 'Mei' },
    ]);
    const ris = await get('papers/sparse-probing.ris');
    expect(ris.match(/^AU {2}- .*$/gm)).toEqual(['AU  - Okafor, Amara', 'AU  - Lindqvist, Erik', 'AU  - Tanaka, Mei']);
    // The record itself has plain names; the marks ride only in Bibshelf's own `custom` block, so a re-import of
    // the file brings them back (CSL readers ignore it).
    const { custom, ...record } = json[0] as unknown as { custom: { nameMarks?: unknown } };
    expect(custom.nameMarks).toEqual({ authors: [{ equal: true }, { equal: true, corresponding: true }, null] });
    const lists = [await get('bibliography.bib'), await get('authors/amara-okafor/bibliography.ris')];
    for (const text of [bib, ris, JSON.stringify(record), ...lists]) {
      expect(text).not.toMatch(/equal|corresponding|✉/i);
    }
    await page.close();
  });
});

describe('accessibility of the paper pages', () => {
  it.each(['light', 'dark'] as const)(
    'has no axe violations (%s, with and without JavaScript)',
    async (colorScheme) => {
      for (const path of ['papers/sparse-probing/', 'papers/attention-atlas/', 'papers/handbook-chapter/']) {
        for (const scripts of [true, false]) {
          const context = await site.browser.newContext({ colorScheme });
          const page = await context.newPage();
          if (scripts) await page.goto(url(path));
          else await openWithoutScripts(page, url(path));
          expect(await findAxeViolations(page), `${path} scripts=${scripts}`).toEqual([]);
          await context.close();
        }
      }
    },
  );
});
