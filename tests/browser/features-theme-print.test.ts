// The dark-mode toggle and the print stylesheet (issue 14) in Chromium: the system's scheme by default, a choice
// remembered and applied before the first paint, no toggle without JavaScript; printing leaves out the site's
// controls and prints the citations whole (checked on the PDF Chromium prints, read back with mutool).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FEATURE_CONFIGS, findAxeViolations, useFeatureSites } from '../helpers/features';

const site = useFeatureSites({ theme: { config: FEATURE_CONFIGS.lab } });
const url = (path = '') => `${site.urls.theme}${path}`;
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(15, 18, 22)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const toggle = (page: Page) => page.getByRole('button', { name: 'Dark mode' });
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('bibshelf-theme'));

/** Records, at DOMContentLoaded (after the head's inline script, before anything later runs), the page's theme. */
async function recordFirstTheme(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const record = window as unknown as { firstTheme?: string; firstBackground?: string };
      record.firstTheme = document.documentElement.dataset.theme ?? '';
      record.firstBackground = getComputedStyle(document.body).backgroundColor;
    });
  });
}
const firstPaint = (page: Page) =>
  page.evaluate(() => {
    const record = window as unknown as { firstTheme?: string; firstBackground?: string };
    return { theme: record.firstTheme, background: record.firstBackground };
  });

describe('dark-mode toggle', () => {
  it('follows the system by default; without JavaScript there is no toggle, and the system decides', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url());
      expect(await background(page)).toBe(colorScheme === 'dark' ? DARK : LIGHT);
      expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
      await context.close();
    }
  });

  it('switches on a click, remembers the choice across pages with no light flash, and forgets it on return to the system', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    await recordFirstTheme(context);
    const page = await context.newPage();
    await page.goto(url());
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
    expect(await background(page)).toBe(LIGHT);
    await toggle(page).click();
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe(DARK);
    expect(await stored(page)).toBe('dark');
    // Another page: dark already when the document is parsed (the inline head script), not after.
    await page.goto(url('papers/sparse-probing/'));
    expect(await firstPaint(page)).toEqual({ theme: 'dark', background: DARK });
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    // Back to light, which is the system's: the choice is forgotten, the page follows the system again.
    await toggle(page).click();
    expect(await stored(page)).toBeNull();
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);
    expect(await background(page)).toBe(LIGHT);
    await context.close();
  });

  it('on a dark system, choosing light is remembered and applied before the first paint', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    await recordFirstTheme(context);
    const page = await context.newPage();
    await page.goto(url());
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    await toggle(page).click();
    expect(await stored(page)).toBe('light');
    await page.reload();
    expect(await firstPaint(page)).toEqual({ theme: 'light', background: LIGHT });
    await context.close();
  });

  it('the head script runs before the body is parsed: inline, not deferred, before any stylesheet applies', async () => {
    const html = await (await fetch(url())).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const script = /<script>([^<]*bibshelf-theme[^<]*)<\/script>/.exec(head);
    expect(script).not.toBeNull();
    expect(head.indexOf(script![0])).toBeLessThan(head.search(/<link rel="stylesheet"|<style/));
  });

  it.each([
    ['dark', 'light', DARK],
    ['light', 'dark', LIGHT],
  ] as const)('has no axe violations with the %s theme chosen on a %s system', async (chosen, colorScheme, colour) => {
    const context = await site.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(url());
    await page.evaluate((theme) => localStorage.setItem('bibshelf-theme', theme), chosen);
    for (const path of ['', 'papers/sparse-probing/', 'people/', 'search/?q=probing']) {
      await page.goto(url(path));
      if (path.startsWith('search')) await page.locator('.search-result').first().waitFor();
      expect(await background(page)).toBe(colour);
      expect(await findAxeViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});

describe('print stylesheet', () => {
  /** Whether each selector's first element is visible on the page. */
  const visible = (page: Page, selectors: string[]) =>
    Promise.all(selectors.map(async (selector) => [selector, await page.locator(selector).first().isVisible()]));

  it('prints the list without the header, chips, toggles and export links, in black on white', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(url());
    await page.emulateMedia({ media: 'print' });
    expect(
      Object.fromEntries(
        await visible(page, [
          '.site-header',
          '.site-footer',
          '.chips-nav',
          '.theme-toggle',
          '.export-these',
          '.year-nav',
          '.bibtex-toggle',
          '.paper-card',
          '.profile',
        ]),
      ),
    ).toEqual({
      '.site-header': false,
      '.site-footer': false,
      '.chips-nav': false,
      '.theme-toggle': false,
      '.export-these': false,
      '.year-nav': false,
      '.bibtex-toggle': false,
      '.paper-card': true,
      '.profile': true,
    });
    expect(await background(page)).toBe(LIGHT);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await context.close();
  });

  it('prints a paper page with its citation in the chosen style and its whole BibTeX entry, without controls', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('papers/sparse-probing/'));
    await page.getByLabel('IEEE').check();
    await page.emulateMedia({ media: 'print' });
    expect(
      Object.fromEntries(
        await visible(page, [
          '.cite__styles input',
          '.cite__styles legend',
          '.copy-button',
          '.cite__downloads',
          '.cite__formatted--apa',
          '.cite__formatted--ieee',
          '#bibtex-entry',
          '.breadcrumb',
          '.pager',
        ]),
      ),
    ).toEqual({
      '.cite__styles input': false,
      '.cite__styles legend': false,
      '.copy-button': false,
      '.cite__downloads': false,
      '.cite__formatted--apa': false,
      '.cite__formatted--ieee': true,
      '#bibtex-entry': true,
      '.breadcrumb': false,
      '.pager': false,
    });
    const entry = await page.locator('#bibtex-entry').evaluate((pre) => ({
      style: [getComputedStyle(pre).maxHeight, getComputedStyle(pre).overflow, getComputedStyle(pre).whiteSpace],
      clipped: pre.scrollHeight > pre.clientHeight + 1,
    }));
    expect(entry).toEqual({ style: ['none', 'visible', 'pre-wrap'], clipped: false });
    // A printed page names where its links go.
    const after = await page
      .locator('.paper-links a')
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toBe('" <https://example.org/sparse-probing.pdf>"');

    const dir = mkdtempSync(join(tmpdir(), 'bibshelf-print-'));
    try {
      const pdf = join(dir, 'paper.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      const text = execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      const ieee = (await page.locator('.cite__formatted--ieee').textContent())!.replace(/\s+/g, ' ').trim();
      expect(text).toContain(ieee.slice(0, 60));
      expect(text).toContain('@article{okafor2024sparse,');
      // The shown entry (no abstract: the page prints it under Abstract) is printed to its last field.
      const shown = (await page.locator('#bibtex-entry').textContent())!.trim().split('\n');
      expect(shown.some((line) => line.includes('abstract ='))).toBe(false);
      expect(text).toContain(shown.at(-2)!.trim());
      expect(text).toContain('We probe the features of language models with sparse linear probes.');
      for (const control of ['Dark mode', 'Search papers', 'Copy BibTeX', 'Citation style', 'Older']) {
        expect(text).not.toContain(control);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});
