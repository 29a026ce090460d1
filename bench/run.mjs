// npm run bench -- --papers 1000,10000 [--runs N] [--keep] [--json path] [--strict]
//
// Builds the site from N synthetic papers (bench/synthetic.mjs) and compares it with a bare-Astro baseline and a
// Hugo peer built from the same files. Each round, for each paper count, in this order:
//   full cold    `astro build` of the site with a fresh cache folder (nothing cached: citations, content store);
//   full warm    the same build again with that cache folder kept and nothing changed (a rebuild), into an
//                empty output folder as a deploy that restores only the cache folder;
//   baseline     bench/baseline: the same paper files through Astro's glob loader, one plain page per paper, and
//                as many plain filler pages as the full build wrote other HTML pages (counted in its output), so
//                both write the same number of pages; no integrations, styles, feeds, exports or search. Cold with
//                a fresh cache folder, then warm with it kept, like the full build;
//   Hugo         the peer row (bench/hugo.mjs; Debian's `hugo`, which `scripts/install-system-deps.sh --bench`
//                installs): one page per paper, the list page, RSS. Skipped, saying so, when `hugo` is missing.
// Times are medians over the runs (wall clock, whole process tree); peak RSS is the highest of any run. The targets
// (bench/targets.mjs) are judged at the largest paper count; --strict exits 1 when one fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSyntheticPapers } from './synthetic.mjs';
import { writeHugoSite } from './hugo.mjs';
import { listFiles, pageAssetBytes, runMeasured, summarizeBuilds } from './measure.mjs';
import { evaluateTargets, formatTargetTable } from './targets.mjs';
import { formatSearchTiming, timeFirstSearch } from './search-timing.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const BASELINE = join(ROOT, 'bench/baseline');

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

/** Runs one measured build; throws with the log's end when it fails. */
async function measureBuild(label, command, args, env = {}) {
  // The previous build's output reaches the disk first, so its write-back does not slow this build's own writes.
  execFileSync('sync');
  const result = await runMeasured(command, args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.log.slice(-4000)}`);
  return result;
}

const astroBuild = (label, root, outDir, env) =>
  measureBuild(label, process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], env);

/** What the first-search measurement types: a word nearly every synthetic abstract has, and a family name. */
const SEARCH_QUERIES = { common: 'attention', name: 'Kowalski' };

const hasHugo = () => spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

/** What the output holds, in bytes: paper pages, other pages, feeds, export files, the search index, the rest. */
function describeOutput(outDir) {
  const parts = { paperPages: 0, otherPages: 0, feeds: 0, exports: 0, search: 0, other: 0 };
  const paperPages = [];
  let pages = 0;
  for (const { path, bytes } of listFiles(outDir)) {
    const name = relative(outDir, path);
    if (name.startsWith('pagefind/')) parts.search += bytes;
    else if (/^papers\/[^/]+\/index\.html$/.test(name)) {
      parts.paperPages += bytes;
      paperPages.push(bytes);
    } else if (name.endsWith('.html')) parts.otherPages += bytes;
    else if (name.endsWith('.xml') || name.endsWith('.xsl')) parts.feeds += bytes;
    else if (/\.(bib|ris|json)$/.test(name)) parts.exports += bytes;
    else parts.other += bytes;
    if (name.endsWith('.html')) pages++;
  }
  paperPages.sort((a, b) => a - b);
  const total = Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
  return {
    total,
    parts,
    pages,
    paperPageMedian: paperPages[Math.floor((paperPages.length - 1) / 2)] ?? 0,
    paperPageMax: paperPages.at(-1) ?? 0,
  };
}

/** The visible text of an HTML page outside scripts and styles, entities of the usual five decoded. */
function visibleText(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? "'")
    .replace(/\s+/g, ' ');
}

/** Whether a paper page can be read without scripts: its abstract's opening words are in the page as sent. */
function isReadable(html, paperText) {
  const abstract = paperText.split('\n---\n')[1]?.trim() ?? '';
  const opening = abstract.split(/\s+/).slice(0, 12).join(' ');
  return opening.length > 0 && visibleText(html).includes(opening);
}

async function measure(count, runs, keep) {
  const work = mkdtempSync(join(tmpdir(), `bibshelf-bench-${count}-`));
  const papersDir = join(work, 'papers');
  mkdirSync(papersDir);
  const papers = makeSyntheticPapers(count);
  for (const paper of papers) writeFileSync(join(papersDir, `${paper.id}.md`), paper.text);
  const hugo = hasHugo();
  if (hugo) writeHugoSite(papersDir, join(work, 'hugo-site'));
  const builds = { full: [], fullWarm: [], baseline: [], baselineWarm: [], hugo: [] };
  let fullOutput;
  for (let run = 0; run < runs; run++) {
    process.stdout.write(`  ${count} papers${runs > 1 ? `, run ${run + 1}/${runs}` : ''}:`);
    const note = (label, result) => process.stdout.write(` ${label} ${result.seconds.toFixed(1)} s`);
    const env = (name) => ({ BIBSHELF_PAPERS_DIR: papersDir, BIBSHELF_CACHE_DIR: join(work, `cache-${name}-${run}`) });

    const fullOut = join(work, 'full');
    rmSync(fullOut, { recursive: true, force: true });
    const cold = await astroBuild('full', ROOT, fullOut, env('full'));
    builds.full.push(cold);
    note('full', cold);
    fullOutput = describeOutput(fullOut);
    // A warm build starts from an empty output folder too, as a deploy restoring only the cache folder does.
    rmSync(fullOut, { recursive: true, force: true });
    const warm = await astroBuild('full warm', ROOT, fullOut, env('full'));
    builds.fullWarm.push(warm);
    note('warm', warm);

    const baselineOut = join(work, 'baseline');
    const fillerPages = Math.max(0, fullOutput.pages - count);
    const baselineEnv = { ...env('baseline'), BIBSHELF_BENCH_FILLER_PAGES: String(fillerPages) };
    rmSync(baselineOut, { recursive: true, force: true });
    const baseline = await astroBuild('baseline', BASELINE, baselineOut, baselineEnv);
    builds.baseline.push(baseline);
    note('baseline', baseline);
    rmSync(baselineOut, { recursive: true, force: true });
    const baselineWarm = await astroBuild('baseline warm', BASELINE, baselineOut, baselineEnv);
    builds.baselineWarm.push(baselineWarm);
    note('warm', baselineWarm);
    const baselinePages = describeOutput(baselineOut).pages;
    if (baselinePages !== fullOutput.pages) {
      throw new Error(`The baseline wrote ${baselinePages} pages, the full build ${fullOutput.pages}`);
    }

    if (hugo) {
      const hugoOut = join(work, 'hugo');
      rmSync(hugoOut, { recursive: true, force: true });
      rmSync(join(work, 'hugo-site/resources'), { recursive: true, force: true });
      const result = await measureBuild('Hugo', 'hugo', [
        '--quiet',
        '--source',
        join(work, 'hugo-site'),
        '--destination',
        hugoOut,
      ]);
      builds.hugo.push(result);
      note('hugo', result);
    }
    process.stdout.write('\n');
  }
  const summary = Object.fromEntries(
    Object.entries(builds).map(([name, list]) => [name, list.length ? summarizeBuilds(list) : undefined]),
  );
  const fullOut = join(work, 'full');
  const html = readFileSync(join(fullOut, `papers/${papers[0].id}/index.html`), 'utf8');
  const assets = pageAssetBytes(html, fullOut);
  const hugoOutput = hugo ? describeOutput(join(work, 'hugo')) : undefined;
  // The first search in Chromium on the last full build: a word in nearly every abstract, and a family name.
  const search = await timeFirstSearch(fullOut, { queries: Object.values(SEARCH_QUERIES), runs });
  const result = {
    papers: count,
    pages: fullOutput.pages,
    full: {
      seconds: summary.full.seconds,
      warmSeconds: summary.fullWarm.seconds,
      runs: summary.full.runs,
      warmRuns: summary.fullWarm.runs,
      peakRssBytes: Math.max(summary.full.peakRssBytes, summary.fullWarm.peakRssBytes),
      outputBytes: fullOutput.total,
      output: fullOutput.parts,
      phases: summary.full.phases,
      warmPhases: summary.fullWarm.phases,
    },
    baseline: {
      seconds: summary.baseline.seconds,
      warmSeconds: summary.baselineWarm.seconds,
      runs: summary.baseline.runs,
      warmRuns: summary.baselineWarm.runs,
      peakRssBytes: Math.max(summary.baseline.peakRssBytes, summary.baselineWarm.peakRssBytes),
      phases: summary.baseline.phases,
    },
    hugo: summary.hugo && {
      seconds: summary.hugo.seconds,
      runs: summary.hugo.runs,
      peakRssBytes: summary.hugo.peakRssBytes,
      outputBytes: hugoOutput.total,
      pages: hugoOutput.pages,
    },
    paperPage: {
      htmlBytes: fullOutput.paperPageMedian,
      maxHtmlBytes: fullOutput.paperPageMax,
      firstHtmlBytes: Buffer.byteLength(html),
      cssBytes: assets.css,
      jsBytes: assets.js,
      readable: isReadable(html, papers[0].text),
    },
    search: search && {
      commonMs: search[SEARCH_QUERIES.common].firstResultMs,
      nameMs: search[SEARCH_QUERIES.name].firstResultMs,
      timing: search,
    },
  };
  if (keep) console.log(`  kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return result;
}

const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (seconds) => (seconds === undefined ? 'n/a' : `${seconds.toFixed(1)} s`);

const options = parseArgs(process.argv.slice(2));
console.log(
  `Bibshelf benchmark on Node ${process.version}, ${cpus().length} cores, papers: ${options.papers.join(', ')}, ` +
    `${options.runs} run(s) of each build${options.runs > 1 ? ' (median time, highest peak RSS)' : ''}`,
);
if (!hasHugo()) {
  console.log('  Hugo is not installed: no peer row (`bash scripts/install-system-deps.sh --bench` installs it).');
}
const results = [];
for (const count of options.papers) results.push(await measure(count, options.runs, options.keep));

console.log('\n| papers | pages | build | cold | warm | cold ÷ baseline | warm ÷ baseline | peak RSS | output |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const run of results) {
  const { full, baseline, hugo } = run;
  console.log(
    `| ${run.papers} | ${run.pages} | Bibshelf | ${s(full.seconds)} | ${s(full.warmSeconds)} | ${(full.seconds / baseline.seconds).toFixed(2)}× | ${(full.warmSeconds / baseline.warmSeconds).toFixed(2)}× | ${mb(full.peakRssBytes)} | ${mb(full.outputBytes)} |`,
  );
  console.log(
    `| ${run.papers} | ${run.pages} | bare Astro | ${s(baseline.seconds)} | ${s(baseline.warmSeconds)} | 1.00× | 1.00× | ${mb(baseline.peakRssBytes)} | |`,
  );
  if (hugo) {
    console.log(
      `| ${run.papers} | ${hugo.pages} | Hugo | ${s(hugo.seconds)} | | ${(hugo.seconds / baseline.seconds).toFixed(2)}× | | ${mb(hugo.peakRssBytes)} | ${mb(hugo.outputBytes)} |`,
    );
  }
}

console.log('\nWhere the time goes in the full cold build (from the build log; routes = rendering pages and feeds):');
for (const run of results) {
  for (const [label, phases] of [
    ['cold', run.full.phases],
    ['warm', run.full.warmPhases],
    ['baseline', run.baseline.phases],
  ]) {
    console.log(
      `  ${run.papers} ${label}: content sync ${s(phases.content)}, setup ${s(phases.setup)}, bundle ${s(phases.bundle)}, ` +
        `routes ${s(phases.routes)}, export files ${s(phases.exports)}, search index ${s(phases.search)}`,
    );
  }
}
console.log('\nWhere the bytes go:');
for (const run of results) {
  const parts = run.full.output;
  console.log(
    `  ${run.papers}: paper pages ${mb(parts.paperPages)}, other pages ${mb(parts.otherPages)}, feeds ${mb(parts.feeds)}, ` +
      `export files ${mb(parts.exports)}, search index ${mb(parts.search)}, other ${mb(parts.other)}`,
  );
  const page = run.paperPage;
  console.log(
    `  paper page: median ${kb(page.htmlBytes)}, largest ${kb(page.maxHtmlBytes)} HTML; ${kb(page.cssBytes)} CSS, ${kb(page.jsBytes)} JS`,
  );
}

console.log("\nFirst search in Chromium (median of the runs; breakdown from Pagefind's API):");
for (const run of results) {
  if (!run.search) console.log(`  ${run.papers}: no Chromium (set CHROMIUM_PATH), not measured`);
  else console.log(`  ${run.papers}: ${formatSearchTiming(run.search.timing).replaceAll('\n', `\n  ${run.papers}: `)}`);
}

const { rows, exitCode } = evaluateTargets(results);
console.log(`\nTargets at ${Math.max(...options.papers)} papers:\n`);
console.log(formatTargetTable(rows));

const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, results, targets: rows };
const jsonPath = options.json ?? join(ROOT, 'bench/results/latest.json');
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nResults written to ${jsonPath}`);
if (options.strict) process.exitCode = exitCode;
