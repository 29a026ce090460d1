// The hostile site in Chromium: every built page, the query strings a link can carry, and search results for hostile
// and for Chinese, Japanese and Korean words. A page fails when a dialog opens or its DOM holds an event handler, a
// script-bearing URL, a frame or a script the site did not write.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser';
import { listBuilt } from '../helpers/site';
import { HOSTILE, useBuild } from './builds';
import { CJK_PAPERS, HOSTILE_TITLE } from './fixtures';
import { outDirOf } from './shared-build';

const built = useBuild(HOSTILE);
const site = useBrowserAndSite(outDirOf(HOSTILE));
// One browser context for every test: pages share its cache, so the search bundle is fetched once.
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext();
});
afterAll(async () => {
  await context?.close();
});

/** Every trace of script a page's DOM can hold that the site itself does not put there. */
function findScriptTraces(): string[] {
  const traces: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset'];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (attribute.name.startsWith('on')) traces.push(`<${tag} ${attribute.name}>`);
      if (attribute.name === 'srcdoc') traces.push(`<${tag} srcdoc>`);
      if (urlAttributes.includes(attribute.name) && /^(javascript|data|vbscript|file):/.test(value)) {
        traces.push(`<${tag} ${attribute.name}=${attribute.value}>`);
      }
      if (attribute.name === 'style' && /url\(|expression\(|javascript:/i.test(attribute.value)) {
        traces.push(`<${tag} style=${attribute.value}>`);
      }
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag)) {
      traces.push(`<${tag}>`);
    }
    if (tag === 'meta' && element.getAttribute('http-equiv')) traces.push(`<meta http-equiv>`);
    // The site's one form is its search box, which submits to its own search page.
    if (tag === 'form' && !(element as HTMLFormElement).action.startsWith(`${location.origin}/search`)) {
      traces.push(`<form action=${(element as HTMLFormElement).action}>`);
    }
    if (tag === 'script') {
      const script = element as HTMLScriptElement;
      const type = script.type.toLowerCase();
      if (type === 'application/ld+json') {
        try {
          JSON.parse(script.textContent ?? '');
        } catch {
          traces.push('<script type=application/ld+json> that is not JSON');
        }
      } else if (script.src) {
        if (new URL(script.src).origin !== location.origin) traces.push(`<script src=${script.src}>`);
      } else if (/alert\(|msgbox|onerror/i.test(script.textContent ?? '')) {
        traces.push(`inline <script> with a payload: ${(script.textContent ?? '').slice(0, 80)}`);
      }
    }
  }
  return traces;
}

/** Opens a URL with dialogs watched and every <details> opened; returns the dialogs seen and the traces found. */
async function inspect(page: Page, url: string, settle = 150): Promise<{ dialogs: string[]; traces: string[] }> {
  const dialogs: string[] = [];
  const onDialog = async (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  };
  page.on('dialog', onDialog);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await page.waitForTimeout(settle);
  const traces = await page.evaluate(findScriptTraces);
  page.off('dialog', onDialog);
  return { dialogs, traces };
}

/**
 * Runs a search on the search page and returns its results: through ?q= (as a shared link would), or typed into
 * the search box of a search page already open (no reload: Pagefind searches again as one types).
 */
async function search(page: Page, query: string, how: 'link' | 'typed' = 'link') {
  if (how === 'link') {
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  } else {
    if (!page.url().includes('/search/')) await page.goto(`${site.server.url}search/`, { waitUntil: 'load' });
    await page.locator('#site-search').fill(query);
  }
  // Done when the summary names a count for this query and stays (results draw as their fragments arrive).
  const summary = () => page.evaluate(() => document.querySelector('[data-search-summary]')?.textContent?.trim() ?? '');
  await page.waitForFunction(
    (asked) => {
      const text = document.querySelector('[data-search-summary]')?.textContent?.trim() ?? '';
      return /\bresults? for\b|^No papers match/i.test(text) && text.includes(asked);
    },
    query,
    { timeout: 15_000 },
  );
  for (let before = await summary(), tries = 0; tries < 10; tries++) {
    await page.waitForTimeout(150);
    const now = await summary();
    if (now === before) break;
    before = now;
  }
  return page.evaluate(() => ({
    input: document.querySelector<HTMLInputElement>('#site-search')?.value,
    summary: document.querySelector('[data-search-summary]')?.textContent?.trim() ?? '',
    results: [...document.querySelectorAll('.search-result')].map((item) => ({
      url: item.querySelector('a')?.getAttribute('href') ?? '',
      title: item.querySelector('a')?.textContent ?? '',
      excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
      marked: [...item.querySelectorAll('mark')].map((mark) => mark.textContent),
    })),
  }));
}

describe('every page of the hostile site in Chromium', () => {
  it('opens no dialog and holds no handler, script URL, frame or foreign script', async () => {
    const pages = listBuilt(built.dir).filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const queue = [...pages];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await context.newPage();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const url = `${site.server.url}${path.replace(/index\.html$/, '')}`;
          const { dialogs, traces } = await inspect(page, url);
          if (dialogs.length + traces.length > 0) failures.push(`${path}: ${[...dialogs, ...traces].join('; ')}`);
        }
        await page.close();
      }),
    );
    expect(failures).toEqual([]);
  });

  it('shows the hostile title as text, and the payload abstracts keep their text', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}papers/hostile-everything/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    await page.goto(`${site.server.url}papers/raw-html-abstract/`);
    expect(await page.locator('.abstract').innerText()).toMatch(/Before the payloads[\s\S]*After the payloads/);
    await page.goto(`${site.server.url}papers/markdown-links-abstract/`);
    expect(
      await page.locator('.abstract a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['https://example.org/paper']);
    await page.close();
  });
});

describe('query strings with markup stay inert', () => {
  const payloads = [
    '<img src=x onerror=alert("qs-img")>',
    '"><svg onload=alert("qs-svg")>',
    "'-alert('qs-quote')-'",
    '</script><script>alert("qs-script")</script>',
    'javascript:alert("qs-js")',
  ];
  for (const path of ['', 'search/', 'categories/', 'authors/', 'papers/hostile-everything/', 'no-such-page/']) {
    it(`/${path} with ?category=, ?q=, ?type= and a #fragment holding markup`, async () => {
      const page = await context.newPage();
      const failures: string[] = [];
      for (const payload of payloads) {
        const value = encodeURIComponent(payload);
        const url = `${site.server.url}${path}?category=${value}&q=${value}&type=${value}#${value}`;
        const { dialogs, traces } = await inspect(page, url, path === 'search/' ? 1200 : 150);
        if (dialogs.length + traces.length > 0) failures.push(`${payload}: ${[...dialogs, ...traces].join('; ')}`);
      }
      await page.close();
      expect(failures).toEqual([]);
    });
  }
});

describe('search results for hostile text', () => {
  for (const query of ['onerror', 'script', 'alert', 'zebrafish', 'mallory', '<img src=x onerror=alert(1)>']) {
    it(`"${query}": results shown as text, no dialog, no handler`, async () => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      const found = await search(page, query);
      const traces = await page.evaluate(findScriptTraces);
      await page.close();
      expect(dialogs).toEqual([]);
      expect(traces).toEqual([]);
      if (['onerror', 'zebrafish', 'mallory'].includes(query)) {
        expect(found.results.map((result) => result.url)).toContain('/papers/hostile-everything/');
        const hostile = found.results.find((result) => result.url === '/papers/hostile-everything/')!;
        expect(hostile.title).toBe(HOSTILE_TITLE);
      }
    });
  }
});

describe('Chinese, Japanese and Korean words are found', () => {
  // One search page for the words, each typed in turn; the first also comes through a ?q= link.
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  for (const paper of CJK_PAPERS) {
    const id = paper.name.replace(/\.md$/, '');
    for (const [index, word] of paper.words.entries()) {
      const how = index === 0 ? 'link' : 'typed';
      it(`"${word}" (${how}) finds /papers/${id}/, once, with the excerpt as written`, async () => {
        const found = await search(page, word, how);
        const urls = found.results.map((result) => result.url);
        expect(urls, JSON.stringify(found)).toContain(`/papers/${id}/`);
        expect(new Set(urls).size).toBe(urls.length);
        const result = found.results.find((candidate) => candidate.url === `/papers/${id}/`)!;
        expect(result.title).toBe(paper.title);
        // Excerpts come from the abstract only (issue 15): a word of the abstract is marked there, with the
        // index's word spaces gone; a word only in the title finds the paper by its metadata, and the excerpt is
        // still the abstract's text, as written.
        // (A space the index put between Latin letters and Chinese stays: GPT 模型.)
        const latinApart = (text: string) =>
          text.replace(/(?<=[A-Za-z0-9]) (?=\p{Script=Han})|(?<=\p{Script=Han}) (?=[A-Za-z0-9])/gu, '');
        if (paper.abstract.includes(word)) {
          expect(result.marked.join('').toLowerCase()).toContain(word.replace(/\s/g, '').toLowerCase());
          const at = paper.abstract.indexOf(word);
          expect(latinApart(result.excerpt)).toContain(paper.abstract.slice(Math.max(0, at - 3), at + word.length));
        } else {
          expect(paper.title).toContain(word);
          expect(result.marked).toEqual([]);
          expect(paper.abstract).toContain(latinApart(result.excerpt).slice(0, 12));
        }
        // The search box and the summary show the query as typed.
        expect(found.input).toBe(word);
        expect(found.summary).toContain(word);
      });
    }
  }

  it('typing a Chinese phrase into the search box finds it too', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}search/`);
    const box = page.locator('#site-search');
    await box.click();
    await box.pressSequentially('机器翻译', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, {
      timeout: 15_000,
    });
    await page.waitForTimeout(600);
    const urls = await page
      .locator('.search-result a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(urls).toContain('/papers/cjk-chinese/');
    expect(await box.inputValue()).toBe('机器翻译');
    await page.close();
  });

  it('English words still find their papers, stemmed', async () => {
    const page = await context.newPage();
    const found = await search(page, 'payload');
    await page.close();
    expect(found.results.map((result) => result.url)).toContain('/papers/raw-html-abstract/');
  });
});
