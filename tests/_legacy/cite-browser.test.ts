import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from './helpers/browser';
import { SITE_DIR } from './helpers/build';
import { readBuilt } from './helpers/site';

describe('paper page citation box in Chromium', () => {
  const suite = useBrowserAndSite(SITE_DIR);

  it('copies the BibTeX entry with visible feedback', async () => {
    const context = await suite.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', suite.server.url).href);
    const button = page.locator('.copy-button');
    await button.click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readBuilt('papers/diffusionbert.bib'));
    await context.close();
  });

  it('without JavaScript: no dead button, the entry is still there to select, APA shows', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', suite.server.url).href);
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
