// The cite box of a paper page in Chromium: one click copies the BibTeX entry; without JavaScript there is no dead
// button, the entry is there to select, and the style switch (radio buttons and CSS) still shows one style at a time.
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { SITE_DIR } from '../helpers/build';
import { readBuilt, removeBibtexField } from '../helpers/site';

const STYLES = ['apa', 'ieee', 'chicago', 'mla', 'vancouver'];

describe('paper page cite box in Chromium', () => {
  const suite = useBrowserAndSite(SITE_DIR);

  it('copies the BibTeX entry it shows (the .bib file’s without the abstract) with visible feedback', async () => {
    const context = await suite.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', suite.server.url).href);
    const button = page.locator('.copy-button');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      removeBibtexField(readBuilt('papers/diffusionbert.bib'), 'abstract'),
    );
    await context.close();
  });

  it.each([true, false])('switches between the five styles (JavaScript %s)', async (javaScriptEnabled) => {
    const context = await suite.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(new URL('papers/diffusionbert/', suite.server.url).href);
    const shown = () =>
      Promise.all(STYLES.map((style) => page.locator(`.cite__formatted--${style}`).isVisible())).then((visible) =>
        STYLES.filter((_, index) => visible[index]),
      );
    expect(await shown()).toEqual(['apa']);
    for (const style of STYLES) {
      await page.locator(`label[for="cite-style-${style}"]`).click();
      expect(await shown()).toEqual([style]);
    }
    expect(await page.locator('.cite__formatted--ieee').innerText()).toContain('“DiffusionBERT:');
    if (!javaScriptEnabled) {
      expect(await page.locator('.copy-button').isVisible()).toBe(false);
      // The shown entry is the .bib file's without its abstract (the file keeps it).
      expect(await page.locator('#bibtex-entry').textContent()).toBe(
        removeBibtexField(readBuilt('papers/diffusionbert.bib'), 'abstract'),
      );
    }
    await context.close();
  });
});
