// @ts-check
import './scripts/require-node.mjs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { cacheDir, siteConfig } from './src/config/index.ts';
import { exportFiles } from './src/integrations/exports.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

// The deploy target (site URL and base path) and everything else a site sets live in site.config.mjs.

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'ignore',
  // Astro 7 defaults to 'jsx', which drops the white space between inline elements and glues
  // words together ("2024Journal") in the HTML and so in the search index. `true` collapses
  // white space but keeps a single space where the source had one.
  compressHTML: true,
  // Two routes writing the same file fail the build instead of one silently winning.
  prerenderConflictBehavior: 'error',
  // Builds run by the tests and the benchmark use their own cache, so they never race the main one.
  cacheDir,
  build: {
    format: 'directory',
    // Pages and export files render 12 at a time, so file writes overlap with rendering: at 10,000 papers
    // the routes take about 12% less time than 4 at a time on 2 cores (npm run bench).
    concurrency: 12,
  },
  vite: {
    build: {
      // The enhancement scripts go to files of their own in _astro/, fetched once and cached, not copied into every
      // page (Astro inlines a script under Vite's 4 KB limit); other assets keep Vite's default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  devToolbar: { enabled: false },
  integrations: [exportFiles(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex()],
});
