// The built site in real Chromium, served as a static host serves it: pages load under / and /bib/ without console
// errors and with their stylesheet; the abstract toggle works without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH, TYPED_SITE_DIR } from '../helpers/build';
import { readSeed } from '../helpers/seed';
import { serveStatic, type StaticServer } from '../helpers/server';

const seed = readSeed();
let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(dir: string, base = '/'): Promise<StaticServer> {
  const server = await serveStatic(dir, base);
  servers.push(server);
  return server;
}

describe('the built site in a real browser', () => {
  it.each([
    ['/', SITE_DIR],
    [TEST_BASE_PATH, SITE_BASE_DIR],
  ])('home, a paper page and a list page load under base %s with no console errors', async (base, dir) => {
    const server = await serve(dir, base);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(await page.locator('.paper-card').count()).toBe(seed.papers);
    await page.locator('.paper-card__title a').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${base}papers/[a-z0-9.-]+/$`));
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // The stylesheet resolved under the base path.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    // From the paper page to its type's page, through the details list.
    await page.locator('dl.details a', { hasText: 'Preprint' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`${base}types/preprints/`);
    expect(await page.locator('.paper-card').count()).toBe(seed.papers);
    const missing = await page.goto(`${server.url}no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(errors.filter((error) => !/404/.test(error))).toEqual([]);
    await page.close();
  });

  it('expands a collapsed abstract without JavaScript', async () => {
    const server = await serve(SITE_DIR);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const first = page.locator('.paper-card').first();
    await expect.poll(() => first.locator('.abstract').isVisible()).toBe(false);
    await first.locator('.abstract-toggle summary').click();
    expect(await first.locator('.abstract').isVisible()).toBe(true);
    await context.close();
  });

  it('shows the typed site, every group of its home page, with no console errors', async () => {
    const server = await serve(TYPED_SITE_DIR);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    expect(await page.locator('.year-group:visible').count()).toBe(12);
    await page.goto(`${server.url}papers/chapter/`);
    expect((await page.locator('.paper__venue').innerText()).trim()).toBe(
      'In Nitin Indurkhya and Fred J. Damerau (Eds.), Handbook of Natural Language Processing, pp. 9–30. Chapman and Hall/CRC',
    );
    expect(await page.locator('.paper__venue cite').evaluate((cite) => getComputedStyle(cite).fontStyle)).toBe(
      'italic',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
