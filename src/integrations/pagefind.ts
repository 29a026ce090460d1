// The Pagefind search index, built from the model rather than from the built pages: one custom record per paper
// (site/search-records.ts), made from the loader's snapshot (the content sync is done when `astro build` starts).
// The records go to Pagefind's own process once the build's citations are formatted (site/citation-signal.ts: at
// once on a rebuild, after the citation workers on a cold build), and it indexes them on a core the main thread
// leaves free while Astro renders the pages, and writes its files as soon as it is done into a folder of the cache
// (Astro empties the output folder after the build starts); the build's end only moves that folder in.

import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { cacheDir, siteConfig, taxonomy } from '../config';
import { createPapers } from '../domain/paper';
import { routes, withBase } from '../site/routes';
import { toSearchRecord, type SearchRecord } from '../site/search-records';
import { readSnapshot } from '../site/snapshot';
import { resetCitationSignal, type CitationSignal } from '../site/citation-signal';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Every paper's search record, in URL order (the index files then come out the same on every build). */
export function planSearchRecords(options: { language: string; base: string; cacheDir: string }): SearchRecord[] {
  const papers = createPapers(readSnapshot(options.cacheDir), taxonomy);
  return papers
    .map((paper) => toSearchRecord(paper, withBase(options.base, routes.paper(paper.id)), options.language))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Starts an index in the site's language and sends it every record at once. Pagefind's service handles its
 * messages one after another, in the order sent, so the index comes out the same on every build; not waiting for
 * each answer keeps its process busy while the main thread renders (it used to wait for the main thread's next
 * free moment after every record).
 */
async function indexRecords(records: readonly SearchRecord[], language: string): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  added.forEach((result, at) => {
    if (result.errors.length > 0)
      throw new Error(`Pagefind could not index ${records[at]!.url}: ${result.errors.join('; ')}`);
  });
  return index;
}

/**
 * Indexes the records and writes the index files into `folder` (emptied first); then stops Pagefind's process, so
 * its memory is free for the rest of the build.
 */
async function writeIndex(records: readonly SearchRecord[], language: string, folder: string): Promise<void> {
  try {
    const index = await indexRecords(records, language);
    rmSync(folder, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Moves a finished folder to `target` (replacing it); copies when the two are on different file systems. */
function moveFolder(folder: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(folder, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(folder, target, { recursive: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the integration can be told instead of the site config (the tests' cache folder). */
export interface PagefindIndexOptions {
  language: string;
  base: string;
  cacheDir: string;
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` on every `astro build`: one index in the site's
 * language, so one search finds every paper. The records are planned when the build starts (a bad snapshot stops
 * it there); they are indexed and written once the build's citations are formatted, while the pages render, and
 * moved into the output folder when the build is done.
 */
export function pagefindIndex(overrides: Partial<PagefindIndexOptions> = {}): AstroIntegration {
  const options: PagefindIndexOptions = {
    language: siteConfig.language,
    base: siteConfig.base,
    cacheDir,
    ...overrides,
  };
  const staging = join(options.cacheDir, 'bibshelf-pagefind');
  let citations: CitationSignal | undefined;
  let started: { records: number; written: Promise<number> } | undefined;
  const start = (logger: AstroIntegrationLogger, ready: Promise<void>) => {
    const records = planSearchRecords(options);
    if (records.length === 0) throw new Error('The search index has no papers to index (the papers snapshot is empty)');
    const written = ready.then(async () => {
      const at = performance.now();
      await writeIndex(records, options.language, staging);
      return performance.now() - at;
    });
    // Awaited when the build is done; a build that fails first must not also report an unhandled rejection.
    written.catch((error: Error) => logger.debug(`Search index: ${error.message}`));
    return { records: records.length, written };
  };
  return {
    name: 'bibshelf-pagefind',
    hooks: {
      'astro:build:start': ({ logger }) => {
        citations = resetCitationSignal();
        started = start(logger, citations.settled);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          // A build whose pages asked for no citations has not said so: nothing holds this build's index back now.
          citations?.settle();
          started ??= start(logger, Promise.resolve());
          const took = await started.written;
          const outDir = fileURLToPath(dir).replace(/\/$/, '');
          moveFolder(staging, `${outDir}/pagefind`);
          logger.info(
            `Indexed ${started.records} papers from the model in ${Math.round(took)} ms, while the pages rendered`,
          );
        } finally {
          started = undefined;
          citations = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
