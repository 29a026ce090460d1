import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import { SITE_DIR } from './helpers/build';
import { serveStatic, type StaticServer } from './helpers/server';
import { readBuilt } from './helpers/site';

describe('paper page citation box in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveStatic(SITE_DIR, '/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('copies the BibTeX entry with visible feedback', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', server.url).href);
    const button = page.locator('.copy-button');
    await button.click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readBuilt('papers/diffusionbert.bib'));
    await context.close();
  });

  it('without JavaScript: no dead button, the entry is still there to select, APA shows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', server.url).href);
    expect(await page.locator('.copy-button').isVisible()).toBe(false);
    expect(await page.locator('#bibtex-entry').textContent()).toBe(readBuilt('papers/diffusionbert.bib'));
    expect(await page.locator('.cite__formatted--apa').isVisible()).toBe(true);
    expect(await page.locator('.cite__formatted--vancouver').isVisible()).toBe(false);
    await page.locator('input[value="vancouver"]').check();
    expect(await page.locator('.cite__formatted--vancouver').isVisible()).toBe(true);
    expect(await page.locator('.cite__formatted--apa').isVisible()).toBe(false);
    await context.close();
  });
});
