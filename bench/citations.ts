// npm run bench:citations -- [--papers 10000]
// Times citation formatting for N synthetic papers, once per build as the site does it: BibTeX, RIS and
// CSL-JSON for every paper, then the formatted APA/Vancouver styles (citeproc) for every paper.
import { load as loadYaml } from 'js-yaml';
import { formatBibtex } from '../src/lib/bibtex';
import { buildCitations } from '../src/lib/citations';
import { assignCitationKeys } from '../src/lib/citation-keys';
import { toCslItem } from '../src/lib/csl';
import { sortPapers, toPaper } from '../src/lib/paper';
import { formatRis } from '../src/lib/ris';
import { paperSchema } from '../src/lib/schema';
import { makeSyntheticPapers } from './synthetic.mjs';

const index = process.argv.indexOf('--papers');
const count = index > 0 ? Number(process.argv[index + 1]) : 10_000;
const papers = sortPapers(
  makeSyntheticPapers(count).map(({ id, text }) => {
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    return toPaper({ id, data: paperSchema.parse(loadYaml(front)), body, html: `<p>${body.trim()}</p>` });
  }),
);
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
time('all forms + APA and Vancouver (citeproc)', () => buildCitations(papers, (p) => url(p.id)));
console.log(
  bibtex < 1000
    ? `PASS  BibTeX for ${count} papers in well under a second`
    : `FAIL  BibTeX took ${bibtex.toFixed(0)} ms`,
);
