// The part of citeproc-js (npm `citeproc`, which ships no types) that Bibshelf's TypeScript uses directly: the
// tests' independent oracle and the benchmark's breakdown. The formatter itself uses it from engine.mjs.
declare module 'citeproc' {
  /** The host functions citeproc-js calls. */
  interface Sys {
    retrieveLocale(lang: string): unknown;
    retrieveItem(id: string): unknown;
  }
  /** A citeproc-js processor for one style. */
  class Engine {
    constructor(sys: Sys, style: unknown, lang?: string, forceLang?: boolean);
    setOutputFormat(format: string): void;
    updateItems(ids: string[], nosort?: boolean): string[];
    makeBibliography(): [Record<string, unknown>, string[]] | false;
  }
  const CSL: { Engine: typeof Engine; PROCESSOR_VERSION: string };
  export default CSL;
}
