// npm run bench:citations -- [--papers 10000] [--workers N] [--breakdown [M]] [--strict]
// Times the citation formatter (src/formats/styles) on N synthetic papers in the five default styles: a cold run
// (empty cache, worker threads on every core) and a warm run (a new formatter on the same cache, as the next build
// would), each in wall time from creating the formatter to having every citation, per paper per style.
// --breakdown M profiles one thread on the first M papers (default 1,000): where citeproc-js spends the time
// (registering each item vs rendering its entry), and what the formatter's choices cost or save: one item at a time
// vs batches of 100, and the style as prepared vs as shipped. --strict exits 1 if a target is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import CSL from 'citeproc';
import { load as loadYaml } from 'js-yaml';
import { hashText } from '../src/formats/styles/cache';
import { createCitationFormatter, DEFAULT_STYLES, type CslItem } from '../src/formats/styles';
import { loadCatalogLocale, loadCatalogStyle } from '../src/formats/styles/catalog';
import { prepareStyle } from '../src/formats/styles/sources';
import { makeSyntheticPapers } from './synthetic.mjs';

/** Targets in milliseconds per paper per style, wall time. */
const TARGETS = { cold: 0.5, warm: 0.02 };

const argv = process.argv.slice(2);
/** The number after a command-line flag, `fallback` if the flag is absent, `bare` if it has no number. */
function option(flag: string, fallback: number, bare = fallback): number {
  const index = argv.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  return Number.isFinite(value) ? value : bare;
}
const count = option('--papers', 10_000);
const workers = option('--workers', availableParallelism());
const breakdown = option('--breakdown', 0, 1000);
const strict = argv.includes('--strict');

interface SyntheticFrontMatter {
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  date: Date | string;
}

const JOURNALS = ['Journal of Machine Learning Research', 'Computational Linguistics', 'Neural Computation'];
const PARTICLES = /^(van der|van|von|de|di|da) (.+)$/;

/** A synthetic author ("Zoë van der Berg", "张伟") as a CSL name. */
function cslName(name: string): Record<string, string> {
  if (!name.includes(' ')) return { family: name.slice(0, 1), given: name.slice(1) };
  const space = name.indexOf(' ');
  const given = name.slice(0, space);
  const family = name.slice(space + 1);
  const particle = PARTICLES.exec(family);
  return particle ? { family: particle[2]!, given, 'non-dropping-particle': particle[1]! } : { family, given };
}

/** The synthetic papers (the old model's markdown files) as CSL items of varied types. */
function syntheticItems(n: number): CslItem[] {
  return makeSyntheticPapers(n).map(({ id, text }, index) => {
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const paper = loadYaml(front) as SyntheticFrontMatter;
    const date = new Date(paper.date);
    const author = paper.authors.map(cslName);
    if (paper.authorsTruncated) author.push({ literal: 'others' });
    const item: CslItem = {
      id,
      type: 'article-journal',
      title: paper.title,
      author,
      issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
      abstract: body.trim(),
    };
    const arxiv = `${String(date.getUTCFullYear()).slice(2)}${String(date.getUTCMonth() + 1).padStart(2, '0')}.${String(index).padStart(5, '0')}`;
    switch (index % 10) {
      case 0:
      case 1:
      case 2:
        Object.assign(item, {
          'container-title': JOURNALS[index % 3],
          volume: String(1 + (index % 40)),
          issue: String(1 + (index % 12)),
          page: `${100 + (index % 300)}-${120 + (index % 300)}`,
          DOI: `10.5555/synthetic.${index}`,
        });
        break;
      case 3:
        Object.assign(item, {
          type: 'paper-conference',
          'container-title': 'Proceedings of the Conference on Synthetic Benchmarks',
          publisher: 'Association for Computational Linguistics',
          page: `${1 + (index % 500)}-${10 + (index % 500)}`,
        });
        break;
      case 4:
        Object.assign(item, {
          type: 'article',
          publisher: 'arXiv',
          number: `arXiv:${arxiv}`,
          URL: `https://arxiv.org/abs/${arxiv}`,
        });
        break;
      case 5:
        Object.assign(item, { type: 'book', publisher: 'MIT Press', 'publisher-place': 'Cambridge, MA', edition: '2' });
        break;
      case 6:
        Object.assign(item, {
          type: 'chapter',
          'container-title': 'Handbook of Synthetic Papers',
          editor: [{ family: 'Editor', given: 'Eve' }],
          publisher: 'Springer',
          page: '1-20',
        });
        break;
      case 7:
        Object.assign(item, { type: 'thesis', genre: 'PhD thesis', publisher: 'University of Synthetic Studies' });
        break;
      case 8:
        Object.assign(item, { type: 'report', number: `TR-${index}`, publisher: 'Synthetic Institute' });
        break;
      default:
        Object.assign(
          item,
          [
            { type: 'dataset', version: '1.0', publisher: 'Zenodo', DOI: `10.5281/zenodo.${index}` },
            { type: 'software', version: '2.1.0', URL: `https://example.org/software/${index}` },
            {
              type: 'webpage',
              URL: `https://example.org/posts/${index}`,
              accessed: { 'date-parts': [[2024, 1, 5]] },
            },
          ][Math.floor(index / 10) % 3],
        );
    }
    return item;
  });
}

const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`;
const per = (value: number, pairs: number) => `${(value / pairs).toFixed(4)} ms per paper per style`;

console.log(`Citation formatter: ${count} synthetic papers × ${DEFAULT_STYLES.length} styles (${process.version})`);
let started = performance.now();
const items = syntheticItems(count);
console.log(`making CSL items                  ${ms(performance.now() - started)}`);
const pairs = items.length * DEFAULT_STYLES.length;
const cacheDir = mkdtempSync(join(tmpdir(), 'bibshelf-citations-bench-'));

started = performance.now();
const cold = createCitationFormatter({ styles: DEFAULT_STYLES, cacheDir, workers });
const created = performance.now() - started;
const coldOutput = await cold.format(items);
const coldMs = performance.now() - started;
await cold.close();
console.log(
  `cold: create ${ms(created)}, total ${ms(coldMs)}  ${per(coldMs, pairs)} (${cold.lastRun.workers} workers)`,
);

started = performance.now();
const warm = createCitationFormatter({ styles: DEFAULT_STYLES, cacheDir, workers });
const warmOutput = await warm.format(items);
const warmMs = performance.now() - started;
await warm.close();
console.log(`warm: total ${ms(warmMs)}  ${per(warmMs, pairs)} (${warm.lastRun.cached} of ${pairs} from the cache)`);
rmSync(cacheDir, { recursive: true, force: true });

const same = items.every((item) => JSON.stringify(coldOutput.get(item.id)) === JSON.stringify(warmOutput.get(item.id)));
if (!same) console.log('FAIL  warm output differs from cold output');

if (breakdown > 0) profile(items.slice(0, breakdown));

const results = [
  { name: 'cold', value: coldMs / pairs, target: TARGETS.cold },
  { name: 'warm', value: warmMs / pairs, target: TARGETS.warm },
];
for (const { name, value, target } of results) {
  console.log(
    `${value <= target ? 'PASS' : 'FAIL'}  ${name} ${value.toFixed(4)} ms per paper per style (target ≤ ${target})`,
  );
}
if (strict && (!same || results.some(({ value, target }) => value > target))) process.exit(1);

/** One thread, citeproc-js directly: where the time of a cold run goes, and what the formatter's choices save. */
function profile(sample: readonly CslItem[]): void {
  console.log(`\nBreakdown on one thread, ${sample.length} papers, ms per paper:`);
  console.log('                            formatter: prepared style, |  prepared,  | as shipped,');
  console.log('                            each item registered alone |  batches   | each alone');
  console.log('style                       register   render    total  |  of 100    |');
  const json = sample.map((item) => JSON.stringify(item));
  const hashStarted = performance.now();
  for (const text of json) hashText(text);
  const hashMs = (performance.now() - hashStarted) / sample.length;
  for (const { style } of DEFAULT_STYLES) {
    const shipped = loadCatalogStyle(style)!;
    const prepared = prepareStyle(shipped);
    const alone = timeAlone(prepared, sample);
    const batches = timeBatches(prepared, sample);
    const asShipped = timeAlone(shipped, sample);
    const cell = (value: number, width = 8) => value.toFixed(3).padStart(width);
    console.log(
      `${style.padEnd(28)}${cell(alone.register)} ${cell(alone.render)} ${cell(alone.register + alone.render)}  |` +
        `${cell(batches, 10)}  |${cell(asShipped.register + asShipped.render, 10)}`,
    );
  }
  console.log(`JSON + hash of an item (once for all styles): ${hashMs.toFixed(4)} ms`);
}

function engineFor(style: unknown, sample: readonly CslItem[]) {
  const byId = new Map(sample.map((item) => [item.id, item]));
  const engine = new CSL.Engine(
    { retrieveLocale: (name) => loadCatalogLocale(name), retrieveItem: (id) => byId.get(id) },
    structuredClone(style),
    'en-US',
    false,
  );
  engine.setOutputFormat('html');
  return engine;
}

/** As the formatter does: each item registered alone (updateItems) and rendered (makeBibliography). */
function timeAlone(style: unknown, sample: readonly CslItem[]): { register: number; render: number } {
  const engine = engineFor(style, sample);
  let register = 0;
  let render = 0;
  for (const item of sample) {
    const begun = performance.now();
    engine.updateItems([item.id], true);
    const registered = performance.now();
    engine.makeBibliography();
    render += performance.now() - registered;
    register += registered - begun;
  }
  return { register: register / sample.length, render: render / sample.length };
}

/**
 * The alternative: batches registered at once, unsorted, one makeBibliography each. It is no faster, and it would
 * need the style changed further to keep entries apart (no subsequent-author-substitute, citation number 1).
 */
function timeBatches(style: unknown, sample: readonly CslItem[]): number {
  const engine = engineFor(style, sample);
  const start = performance.now();
  for (let first = 0; first < sample.length; first += 100) {
    engine.updateItems(
      sample.slice(first, first + 100).map((item) => item.id),
      true,
    );
    engine.makeBibliography();
  }
  return (performance.now() - start) / sample.length;
}
