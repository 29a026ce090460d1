// The first search in real Chromium against a built site, and where its time goes.
//
//   node bench/search-timing.mjs <outDir> [--base /bib/] [--query attention --query Kowalski] [--runs 3] [--json]
//
// Two measurements per query, each in a fresh browser context (nothing cached):
// - page: opening `<base>search/?q=<query>` until the first result is on screen (what a reader waits for), with the
//   bytes and time of what it fetched, by kind (Pagefind's script and wasm, index chunks, filter chunks, fragments);
// - api: the same query through Pagefind's JavaScript API on an empty page of the same origin, in steps: loading
//   the index (init: entry, metadata, wasm), the search itself (ranking, with the index chunks it fetches), and the
//   fragments of the first results shown. What the page takes beyond those is its own rendering.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The results the search page shows at first (its first page of results); the api step loads as many fragments. */
export const SHOWN_RESULTS = 10;

/** The empty page the api measurement runs on (served by the bench's own server, not part of the site). */
const BLANK_PAGE = '__search-timing__.html';

/** Which part of a search a fetched URL belongs to. */
function classify(url) {
  const path = new URL(url).pathname;
  if (!path.includes('/pagefind/')) return 'page';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/filter/')) return 'filter chunks';
  return 'pagefind bundle';
}

/** Serves a built site under a base path (`/bib/` serves `<outDir>/x` at `/bib/x`), plus the blank page. */
async function serve(outDir, base) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === `${base}${BLANK_PAGE}`) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>timing</title>');
      return;
    }
    if (!path.startsWith(base)) return void response.writeHead(404).end();
    let file = join(outDir, path.slice(base.length));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}${base}`, close: () => server.close() };
}

/** Time and bytes of the page's fetches by kind, from the Resource Timing API (ms from navigation start). */
function summarizeResources(entries) {
  const kinds = {};
  for (const entry of entries) {
    const kind = classify(entry.name);
    const sum = (kinds[kind] ??= { count: 0, bytes: 0, firstStart: Infinity, lastEnd: 0 });
    sum.count++;
    sum.bytes += entry.encodedBodySize || entry.transferSize || 0;
    sum.firstStart = Math.min(sum.firstStart, entry.startTime);
    sum.lastEnd = Math.max(sum.lastEnd, entry.responseEnd);
  }
  return kinds;
}

/** Opens the search page with the query; ms until the first result shows, and what was fetched until then. */
async function timePage(browser, siteUrl, query) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-result').first().waitFor({ timeout: 120_000 });
    const firstResultMs = performance.now() - started;
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map(({ name, startTime, responseEnd, encodedBodySize, transferSize }) => ({
          name,
          startTime,
          responseEnd,
          encodedBodySize,
          transferSize,
        })),
    );
    return { firstResultMs, fetched: summarizeResources(entries) };
  } finally {
    await context.close();
  }
}

/** The same query through Pagefind's API, step by step (ms each). */
async function timeApi(browser, siteUrl, query, shown) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}${BLANK_PAGE}`);
    const bundle = new URL('pagefind/pagefind.js', siteUrl).pathname;
    // A string, so no bundler rewrites the browser-side import().
    return await page.evaluate(`(async () => {
      const t0 = performance.now();
      const pagefind = await import(${JSON.stringify(bundle)});
      await pagefind.init();
      const t1 = performance.now();
      const search = await pagefind.search(${JSON.stringify(query)});
      const t2 = performance.now();
      await Promise.all(search.results.slice(0, ${shown}).map((result) => result.data()));
      const t3 = performance.now();
      return { indexLoadMs: t1 - t0, searchMs: t2 - t1, fragmentsMs: t3 - t2, results: search.results.length };
    })()`);
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The first search of each query against a built site: medians over `runs` of the time to the first result on the
 * search page and of the api steps; undefined without Chromium.
 */
export async function timeFirstSearch(
  outDir,
  { queries = ['attention'], base = '/', runs = 1, shown = SHOWN_RESULTS, chromiumPath } = {},
) {
  const executablePath = chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return undefined;
  const { chromium } = await import('playwright-core');
  const server = await serve(resolve(outDir), base.endsWith('/') ? base : `${base}/`);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const report = {};
    for (const query of queries) {
      const pages = [];
      const apis = [];
      for (let run = 0; run < runs; run++) {
        pages.push(await timePage(browser, server.url, query));
        apis.push(await timeApi(browser, server.url, query, shown));
      }
      const api = Object.fromEntries(
        ['indexLoadMs', 'searchMs', 'fragmentsMs'].map((key) => [key, median(apis.map((step) => step[key]))]),
      );
      const firstResultMs = median(pages.map((page) => page.firstResultMs));
      report[query] = {
        firstResultMs,
        results: apis[0].results,
        api,
        // What the page spends beyond Pagefind's own steps: its scripts, the result list and filters drawn.
        pageOverheadMs: firstResultMs - api.indexLoadMs - api.searchMs - api.fragmentsMs,
        fetched: pages[Math.floor(pages.length / 2)].fetched,
      };
    }
    return report;
  } finally {
    await browser.close();
    server.close();
  }
}

/** One line per query: the time to the first result and its breakdown. */
export function formatSearchTiming(report) {
  const ms = (value) => `${Math.round(value)} ms`;
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  return Object.entries(report)
    .map(([query, timing]) => {
      const fetched = Object.entries(timing.fetched)
        .filter(([kind]) => kind !== 'page')
        .map(([kind, sum]) => `${kind} ${sum.count} (${kb(sum.bytes)})`)
        .join(', ');
      return (
        `"${query}" (${timing.results} results): first result ${ms(timing.firstResultMs)} = ` +
        `index load ${ms(timing.api.indexLoadMs)} + search ${ms(timing.api.searchMs)} + ` +
        `fragments ${ms(timing.api.fragmentsMs)} + page ${ms(timing.pageOverheadMs)}; fetched: ${fetched}`
      );
    })
    .join('\n');
}

function parseArgs(argv) {
  const options = { queries: [], base: '/', runs: 1, json: false, outDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--query') options.queries.push(argv[++i]);
    else if (arg === '--base') options.base = argv[++i];
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--json') options.json = true;
    else if (arg === '--help') options.help = true;
    else if (!options.outDir && !arg.startsWith('--')) options.outDir = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  if (options.queries.length === 0) options.queries = ['attention', 'Kowalski'];
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  if (options.help || !options.outDir) {
    console.log(
      'node bench/search-timing.mjs <built site folder> [--base /bib/] [--query WORD]… [--runs N] [--json]\n' +
        'Times the first search in Chromium (default queries: attention, Kowalski) and breaks it down.',
    );
    process.exit(options.help ? 0 : 1);
  }
  const report = await timeFirstSearch(options.outDir, options);
  if (!report) {
    console.error('No Chromium (set CHROMIUM_PATH).');
    process.exit(1);
  }
  console.log(options.json ? JSON.stringify(report, null, 2) : formatSearchTiming(report));
}
