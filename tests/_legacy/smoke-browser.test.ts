import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH } from './helpers/build';
import { serveStatic, type StaticServer } from './helpers/server';

let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('the built site in a real browser', () => {
  it.each([
    ['/', SITE_DIR],
    [TEST_BASE_PATH, SITE_BASE_DIR],
  ])('home and a paper page load under base %s with no console errors', async (base, dir) => {
    const server = await serveStatic(dir, base);
    servers.push(server);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(await page.locator('.paper-card').count()).toBe(14);
    await page.locator('.paper-card__title a').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${base}papers/[a-z0-9-]+/$`));
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // The stylesheet resolved under the base path.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('expands a collapsed abstract without JavaScript', async () => {
    const server = await serveStatic(SITE_DIR, '/');
    servers.push(server);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const first = page.locator('.paper-card').first();
    await expect.poll(() => first.locator('.abstract').isVisible()).toBe(false);
    await first.locator('.abstract-toggle summary').click();
    expect(await first.locator('.abstract').isVisible()).toBe(true);
    await context.close();
  });
});
