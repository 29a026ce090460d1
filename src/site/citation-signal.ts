// When a build's citations are formatted. A cold build formats them on worker threads, one per core, and the search
// index's own process is as CPU-bound and holds most of its memory while it indexes: run together they only share
// the cores, and their memory adds up to the build's peak. So the search index starts once the citations are done
// (at once from the cache on a rebuild) and indexes on the core the workers leave free, while the pages still render.
// The pages settle it and the search integration waits on it: a process slot (process-slot.ts).

import { createProcessSlot } from './process-slot';

/** One build's wait for its citations. */
export interface CitationSignal {
  /** Resolves once the citations are settled. */
  settled: Promise<void>;
  /** Settles them (again is harmless). */
  settle: () => void;
}

const slot = createProcessSlot<CitationSignal>('citationsSettled');

/** Starts a build's wait for its citations (the search integration, when the build starts) and returns it. */
export function resetCitationSignal(): CitationSignal {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const signal = { settled, settle };
  slot.set(signal);
  return signal;
}

/** Says that this build's citations are formatted, or failed (the pages report that); nothing if none is awaited. */
export function settleCitations(): void {
  slot.get()?.settle();
}
