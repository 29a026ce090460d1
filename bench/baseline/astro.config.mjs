// The bare-Astro baseline of the benchmark: the same paper files through Astro's own glob loader (markdown rendered
// at content sync), one plain page per paper, and as many filler pages as the full site has other HTML pages
// (BIBSHELF_BENCH_FILLER_PAGES, set by bench/run.mjs from the full build's output), so both builds write the same
// number of pages. No integrations, no styles, no feeds, no exports, no search: what any Astro site of that many
// pages costs. BIBSHELF_CACHE_DIR gives each benchmark build its own cache folder (cold, or kept for a warm rebuild).
import { defineConfig } from 'astro/config';

export default defineConfig({
  devToolbar: { enabled: false },
  ...(process.env.BIBSHELF_CACHE_DIR ? { cacheDir: process.env.BIBSHELF_CACHE_DIR } : {}),
});
