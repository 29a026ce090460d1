// The benchmark's targets (issue #16) and how measured figures are judged against them: a pure function from the
// figures of one `npm run bench` to table rows with PASS/FAIL and the exit code of `--strict`.

const MB = 1024 ** 2;

/** The targets, judged at the largest paper count of a run (10,000 in `npm run bench -- --papers 1000,10000`). */
export const TARGETS = {
  /** Full cold build time ÷ the bare-Astro baseline's cold build time. */
  coldRatio: 1.6,
  /** Warm rebuild (cache kept, nothing changed) ÷ the baseline's warm rebuild. */
  warmRatio: 1.3,
  /** Highest resident memory of the build's whole process tree. */
  peakRssBytes: 2.5 * 1024 ** 3,
  /** time(large) ÷ time(small) may grow at most as the paper count does (10 for 1,000 → 10,000). */
  linearity: 1,
  /** Everything the build writes. */
  outputBytes: 250 * MB,
  /** The median paper page's HTML. */
  paperHtmlBytes: 20 * 1024,
  /** Time to the first result in Chromium for a word in nearly every abstract. */
  firstSearchCommonMs: 2000,
  /** Time to the first result in Chromium for a name. */
  firstSearchNameMs: 1000,
};

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (value) => `${value.toFixed(2)}×`;

/**
 * Judges figures against the targets. `runs` holds one entry per paper count: `{ papers, full: { seconds,
 * warmSeconds, peakRssBytes, outputBytes }, baseline: { seconds, warmSeconds }, paperPage: { htmlBytes, readable },
 * search?: { commonMs, nameMs } }` (`readable`: the page's title and abstract are in its HTML, so no script is needed
 * to read it; `search`: first search times, absent when there was no browser to measure them). Returns the rows
 * (`{ figure, measured, target, pass }`) and the exit code of `--strict` (1 when any row fails, or there is no run).
 */
export function evaluateTargets(runs, targets = TARGETS) {
  if (runs.length === 0) return { rows: [], exitCode: 1 };
  const sorted = [...runs].sort((a, b) => a.papers - b.papers);
  const large = sorted.at(-1);
  const at = `at ${large.papers.toLocaleString('en-US')}`;
  const rows = [];
  const row = (figure, value, limit, shown, shownLimit) =>
    rows.push({ figure, measured: shown(value), target: `≤ ${shownLimit ?? shown(limit)}`, pass: value <= limit });
  row(`full cold build ÷ baseline ${at}`, large.full.seconds / large.baseline.seconds, targets.coldRatio, times);
  row(
    `warm rebuild ÷ baseline warm ${at}`,
    large.full.warmSeconds / large.baseline.warmSeconds,
    targets.warmRatio,
    times,
  );
  row(`peak RSS ${at}`, large.full.peakRssBytes, targets.peakRssBytes, mb);
  if (sorted.length >= 2) {
    const small = sorted[0];
    const allowed = (targets.linearity * large.papers) / small.papers;
    row(`time(${large.papers}) ÷ time(${small.papers})`, large.full.seconds / small.full.seconds, allowed, (value) =>
      value.toFixed(2),
    );
  }
  row(`output size ${at}`, large.full.outputBytes, targets.outputBytes, mb);
  row(`paper page HTML (median) ${at}`, large.paperPage.htmlBytes, targets.paperHtmlBytes, kb);
  rows.push({
    figure: 'paper page readable without JavaScript',
    measured: large.paperPage.readable ? 'yes' : 'no',
    target: 'yes',
    pass: large.paperPage.readable === true,
  });
  const ms = (value) => `${Math.round(value)} ms`;
  if (large.search) {
    row(`first search, common word, ${at}`, large.search.commonMs, targets.firstSearchCommonMs, ms);
    row(`first search, name, ${at}`, large.search.nameMs, targets.firstSearchNameMs, ms);
  } else {
    for (const kind of ['common word', 'name'])
      rows.push({ figure: `first search, ${kind}, ${at}`, measured: 'not measured', target: 'measured', pass: false });
  }
  return { rows, exitCode: rows.every((entry) => entry.pass) ? 0 : 1 };
}

/** The rows as a markdown table. */
export function formatTargetTable(rows) {
  return [
    '| figure | measured | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (entry) => `| ${entry.figure} | ${entry.measured} | ${entry.target} | ${entry.pass ? 'PASS' : 'FAIL'} |`,
    ),
  ].join('\n');
}
