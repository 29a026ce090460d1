// The Pagefind search index, built from the model rather than from the built pages: one custom record per paper
// (site/search-records.ts), made from the loader's snapshot. The content sync is done when `astro build` starts, so
// the records go to Pagefind's own process then, and it indexes them on the second core while Astro renders the
// pages; the files are written when the build is done (Astro empties the output folder before rendering).

import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { cacheDir, siteConfig, taxonomy } from '../config';
import { createPapers } from '../domain/paper';
import { routes, withBase } from '../site/routes';
import { toSearchRecord, type SearchRecord } from '../site/search-records';
import { readSnapshot } from '../site/snapshot';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Every paper's search record, in URL order (the index files then come out the same on every build). */
export function planSearchRecords(options: { language: string; base: string }): SearchRecord[] {
  const papers = createPapers(readSnapshot(cacheDir), taxonomy);
  return papers
    .map((paper) => toSearchRecord(paper, withBase(options.base, routes.paper(paper.id)), options.language))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Starts an index in the site's language and adds every record, one at a time (so always in the same order). */
async function indexRecords(records: readonly SearchRecord[], language: string): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  return index;
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` on every `astro build`: one index in the site's
 * language, so one search finds every paper; its records are sent when the build starts and written when it is done.
 */
export function pagefindIndex(overrides: Partial<{ language: string; base: string }> = {}): AstroIntegration {
  const options = { language: siteConfig.language, base: siteConfig.base, ...overrides };
  let started: { records: number; at: number; index: Promise<PagefindIndex> } | undefined;
  const start = (logger: AstroIntegrationLogger) => {
    const at = performance.now();
    const records = planSearchRecords(options);
    if (records.length === 0) throw new Error('The search index has no papers to index (the papers snapshot is empty)');
    const index = indexRecords(records, options.language);
    // Awaited when the build is done; a build that fails first must not also report an unhandled rejection.
    index.catch((error: Error) => logger.debug(`Search index: ${error.message}`));
    return { records: records.length, at, index };
  };
  return {
    name: 'bibshelf-pagefind',
    hooks: {
      'astro:build:start': ({ logger }) => {
        started = start(logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          started ??= start(logger);
          const index = await started.index;
          const outDir = fileURLToPath(dir).replace(/\/$/, '');
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(
            `Indexed ${started.records} papers from the model in ${Math.round(performance.now() - started.at)} ms (started with the build)`,
          );
        } finally {
          started = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
