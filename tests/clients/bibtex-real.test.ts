// The exported BibTeX through the real programs: bibtex (plain.bst, every entry cited) and
// `biber --tool --validate-datamodel`. Our own fixtures must give no warning at all; for real inputs, every warning
// on the export must be explained: the same warning on the original file, data the input itself lacks, both of
// two conflicting fields given by the input, the input's own fields kept verbatim in extra, the input's own value
// or field refused by the same check there, or a field biber's @misc lacks on a type the type table writes as @misc.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatBibtexEntry, joinBibtex } from '../../src/formats/bibtex';
import { readBibtex } from '../../src/formats/bibtex-import';
import { COMMON_PAPERS, HOSTILE_TITLES } from '../helpers/bibtex-fixtures';
import { parseEntries } from '../helpers/bibtex-survival';
import { runBiber, runBibtex, runLatex } from '../helpers/bibtex-tools';
import { makePapers, type TestPaper } from '../helpers/model';
import { BEEBE } from '../helpers/real-sources';

/** Writes test papers as one .bib file, the way the site's whole-bibliography export does. */
async function exportPapers(files: TestPaper[]): Promise<{ bib: string; keys: string[] }> {
  const papers = await makePapers(files);
  return {
    bib: joinBibtex(
      papers.map((paper) => formatBibtexEntry(paper, { siteFields: false })),
      'Bibshelf test export',
    ),
    keys: papers.map((paper) => paper.key),
  };
}

/** The keys bibtex wrote a \bibitem for. */
const bibitems = (bbl: string) => [...bbl.matchAll(/\\bibitem\{([^}]+)\}/g)].map((match) => match[1]).sort();

describe('the checks themselves', () => {
  it('see a bibtex error, a bibtex warning and a biber warning when there is one', () => {
    const broken = runBibtex('@article{a, title = {Unclosed, year = 2000}\n@article{b, title = {T}}\n');
    expect(broken.errors.length + broken.warnings.length).toBeGreaterThan(0);
    expect(runBibtex('@article{b, title = {T}, year = 2000}\n').warnings.join('\n')).toMatch(/empty author in b/);
    expect(runBiber('@article{b, title = {T}, year = 2000}\n').warnings.join('\n')).toMatch(
      /Missing mandatory field 'author'/,
    );
  });
});

describe('our own fixtures', () => {
  it('every common type: no error and no warning from bibtex or biber, every entry formatted', async () => {
    const { bib, keys } = await exportPapers(COMMON_PAPERS);
    const bibtex = runBibtex(bib);
    expect(bibtex.errors, bibtex.log).toEqual([]);
    expect(bibtex.warnings, bibtex.log).toEqual([]);
    expect(bibitems(bibtex.bbl)).toEqual([...keys].sort());
    const biber = runBiber(bib);
    expect(biber.errors, biber.log).toEqual([]);
    // One known exception: an edited book (CSL book with editors, no author) is BibTeX's @book, whose biber data
    // model wants an author; biblatex's own type for it, @collection, is no classic BibTeX type.
    expect(biber.warnings, biber.log).toEqual([
      "WARN - Datamodel: Entry 'indurkhya2010handbook' (refs.bib): Missing mandatory field 'author'",
    ]);
  });

  it('hostile titles, names and notes: still one entry each, no error, no warning', async () => {
    const { bib, keys } = await exportPapers(
      HOSTILE_TITLES.map((title, index) => ({
        file: `hostile-${index}.md`,
        frontMatter: {
          type: 'document',
          title,
          authors: [{ family: title, given: 'Jo and Mo' }],
          note: title,
          date: '2020',
          url: 'https://example.org/a%20b?x={y}#z',
          doi: '10.1000/a_b#c%d~e$f',
        },
      })),
    );
    const bibtex = runBibtex(bib);
    expect(bibtex.errors, bibtex.log).toEqual([]);
    expect(bibtex.warnings, bibtex.log).toEqual([]);
    expect(bibitems(bibtex.bbl)).toEqual([...keys].sort());
    // plain.bst printed the note: the injected "note = {" is text inside it, not a field of its own.
    expect(bibtex.bbl.replace(/\s+/g, ' ')).toContain(
      '\\newblock Closing \\textbraceright{}, note = \\textbraceleft{}injected\\textbraceright{} early',
    );
    const biber = runBiber(bib);
    expect(biber.errors, biber.log).toEqual([]);
    expect(biber.warnings, biber.log).toEqual([]);
  });
});

describe('dates and names through the real programs', () => {
  it('year-only, month, day, range and circa dates and every kind of name: no error, no warning', async () => {
    const names = [
      { family: 'Berg', given: 'Hans', particle: 'von der', suffix: 'Jr.' },
      { literal: 'World Health Organization' },
      { literal: 'Barnes and Noble, Inc.' },
      { family: 'Smith and Sons', given: 'Anna' },
      { family: 'Lloyd Webber' },
    ];
    const dates = ['1850', '1999-12', '2024-02-29', '2023-11/2024-02', '1850~', '2024-05-20/2024-05-24'];
    const { bib, keys } = await exportPapers(
      dates.map((date, index) => ({
        file: `date-${index}.md`,
        frontMatter: {
          type: 'document',
          title: `Dated ${date}`,
          authors: names,
          authorsTruncated: index % 2 === 0,
          date,
        },
      })),
    );
    const bibtex = runBibtex(bib);
    expect(bibtex.errors, bibtex.log).toEqual([]);
    expect(bibtex.warnings, bibtex.log).toEqual([]);
    expect(bibitems(bibtex.bbl)).toEqual([...keys].sort());
    // plain.bst prints the year and month of each date, and "et~al." (others) for a truncated list.
    const bbl = bibtex.bbl.replace(/\s+/g, ' ');
    expect(bbl).toContain('December 1999');
    expect(bbl).toContain('et~al.');
    const biber = runBiber(bib);
    expect(biber.errors, biber.log).toEqual([]);
    expect(biber.warnings, biber.log).toEqual([]);
  });

  it('an undated work: biber asks for the date the data lacks, nothing else', async () => {
    const { bib } = await exportPapers([
      { frontMatter: { type: 'document', title: 'Undated', authors: ['Ada Lovelace'] } },
    ]);
    expect(runBibtex(bib).warnings).toEqual([]);
    expect(runBiber(bib).warnings).toEqual([
      "WARN - Datamodel: Entry 'lovelacendundated' (refs.bib): Missing mandatory field - one of 'date, year' must be defined",
    ]);
  });
});

/** A warning's entry key and the fields it is about. */
interface Parsed {
  key?: string;
  kind: 'missing' | 'conflict' | 'invalid' | 'value' | 'other';
  fields: string[];
}

/** Reads a bibtex or biber warning line. */
function parseWarning(line: string): Parsed {
  let match = /^Warning--empty (\w+)(?: and (\w+))? in (\S+)$/.exec(line);
  if (match) return { key: match[3], kind: 'missing', fields: [match[1], match[2]].filter(Boolean) };
  match = /^Warning--to sort, need (.+?) in (\S+)$/.exec(line);
  if (match)
    return {
      key: match[2],
      kind: 'missing',
      fields: match[1].split(/, (?:or )?| or /).filter((name) => name !== 'key'),
    };
  match = /^Warning--can't use both (\w+) and (\w+) fields in (\S+)$/.exec(line);
  if (match) return { key: match[3], kind: 'conflict', fields: [match[1], match[2]] };
  match = /Entry '([^']+)' \([^)]*\): Missing mandatory field '(\w+)'/.exec(line);
  if (match) return { key: match[1], kind: 'missing', fields: [match[2]] };
  match = /Entry '([^']+)' \([^)]*\): (?:Field '(\w+)' invalid in data model|Invalid field '(\w+)' for entrytype)/.exec(
    line,
  );
  if (match) return { key: match[1], kind: 'invalid', fields: [match[2] ?? match[3]] };
  // A value biber checks: an ISBN, a month or a volume that is not a number.
  match = /^WARN - ISBN '.*' in entry '([^']+)' is invalid/.exec(line);
  if (match) return { key: match[1], kind: 'value', fields: ['isbn'] };
  match = /^WARN - legacy month field '.*' in entry '([^']+)' is not an integer/.exec(line);
  if (match) return { key: match[1], kind: 'value', fields: ['month'] };
  match = /Entry '([^']+)' \([^)]*\): (?:Invalid (\w+) in value of field|Invalid value of field) '(\w+)'/.exec(line);
  if (match) return { key: match[1], kind: 'value', fields: [match[3]] };
  return { kind: 'other', fields: [] };
}

// The fields biblatex and BibTeX take for one another, for "the input lacks it".
const SAME_FIELD: Record<string, string[]> = {
  journal: ['journal', 'journaltitle'],
  journaltitle: ['journal', 'journaltitle'],
  institution: ['institution', 'school'],
  school: ['institution', 'school'],
  year: ['year', 'date'],
  date: ['year', 'date'],
  address: ['address', 'location'],
  location: ['address', 'location'],
  // The field table reads school and institution as the publisher of the types that have no field of their own.
  publisher: ['publisher', 'institution', 'school'],
};

const REAL_FILES = [
  '/usr/share/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib',
  '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib',
  ...BEEBE,
];

describe.each(REAL_FILES)('the exported bibliography of %s', (file) => {
  it('gives no error, and every warning is explained', async () => {
    const input = readFileSync(file, 'utf8');
    const read = readBibtex(input, file);
    const { bib } = await exportPapers(
      read.entries.map((entry, index) => ({
        file: `entry-${index}.md`,
        frontMatter: entry.frontMatter,
        abstract: entry.abstract,
      })),
    );
    const original = parseEntries(input);
    const exported = parseEntries(bib);
    const extras = new Map(
      read.entries.map((entry) => [entry.key, Object.keys((entry.frontMatter.extra as object) ?? {})]),
    );
    const counts: Record<string, number> = {};
    const unexplained: string[] = [];
    const lines: string[] = [];
    for (const [tool, run] of [
      ['bibtex', runBibtex],
      ['biber', runBiber],
    ] as const) {
      const before = run(input);
      const after = run(bib);
      expect(after.errors, `${tool}: ${after.log}`).toEqual([]);
      const inputWarnings = new Set(before.warnings.map((line) => line.replace(/\(refs\.bib\)/, '')));
      // The same check failing on the same field of the same entry (or of its crossref parent) of the input: the
      // value is the input's (biber prints it as it reads it, so the texts may differ: "7\slash 9", "07\slash 09").
      const inputValues = new Set(
        before.warnings
          .map(parseWarning)
          .filter((warning) => warning.kind === 'value')
          .map((warning) => `${warning.key}/${warning.fields[0]}`),
      );
      const inputInvalid = new Set(
        before.warnings
          .map(parseWarning)
          .filter((warning) => warning.kind === 'invalid')
          .map((warning) => `${warning.key}/${warning.fields[0]}`),
      );
      const isInputInvalid = (warning: Parsed) =>
        (SAME_FIELD[warning.fields[0]] ?? warning.fields).some((name) => inputInvalid.has(`${warning.key}/${name}`));
      const isInputValue = (warning: Parsed) =>
        [warning.key, String(original.get(warning.key ?? '')?.fields.crossref ?? '')].some((key) =>
          inputValues.has(`${key}/${warning.fields[0]}`),
        );
      for (const line of after.warnings) {
        const warning = parseWarning(line);
        const fields = (original.get(warning.key ?? '')?.fields ?? {}) as Record<string, unknown>;
        const has = (name: string) => (SAME_FIELD[name] ?? [name]).some((alias) => fields[alias] !== undefined);
        let reason: string;
        if (inputWarnings.has(line.replace(/\(refs\.bib\)/, ''))) reason = 'also on the original input';
        else if (warning.kind === 'missing' && warning.key && warning.fields.every((name) => !has(name))) {
          reason = 'data the input lacks';
        } else if (warning.kind === 'conflict' && warning.fields.every(has)) reason = 'the input gives both fields';
        else if (warning.kind === 'value' && isInputValue(warning)) reason = "the input's own value, refused there too";
        else if (warning.kind === 'invalid' && isInputInvalid(warning)) {
          reason = "the input's field (under this or another name of it), refused on this type there too";
        } else if (warning.kind === 'invalid' && extras.get(warning.key ?? '')?.includes(warning.fields[0])) {
          reason = 'a field of the input kept verbatim in extra';
        } else if (
          warning.kind === 'invalid' &&
          exported.get(warning.key ?? '')?.type === 'misc' &&
          original.get(warning.key ?? '')?.type !== 'misc' &&
          has(warning.fields[0])
        ) {
          // The type table writes types BibTeX has no entry type for (@patent, @periodical…) as @misc +
          // entrysubtype; biber's @misc does not define some of their fields (a patent's number).
          reason = "the input's field, on a type the type table writes as @misc";
        } else {
          reason = 'UNEXPLAINED';
          unexplained.push(`${tool}: ${line}`);
        }
        counts[`${tool}: ${reason}`] = (counts[`${tool}: ${reason}`] ?? 0) + 1;
        lines.push(`${tool} [${reason}] ${line}`);
      }
      counts[`${tool}: warnings on the original input`] = before.warnings.length;
    }
    console.log(`${file}: export warnings by reason ${JSON.stringify(counts, null, 1)}\n${lines.join('\n')}`);
    expect(unexplained).toEqual([]);
  });
});

describe("xampl.bib's export typeset by LaTeX", () => {
  it('defines the commands its verbatim fields use (its @preamble), so LaTeX stops on nothing', async () => {
    const file = REAL_FILES[1];
    const read = readBibtex(readFileSync(file, 'utf8'), file);
    const { bib } = await exportPapers(
      read.entries.map((entry, index) => ({ file: `entry-${index}.md`, frontMatter: entry.frontMatter })),
    );
    const latex = runLatex(bib);
    expect(latex.errors, latex.log).toEqual([]);
    // bibtex put the definitions first, and the entries use them: the years and keys as xampl.bib wrote them.
    const bbl = latex.bbl.replace(/\s+/g, ' ');
    expect(bbl.indexOf('\\providecommand{\\noopsort}[1]{}')).toBeLessThan(bbl.indexOf('\\bibitem'));
    expect(bbl).toContain('{\\noopsort{1973a}}{\\switchargs{--90}{1968}}');
    // The same export without its preamble (as the site wrote it before) does not typeset.
    const without = runLatex(bib.replace(/^@preamble\{.*\}\n\n/m, ''));
    expect(without.errors.join('\n')).toMatch(/Undefined control sequence/);
  });
});
