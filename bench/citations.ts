// npm run bench:citations -- [--papers 10000] [--citeproc 1000]
// Times citation formatting for N synthetic papers, once per build as the site does it: BibTeX, RIS and
// CSL-JSON for every paper, then the formatted APA/Vancouver styles for every paper. With --citeproc M, also
// formats the first M papers through citeproc (citation-js, the test oracle the styles were checked against) to
// compare speed and output.
import { formatBibtex } from '../src/lib/bibtex';
import { formatCitationStyles } from '../src/lib/citation-styles';
import { buildCitations } from '../src/lib/citations';
import { assignCitationKeys } from '../src/lib/citation-keys';
import { toCslItem } from '../src/lib/csl';
import { sortPapers } from '../src/lib/paper';
import { formatRis } from '../src/lib/ris';
import { formatWithCiteproc } from '../tests/helpers/citeproc';
import { parsePaperText } from '../tests/helpers/papers';
import { makeSyntheticPapers } from './synthetic.mjs';

/** The number after a command-line flag, or `fallback`. */
function option(flag: string, fallback: number): number {
  const index = process.argv.indexOf(flag);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const count = option('--papers', 10_000);
const citeprocCount = option('--citeproc', 0);
const papers = sortPapers(makeSyntheticPapers(count).map(({ id, text }) => parsePaperText(id, text)));
const url = (id: string) => `https://example.org/papers/${id}/`;

function time(label: string, work: () => unknown): number {
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  return ms;
}

console.log(`Citation formatting for ${count} synthetic papers (${process.version})`);
const keys = assignCitationKeys(papers);
time('citation keys', () => assignCitationKeys(papers));
const bibtex = time('BibTeX (every paper)', () =>
  papers.map((p) => formatBibtex(p, keys.get(p.id)!, { pageUrl: url(p.id) })),
);
time('RIS (every paper)', () => papers.map((p) => formatRis(p, keys.get(p.id)!, { pageUrl: url(p.id) })));
time('CSL-JSON (every paper)', () => papers.map((p) => JSON.stringify(toCslItem(p, keys.get(p.id)!, url(p.id)))));
const entries = papers.map((p) => ({ item: toCslItem(p, keys.get(p.id)!, url(p.id)), truncated: p.authorsTruncated }));
let styles = new Map<string, unknown>();
const styleMs = time('APA and Vancouver (every paper)', () => (styles = formatCitationStyles(entries)));
time('all forms + APA and Vancouver', () => buildCitations(papers, (p) => url(p.id)));
if (citeprocCount > 0) {
  const sample = entries.slice(0, citeprocCount);
  let oracle = new Map<string, unknown>();
  const citeprocMs = time(`APA and Vancouver via citeproc (${sample.length} papers)`, () => {
    oracle = formatWithCiteproc(sample);
  });
  const same = sample.filter(({ item }) => JSON.stringify(oracle.get(item.id)) === JSON.stringify(styles.get(item.id)));
  const perPaper = (ms: number, n: number) => `${((ms / n) * 1000).toFixed(0)} µs/paper`;
  console.log(
    `styles: ${perPaper(styleMs, entries.length)}, citeproc ${perPaper(citeprocMs, sample.length)}; ` +
      `identical output for ${same.length} of ${sample.length} papers`,
  );
}
console.log(
  bibtex < 1000
    ? `PASS  BibTeX for ${count} papers in well under a second`
    : `FAIL  BibTeX took ${bibtex.toFixed(0)} ms`,
);
