// When a build's citations are formatted. A cold build formats them on worker threads, one per core, and the search
// index's own process is as CPU-bound and holds most of its memory while it indexes: run together they only share
// the cores, and their memory adds up to the build's peak. So the search index starts once the citations are done
// (at once from the cache on a rebuild) and indexes on the core the workers leave free, while the pages still render.
// The pages and the integrations load separate copies of the site's modules (the page bundle and Astro's config
// loader), so the signal lives on the process's global object.

const SIGNAL = Symbol.for('bibshelf.citationsSettled');

type Signal = { settled: Promise<void>; settle: () => void };

const slot = globalThis as Record<symbol, Signal | undefined>;

function createSignal(): Signal {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { settled, settle };
}

/** Starts a build's wait for its citations (the search integration, when the build starts). */
export function resetCitationSignal(): void {
  slot[SIGNAL] = createSignal();
}

/** Says that this build's citations are formatted, or failed (the pages report that), or will not be. */
export function settleCitations(): void {
  (slot[SIGNAL] ??= createSignal()).settle();
}

/** Resolves when this build's citations are settled. */
export function waitForCitations(): Promise<void> {
  return (slot[SIGNAL] ??= createSignal()).settled;
}
