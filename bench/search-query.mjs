// Times the first search query in real Chromium against a built site: the search page loads, Pagefind fetches
// its index chunks for the query, and the first result renders.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Milliseconds from opening `/search/?q=<query>` until the first result shows; undefined without Chromium. */
export async function timeFirstQuery(outDir, query, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  if (!existsSync(chromiumPath)) return undefined;
  const { chromium } = await import('playwright-core');
  const server = createServer(async (request, response) => {
    let file = join(outDir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`http://127.0.0.1:${server.address().port}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-result').first().waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await browser.close();
    server.close();
  }
}
