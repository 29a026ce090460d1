// Worker thread entry of the citation formatter: formats batches of items with one citeproc-js engine per style.
// Plain JavaScript that Node loads from the source tree, so it works the same when the module that starts it was
// bundled by Vite (`astro build`); see `defaultWorkerFile` in index.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './engine.mjs';

/** @type {{ style: string; lang: string; locales: Record<string, string> }[]} */
const specs = workerData.specs;
/** @type {(ReturnType<typeof createEngine> | undefined)[]} */
const engines = [];

function engineFor(index) {
  const spec = specs[index];
  engines[index] ??= createEngine(spec.style, spec.lang, (name) => {
    // The main thread built this engine first and recorded every locale it asked for.
    const locale = spec.locales[name];
    if (locale === undefined) throw new Error(`locale "${name}" was not recorded for this style`);
    return JSON.parse(locale);
  });
  return engines[index];
}

parentPort.on('message', ({ task, style, items }) => {
  try {
    parentPort.postMessage({ task, html: engineFor(style).format(items) });
  } catch (error) {
    parentPort.postMessage({ task, error: error instanceof Error ? error.message : String(error) });
  }
});
