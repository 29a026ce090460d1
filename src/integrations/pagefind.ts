import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** The built pages Pagefind reads, relative to the output folder: the paper pages. */
const PAPER_PAGES = 'papers/*/index.html';

/** Builds the Pagefind search index into `<outDir>/pagefind/` at the end of every `astro build`. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'bibshelf-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // Only paper pages carry `data-pagefind-body`; reading listing pages (home, authors, years…) only to
          // drop them costs seconds for a large bibliography.
          const added = await index.addDirectory({ path: outDir, glob: PAPER_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`Pagefind indexed no pages in ${outDir}`);
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
