// The bare-Astro baseline of the benchmark: the same paper files, one plain page each, no features.
// With BIBSHELF_BENCH_SEARCH=1 it also runs Bibshelf's search-index step (the same integration as the site) over
// its pages: the "floor", the least any build that makes a Pagefind index in `astro build` can take.
import { defineConfig } from 'astro/config';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';

export default defineConfig({
  devToolbar: { enabled: false },
  // Each benchmark build gets a fresh cache folder, so the baseline is as cold as the full build.
  ...(process.env.BIBSHELF_CACHE_DIR ? { cacheDir: process.env.BIBSHELF_CACHE_DIR } : {}),
  integrations: process.env.BIBSHELF_BENCH_SEARCH === '1' ? [pagefindIndex()] : [],
});
