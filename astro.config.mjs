// @ts-check
import './scripts/require-node.mjs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { BASE_PATH, SITE_URL } from './site.config.mjs';

// Deploy target (site URL and base path): see site.config.mjs.

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // Astro 7 defaults to 'jsx', which drops the white space between inline elements and glues
  // words together ("2024Journal") in the HTML and so in the search index. `true` collapses
  // white space but keeps a single space where the source had one.
  compressHTML: true,
  // Two paper files claiming the same id (file name or `slug`) fail the build, naming both files.
  prerenderConflictBehavior: 'error',
  // Builds run by the tests and the benchmark use their own cache, so they never race the main one.
  ...(process.env.BIBSHELF_CACHE_DIR ? { cacheDir: process.env.BIBSHELF_CACHE_DIR } : {}),
  build: {
    format: 'directory',
    // Pages and export files render 12 at a time, so file writes overlap with rendering: at 10,000 papers
    // the routes take about 12% less time than 4 at a time on 2 cores (npm run bench).
    concurrency: 12,
  },
  devToolbar: { enabled: false },
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex()],
});
