// The citeproc-js side of the citation formatter, shared by the main thread and the worker threads.
// Plain JavaScript so that worker.mjs can load it with Node directly, whether or not the rest of the module
// was bundled by Vite (engine.d.mts gives its types to the TypeScript side).
import { createRequire } from 'node:module';
import CSL from 'citeproc';

const require = createRequire(import.meta.url);

/** The engine's identity for cache keys: the citeproc npm version and the citeproc-js version it is built from. */
export const ENGINE_VERSION = `citeproc ${require('citeproc/package.json').version} (citeproc-js ${CSL.PROCESSOR_VERSION})`;

/** The output format the formatter uses: citeproc-js's "html" with one bug fixed (see below). */
export const OUTPUT_FORMAT = 'bibshelf-html';

// citeproc-js fills its HTML templates ("<i>%%STRING%%</i>") with `template.replace("%%STRING%%", text)`, which
// reads `$&`, `$$`, `` $` `` and `$'` in the text as replacement patterns: a title "Costs of $& …" in italics comes
// out as "Costs of %%STRING%%#38; …" (an escaped `$<` is `$&#60;`, so it is hit too). This registers citeproc-js's
// own HTML format with every such template filled by a function instead, which is the same output for all other
// text; under a name of its own, so the shared citeproc-js module's "html" stays as it is for everyone else.
// (Nothing in citeproc-js keys on the name "html" except a hack that is off by default.)
if (!CSL.Output.Formats[OUTPUT_FORMAT]) {
  const format = {};
  for (const [key, value] of Object.entries(CSL.Output.Formats.html)) {
    const single = typeof value === 'string' && key.startsWith('@') && value.includes('%%STRING%%');
    format[key] = single && !value.includes('%%PARAM%%') ? fillTemplate(value) : value;
  }
  CSL.Output.Formats[OUTPUT_FORMAT] = format;
}

function fillTemplate(template) {
  const at = template.indexOf('%%STRING%%');
  const before = template.slice(0, at);
  const after = template.slice(at + '%%STRING%%'.length);
  return (_state, text) => (text ? before + text + after : '');
}

/** Parses CSL XML into citeproc-js's JSON form with citeproc-js's own parser (what the engine does with XML). */
export function parseCslXml(xml) {
  return CSL.parseXml(xml);
}

/**
 * A citeproc-js engine for one style that formats items one at a time, each as the whole bibliography.
 * `style` is the style in citeproc-js's JSON form (a JSON string or object); `retrieveLocale` gives a locale in the
 * same form. Each item is registered alone (`updateItems([id])`) and rendered by `makeBibliography()`: the entry is
 * exactly what citeproc-js gives for that item alone, so nothing from one paper leaks into another's citation — no
 * year suffixes ("2020a") or added initials from disambiguation, no "———" for a repeated author list
 * (subsequent-author-substitute), and numbered styles number every entry 1. Registering one item at a time costs
 * about the same as batches (measured: bench/citations.ts --breakdown), which would need each of
 * those features switched off in the style instead.
 */
export function createEngine(style, lang, retrieveLocale) {
  let current = { id: '', json: '{}' };
  const sys = {
    retrieveLocale,
    // citeproc-js deep-copies what this returns, so parsing the item's JSON here is the only copy made.
    retrieveItem: (id) => {
      if (id !== current.id) throw new Error(`citeproc-js asked for item "${id}" while formatting "${current.id}"`);
      return JSON.parse(current.json);
    },
  };
  const build = () => {
    const built = new CSL.Engine(sys, typeof style === 'string' ? JSON.parse(style) : style, lang, false);
    built.setOutputFormat(OUTPUT_FORMAT);
    return built;
  };
  let engine = build();
  return {
    /** Raw citeproc-js HTML entries (`<div class="csl-entry">…`) for items given as `{ id, json }`, in order. */
    formatRaw(items) {
      // citeproc-js keeps the data of an id that stays registered: an item formatted again under the same id (a
      // changed paper in a later call) must not find its old self there.
      engine.updateItems([], true);
      const entries = [];
      for (const item of items) {
        current = item;
        try {
          engine.updateItems([item.id], true);
          const bibliography = engine.makeBibliography();
          entries.push(bibliography ? (bibliography[1][0] ?? '') : '');
        } catch (error) {
          // An exception can leave citeproc-js's state half-updated: the next item gets a new engine.
          engine = build();
          throw new Error(`citeproc-js failed on item "${item.id}": ${error instanceof Error ? error.message : error}`);
        }
      }
      return entries;
    },
    /** Citation HTML (see `entryHtml`) for items given as `{ id, json }`, in order. */
    format(items) {
      return this.formatRaw(items).map(entryHtml);
    },
  };
}

const ENTRY = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/;
const MARGIN = /^\s*<div class="csl-left-margin">[\s\S]*?<\/div><div class="csl-right-inline">([\s\S]*)<\/div>\s*$/;

/**
 * One citeproc-js bibliography entry as the HTML of a standalone citation: the inside of its `csl-entry` div,
 * without the left margin of styles that align a number or label there (IEEE's "[1]", Vancouver's "1."): that
 * number is a position in a reference list, and a citation on its own page is in none. Everything else, including
 * citeproc-js's escaping (`&#38;`) and blocks of styles with display attributes, is kept as citeproc-js wrote it.
 */
export function entryHtml(raw) {
  const entry = ENTRY.exec(raw);
  if (!entry) return raw.trim();
  const margin = MARGIN.exec(entry[1]);
  return (margin ? margin[1] : entry[1]).trim();
}
