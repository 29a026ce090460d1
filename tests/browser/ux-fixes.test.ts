// The reader-experience fixes of issue 15, each checked where a reader meets it, in Chromium on the built sites:
// cards, the paper page, separators and underlines, the phone layout, year and list pages, co-author pages, the
// navigation, the abstract toggle and the feed's readable view.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { SITE_DIR, TYPED_SITE_DIR } from '../helpers/build';
import { FEATURE_CONFIGS, buildFeatureSite, texts } from '../helpers/features';
import { serveStatic, type StaticServer } from '../helpers/server';
import { readBuilt } from '../helpers/site';
import { findLinksUnderlinedPastText, openDevice } from '../helpers/ux';

let browser: Browser;
let seed: StaticServer;
let lab: StaticServer;
let typed: StaticServer;

beforeAll(async () => {
  const labDir = buildFeatureSite('ux-fixes-lab', FEATURE_CONFIGS.lab);
  browser = await launchBrowser();
  seed = await serveStatic(SITE_DIR, '/');
  lab = await serveStatic(labDir, '/');
  typed = await serveStatic(TYPED_SITE_DIR, '/');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([seed, lab, typed].map((server) => server?.close()));
});

/** Opens a path of a served site at a width (390: a phone with a touch screen). */
async function open(server: StaticServer, path: string, width: 390 | 1280 = 1280): Promise<Page> {
  const context = await openDevice(browser, width, 'light');
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

const close = (page: Page) => page.context().close();

/** The accessible name Chromium's accessibility tree gives the first element a selector finds. */
async function computeAccessibleName(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return String(nodes[0]?.name?.value ?? '');
}

/** The card of a paper on a list page. */
const card = (page: Page, id: string) => page.locator(`li[data-id="${id}"] .paper-card`).first();

describe('list cards', () => {
  it('show the venue, the links (compact, dot-separated, no Code twice) and co-authors as links', async () => {
    const page = await open(seed, '');
    const nex = card(page, 'nex-n1');
    expect(await texts(nex.locator('.paper-card__venue'))).toEqual(['arXiv, arXiv:2512.04987']);
    expect(await texts(nex.locator('.paper-links--compact a'))).toEqual(['PDF', 'arXiv:2512.04987']);
    expect(await texts(nex.locator('.code-mark'))).toEqual(['Code']);
    // The separator between two links is drawn, not a word of either link.
    const dot = await nex
      .locator('.paper-links--compact li')
      .nth(1)
      .evaluate((item) => getComputedStyle(item, '::before').content);
    expect(dot).toContain('·');
    const authors = nex.locator('.paper-card__authors a');
    expect(await texts(authors)).toEqual(['Nex-AGI Team', 'Yuxuan Cai', 'Lu Chen']);
    expect(await authors.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/authors/nex-agi-team/',
      '/authors/yuxuan-cai/',
      '/authors/lu-chen/',
    ]);
    // The owner is a link too, and still emphasised.
    expect(await texts(card(page, 'llama-scope').locator('.paper-card__authors a.owner'))).toEqual(['Zhengfu He']);
    await close(page);
  });

  it('name the abstract toggle by its short text, the preview beside it, and the paper as its description', async () => {
    const page = await open(seed, '');
    const first = card(page, 'llama-scope');
    const toggle = first.locator('.abstract-toggle summary');
    const name = await toggle.evaluate((summary) => (summary as HTMLElement).innerText.trim());
    expect(name).toBe('Show full abstract');
    // The accessible name Chromium computes (its accessibility tree), not the preview text.
    expect(await computeAccessibleName(page, '[data-id="llama-scope"] .abstract-toggle summary')).toBe(
      'Show full abstract',
    );
    expect(await toggle.getAttribute('aria-describedby')).toBe('title-llama-scope');
    expect(await first.locator('.abstract-preview').isVisible()).toBe(true);
    await toggle.click();
    expect(await first.locator('.abstract-preview').isVisible()).toBe(false);
    expect(await first.locator('.abstract').isVisible()).toBe(true);
    expect((await toggle.evaluate((summary) => (summary as HTMLElement).innerText)).trim()).toBe('Hide abstract');
    await close(page);
  });

  it('show a BibTeX entry without the abstract; the .bib it offers keeps it', async () => {
    const page = await open(seed, '');
    const first = card(page, 'llama-scope');
    await first.locator('.bibtex-toggle summary').click();
    const shown = (await first.locator('.bibtex-toggle pre').textContent())!;
    const file = readBuilt('papers/llama-scope.bib');
    expect(file).toMatch(/\n {2}abstract = \{/);
    expect(shown).not.toContain('abstract =');
    expect(shown).toBe(file.replace(/\n {2}abstract = \{[^\n]*\}(?=,?\n)/, '').replace(/,\n\}/, '\n}'));
    await close(page);
  });
});

describe('the paper page', () => {
  it('has its links as buttons by the title, before the abstract, and Code once', async () => {
    const page = await open(seed, 'papers/nex-n1/');
    expect(await texts(page.locator('header .paper-links--buttons a'))).toEqual(['PDF', 'arXiv:2512.04987', 'Code']);
    expect(await page.getByText('Code', { exact: true }).count()).toBe(1);
    const linksTop = (await page.locator('.paper-links--buttons').boundingBox())!.y;
    expect(linksTop).toBeLessThan((await page.locator('#abstract-heading').boundingBox())!.y);
    expect(linksTop).toBeGreaterThan((await page.locator('.paper__title').boundingBox())!.y);
    await close(page);
  });

  it('writes a truncated author list as a reader reads it, with "et al." and no count of listed names', async () => {
    const page = await open(seed, 'papers/diffusionbert/');
    expect(await texts(page.locator('.paper__authors'))).toEqual(['Zhengfu He, Tianxiang Sun, Kuanning Wang et al.']);
    expect(await page.locator('main').textContent()).not.toMatch(/listed|list truncated/);
    await close(page);
  });

  it('shows a short BibTeX entry (the downloaded file has the abstract, and says so)', async () => {
    const page = await open(seed, 'papers/diffusionbert/', 390);
    const entry = page.locator('#bibtex-entry');
    const file = readBuilt('papers/diffusionbert.bib');
    expect(file).toContain('abstract = {');
    expect(await entry.textContent()).not.toContain('abstract =');
    const lines = await entry.evaluate((pre) =>
      Math.round(pre.getBoundingClientRect().height / parseFloat(getComputedStyle(pre).lineHeight)),
    );
    expect(lines).toBeLessThan(20);
    expect(await texts(page.locator('.cite__note'))).toEqual(['The downloaded BibTeX file also holds the abstract.']);
    expect(await page.locator('.cite__downloads a').first().getAttribute('href')).toBe('/papers/diffusionbert.bib');
    await close(page);
  });

  it('stacks the newer and older papers on a phone instead of two narrow columns', async () => {
    const page = await open(seed, 'papers/llama-scope/', 390);
    const newer = (await page.locator('.pager__newer').boundingBox())!;
    const older = (await page.locator('.pager__older').boundingBox())!;
    expect(older.y).toBeGreaterThanOrEqual(newer.y + newer.height);
    for (const box of [newer, older]) {
      expect(box.width).toBeGreaterThan(300);
      // At most four lines of text (label and a title of up to three lines).
      expect(box.height).toBeLessThan(4 * 26 + 40);
    }
    await close(page);
  });
});

describe('separators and underlines', () => {
  it('puts a dot between adjacent export links; no underline runs past a link’s words', async () => {
    for (const path of ['', 'categories/cl/', 'papers/diffusionbert/', 'authors/']) {
      const page = await open(seed, path);
      if (path !== 'authors/') {
        const row = path.startsWith('papers') ? page.locator('.cite__downloads') : page.locator('.export-these');
        expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/BibTeX · RIS · CSL-JSON$/);
      }
      // The footer's dots are drawn before each link but the first (not read out: their alternative text is empty).
      const footer = await page
        .locator('.site-footer__links li')
        .evaluateAll((items) =>
          items.map((item) =>
            `${getComputedStyle(item, '::before').content} ${item.textContent}`
              .replace(/"/g, '')
              .replace(/\s+/g, ' ')
              .trim(),
          ),
        );
      expect(footer).toEqual(['none RSS feed', '· / BibTeX', '· / RIS', '· / CSL-JSON']);
      expect(await findLinksUnderlinedPastText(page), path).toEqual([]);
      await close(page);
    }
  });

  it('ends the underline of an author on /authors/ with the name, before the count', async () => {
    const page = await open(seed, 'authors/');
    const item = page.locator('.author-index li').first();
    const link = (await item.locator('a').boundingBox())!;
    const count = (await item.locator('.author-index__count').boundingBox())!;
    // A space apart, not an underlined space.
    expect(count.x - (link.x + link.width)).toBeGreaterThan(2);
    expect(await item.locator('a').evaluate((a) => [a.innerHTML, a.parentElement!.matches('strong.owner')])).toEqual([
      'Zhengfu He',
      true,
    ]);
    await close(page);
  });
});

describe('on a phone', () => {
  it('hides the "/" key hint on a touch screen and shows it with a mouse', async () => {
    const phone = await open(seed, '', 390);
    expect(await phone.locator('.search-form__hint').isVisible()).toBe(false);
    await close(phone);
    const desktop = await open(seed, '', 1280);
    expect(await desktop.locator('.search-form__hint').isVisible()).toBe(true);
    await close(desktop);
  });

  it('leaves no profile stat alone on a row (five: three and two)', async () => {
    const page = await open(seed, '', 390);
    const tops = await page
      .locator('.profile__stats .stat')
      .evaluateAll((stats) => stats.map((stat) => Math.round(stat.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    const rows = [...new Set(tops)].map((top) => tops.filter((other) => other === top).length);
    expect(rows).toEqual([3, 2]);
    await close(page);
  });

  it('keeps every chip on one line, and "et al." with the name before it', async () => {
    for (const [server, path] of [
      [seed, ''],
      [lab, ''],
    ] as const) {
      const page = await open(server, path, 390);
      const heights = await page.locator('.chip').evaluateAll((chips) =>
        chips.map((chip) => {
          const lineHeight = parseFloat(getComputedStyle(chip).lineHeight);
          return chip.getClientRects().length === 1 && chip.getBoundingClientRect().height < lineHeight * 1.5 + 12;
        }),
      );
      expect(heights.length).toBeGreaterThan(1);
      expect(heights.every(Boolean)).toBe(true);
      await close(page);
    }
  });

  it('gives the navigation, year jumps, footer links and checkboxes 24 × 24 px targets', async () => {
    const page = await open(seed, 'papers/diffusionbert/', 390);
    const home = await open(seed, '', 390);
    const sizes = [
      ...(await page.locator('.site-nav a, .site-footer__links a, .cite__styles input').all()),
      ...(await home.locator('.year-nav a').all()),
    ];
    expect(sizes.length).toBeGreaterThan(10);
    for (const target of sizes) {
      const box = (await target.boundingBox())!;
      expect(box.width, await target.evaluate((element) => element.outerHTML)).toBeGreaterThanOrEqual(24);
      expect(box.height, await target.evaluate((element) => element.outerHTML)).toBeGreaterThanOrEqual(24);
    }
    await close(page);
    await close(home);
  });
});

describe('year and list pages', () => {
  it('a year page has one year heading, the newer and older year, its feed and its three exports', async () => {
    const page = await open(seed, 'years/2024/', 390);
    expect(await texts(page.locator('h1'))).toEqual(['Papers of 2024']);
    expect(await page.getByRole('heading', { name: '2024', exact: true }).count()).toBe(0);
    expect(await texts(page.locator('.pager a'))).toEqual(['← 2025', '2022 →']);
    // Side by side even on a phone: the labels are short.
    const [newer, older] = await page
      .locator('.pager a')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(newer).toBe(older);
    expect(await page.locator('.list-actions a').getAttribute('href')).toBe('/years/2024/rss.xml');
    expect(
      await page.locator('.export-these a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual(['/years/2024/bibliography.bib', '/years/2024/bibliography.ris', '/years/2024/bibliography.json']);
    await close(page);
  });

  it.each([
    [() => seed, 'categories/cl/'],
    [() => seed, 'types/preprints/'],
    [() => lab, 'keywords/interpretability/'],
  ])('a category, type or keyword page links its BibTeX, RIS and CSL-JSON (%#: %s)', async (server, path) => {
    const page = await open(server(), path);
    const links = page.locator('.export-these a');
    expect(await texts(links)).toEqual(['BibTeX', 'RIS', 'CSL-JSON']);
    for (const [index, format] of ['bib', 'ris', 'json'].entries()) {
      expect(await links.nth(index).getAttribute('href')).toBe(`/${path}bibliography.${format}`);
      const response = await page.request.get(`${server().url}${path}bibliography.${format}`);
      expect(response.status()).toBe(200);
    }
    await close(page);
  });

  it('a co-author page leads back to all authors and emphasises the co-author in every list', async () => {
    const page = await open(seed, 'authors/tianxiang-sun/');
    expect(await texts(page.locator('.breadcrumb a'))).toEqual(['← All authors']);
    expect(await page.locator('.breadcrumb a').getAttribute('href')).toBe('/authors/');
    const cards = page.locator('.paper-card');
    const count = await cards.count();
    expect(count).toBe(4);
    for (let index = 0; index < count; index++) {
      expect(await texts(cards.nth(index).locator('.owner')), `card ${index}`).toContain('Tianxiang Sun');
    }
    await close(page);
  });
});

describe('navigation', () => {
  it.each([
    ['', 'Papers', 'page'],
    ['papers/bbtv2/', 'Papers', 'true'],
    ['years/2024/', 'Papers', 'true'],
    ['categories/cl/', 'Papers', 'true'],
    ['authors/', 'Authors', 'page'],
    ['authors/tianxiang-sun/', 'Authors', 'true'],
    ['search/', 'Search', 'page'],
  ])('/%s marks %s as aria-current="%s", and no other item', async (path, label, value) => {
    const page = await open(seed, path);
    const current = page.locator('.site-nav a[aria-current]');
    expect(await texts(current)).toEqual([label]);
    expect(await current.getAttribute('aria-current')).toBe(value);
    expect(await current.evaluate((link) => getComputedStyle(link).fontWeight)).toBe('700');
    await close(page);
  });

  it('marks People on a lab site’s /people/', async () => {
    const page = await open(lab, 'people/');
    expect(await texts(page.locator('.site-nav a[aria-current="page"]'))).toEqual(['People']);
    await close(page);
  });
});

describe('the feed in a browser (rss.xsl)', () => {
  it('writes "et al." for truncated lists and dates as the pages write them', async () => {
    const page = await open(seed, 'years/2022/rss.xml');
    const first = page.locator('.items li').first();
    const title = (await first.locator('h3').textContent())!;
    expect(title).toBe('DiffusionBERT: Improving Generative Masked Language Models with Diffusion Models');
    expect(await first.locator('.authors').textContent()).toBe(
      'Zhengfu He, Tianxiang Sun, Kuanning Wang\u00a0et\u00a0al.',
    );
    const paper = await open(seed, 'papers/diffusionbert/');
    const siteDate = (await paper.locator('.paper-meta time').textContent())!.trim();
    await close(paper);
    expect(siteDate).toBe('Nov 28, 2022');
    expect((await first.locator('.meta').textContent())!.startsWith(siteDate)).toBe(true);
    await close(page);
  });

  it('writes a date with no day as the pages do (a year alone), where pubDate is absent', async () => {
    const page = await open(typed, 'years/1930/rss.xml');
    expect((await page.locator('.items .meta').first().textContent())!.trim()).toMatch(/^1930\b/);
    await close(page);
  });
});
