// The bare-Astro baseline of the benchmark: the same paper files, one plain page each, no features.
// With BIBSHELF_BENCH_FLOOR=1 it is the benchmark's "floor" instead: the same pages plus the two things every
// Bibshelf build has to do whatever it puts in them — three export files per paper (BibTeX, RIS, CSL-JSON; here
// one line each, as Astro endpoints like the site's) and the Pagefind index, made by the site's own integration —
// with the site's route concurrency. No build of the site can take less time than that.
import { defineConfig } from 'astro/config';
import site from '../../astro.config.mjs';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';

const floor = process.env.BIBSHELF_BENCH_FLOOR === '1';

/** Adds the floor's export-file endpoint (`/papers/<id>.<format>`). */
function floorExports() {
  return {
    name: 'bench-floor-exports',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/papers/[id].[format]', entrypoint: new URL('./floor-exports.ts', import.meta.url) });
      },
    },
  };
}

export default defineConfig({
  devToolbar: { enabled: false },
  // Each benchmark build gets a fresh cache folder, so the baseline is as cold as the full build.
  ...(process.env.BIBSHELF_CACHE_DIR ? { cacheDir: process.env.BIBSHELF_CACHE_DIR } : {}),
  ...(floor
    ? { build: { concurrency: site.build?.concurrency }, integrations: [floorExports(), pagefindIndex()] }
    : {}),
});
