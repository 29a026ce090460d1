// The search integration's timing, with the real Pagefind: the records are planned when the build starts, the index
// is made only once the citations are settled (or when the build is done, if no page asked for them), and the build's
// end moves it into the output folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../src/integrations/pagefind';
import { settleCitations } from '../../src/site/citation-signal';
import { writeSnapshot } from '../../src/site/snapshot';
import { makePaperEntries } from '../helpers/model';

const work = mkdtempSync(join(tmpdir(), 'bibshelf-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const messages: string[] = [];
const logger = {
  info: (message: string) => messages.push(message),
  debug: () => undefined,
  warn: (message: string) => messages.push(message),
  error: (message: string) => messages.push(message),
} as unknown as AstroIntegrationLogger;

type Hooks = Required<ReturnType<typeof pagefindIndex>['hooks']>;

/** A cache folder holding a snapshot of two papers, and the integration reading it. */
async function setUp(name: string) {
  const cacheDir = join(work, name, 'cache');
  // Astro has made the output folder by the time the build is done.
  const outDir = join(work, name, 'out');
  mkdirSync(outDir, { recursive: true });
  writeSnapshot(
    cacheDir,
    await makePaperEntries([
      { frontMatter: { title: 'Sparse dictionaries', date: '2024', authors: ['Ann Lee'] }, abstract: 'Sparse codes.' },
      { frontMatter: { title: 'Dense circuits', date: '2023', authors: ['Bo Chen'] }, abstract: 'Dense maps.' },
    ]),
  );
  const hooks = pagefindIndex({ cacheDir, language: 'en', base: '/' }).hooks as Hooks;
  const start = () => (hooks['astro:build:start'] as (options: unknown) => void)({ logger });
  const done = () =>
    (hooks['astro:build:done'] as (options: unknown) => Promise<void>)({ dir: pathToFileURL(`${outDir}/`), logger });
  return { staging: join(cacheDir, 'bibshelf-pagefind'), outDir, start, done };
}

/** Waits until `path` exists, up to `ms`. */
async function waitFor(path: string, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (existsSync(path)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return existsSync(path);
}

describe('the search integration', () => {
  it('indexes only once the citations are settled, then moves the index into the output', async () => {
    const site = await setUp('settled');
    site.start();
    // Pagefind writes an index of two records in well under a second once it may start.
    expect(await waitFor(join(site.staging, 'pagefind-entry.json'), 3000)).toBe(false);
    settleCitations();
    expect(await waitFor(join(site.staging, 'pagefind-entry.json'), 60_000)).toBe(true);
    await site.done();
    expect(existsSync(site.staging)).toBe(false);
    expect(readdirSync(join(site.outDir, 'pagefind'))).toContain('pagefind-entry.json');
    expect(messages.at(-1)).toMatch(/^Indexed 2 papers from the model in \d+ ms/);
  });

  it('does not wait at the end of a build whose pages asked for no citations', async () => {
    const site = await setUp('unasked');
    site.start();
    await site.done();
    expect(readdirSync(join(site.outDir, 'pagefind'))).toContain('pagefind-entry.json');
  });

  it('stops the build at its start when the snapshot is missing', async () => {
    const hooks = pagefindIndex({ cacheDir: join(work, 'none'), language: 'en', base: '/' }).hooks as Hooks;
    expect(() => (hooks['astro:build:start'] as (options: unknown) => void)({ logger })).toThrow(/No papers snapshot/);
  });
});
