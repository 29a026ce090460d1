// The export files (.bib/.ris/.json per paper, per facet group, for the whole bibliography) without a route per
// file: written straight into the output folder when `astro build` is done, and served on request by `astro dev`.
// Both build the papers from the loader's snapshot with the same domain and format code the pages use; a build
// takes the paper exports its pages already formatted from the same snapshot (site/exports.ts, shareExports).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir, siteConfig, taxonomy } from '../config';
import { createPapers } from '../domain/paper';
import { createPeopleIndex } from '../domain/people';
import { findHighlightedNames, groupByAuthor, hasListExportFiles } from '../site/authors';
import { buildExports, listExportFiles, takeSharedExports, type ExportFile } from '../site/exports';
import { groupByCategory, groupByKeyword, groupByType, groupByYear } from '../site/facets';
import { toAbsoluteUrl, withBase } from '../site/routes';
import { readPeopleSnapshot, readSnapshot, stampSnapshot } from '../site/snapshot';

/** Every export file of the papers in the snapshot. */
function planFiles(): ExportFile[] {
  const stamp = stampSnapshot(cacheDir);
  const papers = createPapers(readSnapshot(cacheDir), taxonomy);
  const groups = [groupByCategory, groupByType, groupByKeyword, groupByYear].flatMap((group) => group(papers));
  const people = createPeopleIndex(readPeopleSnapshot(cacheDir));
  const highlighted = findHighlightedNames(people, siteConfig.mode, siteConfig.profile.name);
  const exports = takeSharedExports(stamp) ?? buildExports(papers, siteConfig.exports.bibtex);
  return listExportFiles(papers, exports, {
    absoluteUrl: (path) => toAbsoluteUrl(siteConfig.url, withBase(siteConfig.base, path)),
    ownerName: siteConfig.profile.name,
    groups,
    // Grouped as the author pages are (a person's spellings share one file); only the site's people get files.
    authors: groupByAuthor(papers, people.resolve).filter((author) => hasListExportFiles(author, people, highlighted)),
  });
}

/** Writes the export files at the end of every build and serves them from the dev server. */
export function exportFiles(): AstroIntegration {
  return {
    name: 'bibshelf-exports',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const files = planFiles();
        const folders = new Set<string>();
        for (const file of files) {
          const path = join(outDir, file.path);
          const folder = dirname(path);
          if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
          folders.add(folder);
          writeFileSync(path, file.render());
        }
        logger.info(`Wrote ${files.length} export files in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server }) => {
        // Planned again whenever the loader has written a new snapshot (the dev server re-syncs on every edit).
        let planned: { stamp: string; byPath: Map<string, ExportFile> } | undefined;
        server.middlewares.use((request, response, next) => {
          const base = withBase(siteConfig.base);
          const url = new URL(request.url ?? '/', 'http://localhost');
          const path = decodeURIComponent(url.pathname);
          if (!path.startsWith(base) || !/\.(bib|ris|json)$/.test(path)) return next();
          let stamp: string;
          try {
            stamp = stampSnapshot(cacheDir);
          } catch {
            return next();
          }
          if (planned?.stamp !== stamp)
            planned = { stamp, byPath: new Map(planFiles().map((file) => [file.path, file])) };
          const file = planned.byPath.get(path.slice(base.length));
          if (!file) return next();
          response.setHeader('Content-Type', file.contentType);
          response.end(file.render());
        });
      },
    },
  };
}
