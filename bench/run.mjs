// npm run bench -- --papers 1000,10000 [--runs N] [--keep] [--json path] [--strict]
// Builds the full site and a bare-Astro baseline from the same N synthetic papers and compares them; also builds
// the floor (the baseline plus one-line export files and the search index), the least any build of the site can take.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSyntheticPapers } from './synthetic.mjs';
import { folderBytes, pageAssetBytes, runMeasured, summarizeBuilds } from './measure.mjs';
import { timeFirstQuery } from './search-query.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TARGETS = { ratio: 1.3, peakRssBytes: 2 * 1024 ** 3, linearity: 11, paperHtmlBytes: 20 * 1024 };

function parseArgs(argv) {
  const options = { papers: [], runs: 1, keep: false, strict: false, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--papers') options.papers.push(...argv[++i].split(',').map(Number));
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--strict') options.strict = true;
    else if (argv[i] === '--json') options.json = argv[++i];
    else throw new Error(`Unknown option ${argv[i]}. Use --papers N[,N…] [--runs N] [--keep] [--json path] [--strict]`);
  }
  if (options.papers.length === 0) options.papers = [1000, 10000];
  if (options.papers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--papers takes positive integers');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive integer');
  return options;
}

async function build(label, args, env) {
  // Each build starts with the previous one's output on disk, so the kernel's write-back of hundreds of megabytes
  // does not overlap the next build's own file writes. (`sync` is on Linux and macOS.)
  execFileSync('sync');
  const result = await runMeasured(process.execPath, [ASTRO, 'build', ...args], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.log.slice(-4000)}`);
  return result;
}

// The three builds of a round, in the order they run: the small ones first, so the 840 MB the full build writes at
// 10,000 papers cannot slow them down. The floor (bench/baseline/astro.config.mjs) is the bare baseline plus what
// every build of the site must do whatever its pages hold: three export files per paper and the Pagefind index.
const KINDS = [
  { name: 'baseline', root: join(ROOT, 'bench/baseline'), env: {} },
  { name: 'floor', root: join(ROOT, 'bench/baseline'), env: { BIBSHELF_BENCH_FLOOR: '1' } },
  { name: 'full', root: ROOT, env: {} },
];

async function measure(count, runs, keep) {
  const work = mkdtempSync(join(tmpdir(), `bibshelf-bench-${count}-`));
  const papersDir = join(work, 'papers');
  mkdirSync(papersDir);
  for (const paper of makeSyntheticPapers(count)) writeFileSync(join(papersDir, `${paper.id}.md`), paper.text);
  const builds = Object.fromEntries(KINDS.map((kind) => [kind.name, []]));
  for (let run = 0; run < runs; run++) {
    process.stdout.write(`  ${count} papers${runs > 1 ? `, run ${run + 1}/${runs}` : ''}:`);
    for (const kind of KINDS) {
      const outDir = join(work, kind.name);
      rmSync(outDir, { recursive: true, force: true });
      const result = await build(kind.name, ['--root', kind.root, '--outDir', outDir], {
        ...kind.env,
        BIBSHELF_PAPERS_DIR: papersDir,
        // A fresh cache folder every time: every build is cold.
        BIBSHELF_CACHE_DIR: join(work, `cache-${kind.name}-${run}`),
      });
      builds[kind.name].push(result);
      process.stdout.write(` ${kind.name} ${result.seconds.toFixed(1)} s`);
    }
    process.stdout.write('\n');
  }
  const [baseline, floor, full] = KINDS.map((kind) => summarizeBuilds(builds[kind.name]));
  const fullOut = join(work, 'full');
  const pagePath = join(fullOut, 'papers/synthetic-000000/index.html');
  const html = readFileSync(pagePath, 'utf8');
  const assets = pageAssetBytes(html, fullOut);
  const result = {
    papers: count,
    full: { ...full, outputBytes: folderBytes(fullOut) },
    baseline: { ...baseline, outputBytes: folderBytes(join(work, 'baseline')) },
    floor,
    ratio: full.seconds / baseline.seconds,
    floorRatio: floor.seconds / baseline.seconds,
    paperPage: { htmlBytes: Buffer.byteLength(html), cssBytes: assets.css, jsBytes: assets.js },
    homePageBytes: statSync(join(fullOut, 'index.html')).size,
    pagefindBytes: folderBytes(join(fullOut, 'pagefind')),
    // A word in nearly every synthetic abstract (worst case: every page matches) and a family name (~2% of papers).
    firstQueryMs: {
      common: await timeFirstQuery(fullOut, 'attention'),
      name: await timeFirstQuery(fullOut, 'Kowalski'),
    },
  };
  if (keep) console.log(`  kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return result;
}

const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const ms = (value) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function evaluate(results) {
  const checks = [];
  for (const run of results) {
    checks.push([
      `${run.papers}: full/baseline time <= ${TARGETS.ratio}`,
      run.ratio <= TARGETS.ratio,
      run.ratio.toFixed(2),
    ]);
    checks.push([
      `${run.papers}: peak RSS <= 2 GB`,
      run.full.peakRssBytes <= TARGETS.peakRssBytes,
      mb(run.full.peakRssBytes),
    ]);
    checks.push([
      `${run.papers}: paper page <= 20 KB HTML`,
      run.paperPage.htmlBytes <= TARGETS.paperHtmlBytes,
      kb(run.paperPage.htmlBytes),
    ]);
  }
  const sorted = [...results].sort((a, b) => a.papers - b.papers);
  if (sorted.length >= 2) {
    const [small, large] = [sorted[0], sorted.at(-1)];
    const allowed = (TARGETS.linearity * large.papers) / small.papers / 10;
    const growth = large.full.seconds / small.full.seconds;
    checks.push([`time(${large.papers})/time(${small.papers}) <= ${allowed}`, growth <= allowed, growth.toFixed(2)]);
  }
  return checks;
}

const options = parseArgs(process.argv.slice(2));
console.log(
  `Bibshelf benchmark on ${process.version}, papers: ${options.papers.join(', ')}, ${options.runs} run(s) of each build` +
    (options.runs > 1 ? ' (median time, highest peak RSS)' : ''),
);
const results = [];
for (const count of options.papers) results.push(await measure(count, options.runs, options.keep));

console.log(
  '\n| papers | full (s) | baseline (s) | ratio | floor (s) | floor ratio | full peak RSS | baseline peak RSS | floor peak RSS | output | paper HTML | paper CSS | paper JS | home page | Pagefind | first query (common / name) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const run of results) {
  console.log(
    `| ${run.papers} | ${run.full.seconds.toFixed(1)} | ${run.baseline.seconds.toFixed(1)} | ${run.ratio.toFixed(2)} | ${run.floor.seconds.toFixed(1)} | ${run.floorRatio.toFixed(2)} | ${mb(run.full.peakRssBytes)} | ${mb(run.baseline.peakRssBytes)} | ${mb(run.floor.peakRssBytes)} | ${mb(run.full.outputBytes)} | ${kb(run.paperPage.htmlBytes)} | ${kb(run.paperPage.cssBytes)} | ${kb(run.paperPage.jsBytes)} | ${kb(run.homePageBytes)} | ${mb(run.pagefindBytes)} | ${ms(run.firstQueryMs.common)} / ${ms(run.firstQueryMs.name)} |`,
  );
}
const phase = (phases, name) => (phases[name] === undefined ? 'n/a' : `${phases[name].toFixed(1)} s`);
console.log('\nWhere the time goes (setup = content sync and build info; routes = rendering every page and file):');
for (const run of results) {
  for (const [label, build] of [
    ['full', run.full],
    ['baseline', run.baseline],
    ['floor', run.floor],
  ]) {
    console.log(
      `  ${run.papers} ${label}: setup ${phase(build.phases, 'setup')}, routes ${phase(build.phases, 'routes')}, search index ${phase(build.phases, 'search')}`,
    );
  }
}
const checks = evaluate(results);
console.log('\nTargets:');
for (const [name, pass, value] of checks) console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name} (measured ${value})`);
console.log(
  '\nFloor = the bare baseline plus three one-line export files per paper and the same Pagefind step over its pages:',
);
console.log('no build of the site can be faster. Measured floor / baseline and floor peak RSS:');
for (const run of results) {
  console.log(`  ${run.papers}: ${run.floorRatio.toFixed(2)}× the baseline, ${mb(run.floor.peakRssBytes)} peak RSS`);
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  results,
  checks,
};
const jsonPath = options.json ?? join(ROOT, 'bench/results/latest.json');
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nResults written to ${jsonPath}`);
if (options.strict && checks.some(([, pass]) => !pass)) process.exit(1);
