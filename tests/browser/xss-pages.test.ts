import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { BUILD_ROOT, ROOT, buildSite } from '../helpers/build';

const OUT = join(BUILD_ROOT, 'hostile-pages');

// Built before the browser starts: the describe block's server serves this folder.
beforeAll(() => {
  const result = buildSite({ outDir: OUT, papersDir: join(ROOT, 'tests/fixtures/hostile-papers') });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

/** Every trace of script a page's DOM can hold: handler attributes, script-bearing URLs, frames, forms. */
function findScriptTraces(): string[] {
  const traces: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (attribute.name.startsWith('on')) traces.push(`${element.tagName} ${attribute.name}`);
      if (/^(javascript|data|vbscript):/.test(value) && attribute.name !== 'content') {
        traces.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
      if (attribute.name === 'srcdoc') traces.push(`${element.tagName} srcdoc`);
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'FORM'].includes(element.tagName) && element.closest('.abstract')) {
      traces.push(element.tagName);
    }
    if (element.tagName === 'SCRIPT' && element.closest('.abstract')) traces.push('SCRIPT in abstract');
  }
  return traces;
}

describe('hostile abstracts in Chromium', () => {
  const site = useBrowserAndSite(OUT);

  for (const path of ['papers/raw-html-abstract/', 'papers/markdown-links-abstract/', '']) {
    it(`/${path} opens no dialog and holds no handler, frame, form or script URL`, async () => {
      const page = await site.browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      // Open every abstract toggle so nothing hidden escapes the check.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      await page.waitForTimeout(200);
      const traces = await page.evaluate(findScriptTraces);
      const text = await page.evaluate(() => document.body.innerText);
      await page.close();
      expect(dialogs).toEqual([]);
      expect(traces).toEqual([]);
      if (path === 'papers/raw-html-abstract/') expect(text).toContain('After the payloads');
      if (path === 'papers/markdown-links-abstract/') expect(text).toContain('safe link');
    });
  }
});
