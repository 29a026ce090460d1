// Real bibliographies nobody here wrote, as RIS and CSL-JSON made at test time by other programs (bibutils' xml2ris
// and citation-js, from TeX Live's .bib files; see tests/helpers/real-sources.ts): every record must be read and
// validate, writing the papers back must keep what the file said, and reading the written file must give the same
// front matter. "Kept" is measured on the original file's (record, tag) and (item, variable) pairs, with an
// independent tokenizer (citation-js's RIS line parser) and plain JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSL_FIELDS } from '../../src/domain/fields';
import { formatCslJson, readCslJson, toCslJson } from '../../src/formats/csl-json';
import { formatRisRecord, joinRis, readRis } from '../../src/formats/ris';
import {
  BIBLATEX_EXAMPLES,
  XAMPL,
  cslFromBibtex,
  docBibliographies,
  readUtf8,
  risFromBibtex,
  shortName,
} from '../helpers/real-sources';
import { cslSurvival, logSurvival, risPairs, risSurvival, type Survival } from '../helpers/format-survival';
import { papersFromEntries, withoutGeneratedKey } from './entries';

// More real RIS files can be measured without adding them to the repository: REAL_RIS_DIRS=/a/dir:/another.
const EXTRA_RIS = (process.env.REAL_RIS_DIRS ?? '')
  .split(':')
  .filter(Boolean)
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.ris'))
      .sort()
      .map((name) => join(dir, name)),
  );

// Tags that give a record something to show; bibutils writes a record of none for a @set or a @preamble.
const SHOWN_TAGS = new Set([
  'TI',
  'T1',
  'CT',
  'AU',
  'A1',
  'A2',
  'A3',
  'A4',
  'ED',
  'T2',
  'JO',
  'JF',
  'BT',
  'N1',
  'DO',
  'UR',
]);

/** One RIS file through the reader, the papers, the writer and the reader again; returns its survival. */
async function checkRisFile(name: string, text: string): Promise<Survival & { records: number; rejected: number }> {
  const first = readRis(text, name);
  const records = risPairs(text);
  expect(first.entries.length + first.problems.length).toBe(records.length);
  // The only records left out are those with nothing to show (no title, name, container, note, DOI or URL):
  // the schema requires one, and the reader invents none.
  const rejectedLines = new Set(first.problems.map((problem) => problem.line));
  for (const problem of first.problems) expect(problem.message, name).toMatch(/^title: is required unless/);
  const recordLines = [...text.matchAll(/^TY {2}- /gm)].map(
    (match) => text.slice(0, match.index).split(/\r\n|\r|\n/).length,
  );
  const kept = records.filter((_, index) => !rejectedLines.has(recordLines[index]));
  for (const pairs of records.filter((_, index) => rejectedLines.has(recordLines[index]))) {
    expect(pairs.filter((pair) => SHOWN_TAGS.has(pair.tag))).toEqual([]);
  }
  const papers = await papersFromEntries(first.entries); // throws on any record the schema rejects
  expect(papers).toHaveLength(first.entries.length);
  const written = joinRis(papers.map(formatRisRecord));
  const survival = risSurvival(kept, written);

  const second = readRis(written, 'written.ris');
  expect(second.problems).toEqual([]);
  expect(second.entries.map((entry) => entry.abstract)).toEqual(papers.map((paper) => paper.abstract.markdown));
  second.entries.forEach((entry, index) => {
    expect(withoutGeneratedKey(entry.frontMatter, first.entries[index].frontMatter)).toEqual(
      first.entries[index].frontMatter,
    );
  });
  const again = await papersFromEntries(second.entries);
  expect(joinRis(again.map(formatRisRecord))).toBe(written);
  return { ...survival, records: records.length, rejected: first.problems.length };
}

describe('RIS written by bibutils (biblatex2xml | xml2ris) from real BibTeX files', () => {
  for (const file of [BIBLATEX_EXAMPLES, XAMPL]) {
    it(`${shortName(file)}: every record with something to show validates, ≥ 98% of its tags kept, idempotent`, async () => {
      const survival = await checkRisFile(shortName(file), risFromBibtex(file));
      logSurvival(
        `RIS of ${shortName(file)} (${survival.records} records, ${survival.rejected} empty)`,
        '(record, tag)',
        survival,
      );
      expect(survival.kept / survival.pairs).toBeGreaterThanOrEqual(0.98);
    });
  }

  it("TeX Live's documentation bibliographies, file by file: ≥ 98% of all their tags kept, idempotent", async () => {
    const total: Survival = { pairs: 0, kept: 0, anywhere: 0, lost: [] };
    const files = docBibliographies();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const survival = await checkRisFile(shortName(file), risFromBibtex(file));
      total.pairs += survival.pairs;
      total.kept += survival.kept;
      total.anywhere += survival.anywhere;
      total.lost.push(...survival.lost.map((line) => `${shortName(file)} ${line}`));
    }
    logSurvival(`RIS of ${files.length} TeX Live documentation files`, '(record, tag)', total);
    expect(total.kept / total.pairs).toBeGreaterThanOrEqual(0.98);
  });

  for (const file of EXTRA_RIS) {
    it(`${file}: every record validates, ≥ 98% of its tags kept, idempotent`, async () => {
      const survival = await checkRisFile(file, readFileSync(file, 'utf8'));
      logSurvival(file, '(record, tag)', survival);
      expect(survival.kept / survival.pairs).toBeGreaterThanOrEqual(0.98);
    });
  }
});

/** One CSL-JSON file (the text of an array of items) through the reader, the papers, the writer and back. */
async function checkCslFile(name: string, text: string): Promise<Survival & { items: number; rejected: number }> {
  const items = JSON.parse(text) as Record<string, unknown>[];
  const first = readCslJson(text, name);
  // The only items left out are works with neither a title nor a name (xampl's minimal entries, btxdoc's fake
  // entry): the schema requires one of them, and the reader invents neither.
  const rejected = new Set(first.problems.map((problem) => problem.key));
  for (const problem of first.problems) expect(problem.message, name).toMatch(/^title: is required unless/);
  for (const item of items.filter((item) => rejected.has(item.id as string))) {
    expect(Object.keys(item).filter((key) => key === 'title' || key === 'author' || key === 'editor')).toEqual([]);
  }
  const accepted = items.filter((item) => !rejected.has(item.id as string));
  const papers = await papersFromEntries(first.entries);
  const written = formatCslJson(papers.map(toCslJson));
  const survival = cslSurvival(accepted, JSON.parse(written));
  // Every variable written is a CSL variable of the field table, or one the input item itself had.
  const known = new Set(['id', 'type', 'abstract', 'custom', ...CSL_FIELDS.map((field) => field.csl)]);
  (JSON.parse(written) as Record<string, unknown>[]).forEach((item, index) => {
    expect(Object.keys(item).filter((key) => !known.has(key) && !(key in accepted[index]))).toEqual([]);
  });
  // The site through CSL-JSON and back: the same front matter and abstracts, so the same papers.
  const second = readCslJson(written, 'written.json');
  expect(second.problems).toEqual([]);
  const again = await papersFromEntries(second.entries);
  expect(again.map((paper) => paper.data)).toEqual(papers.map((paper) => paper.data));
  expect(again.map((paper) => paper.abstract)).toEqual(papers.map((paper) => paper.abstract));
  expect(formatCslJson(again.map(toCslJson))).toBe(written);
  return { ...survival, items: items.length, rejected: rejected.size };
}

/** citation-js's CSL-JSON of a BibTeX file, or undefined when citation-js cannot read the file itself. */
function tryCslFromBibtex(file: string): string | undefined {
  try {
    return cslFromBibtex(readUtf8(file)!);
  } catch {
    return undefined;
  }
}

describe('CSL-JSON written by citation-js from real BibTeX files', () => {
  it(`${shortName(XAMPL)}: every item with a title or a name validates, ≥ 98% of its variables kept, idempotent`, async () => {
    const survival = await checkCslFile('xampl.json', cslFromBibtex(readFileSync(XAMPL, 'utf8')));
    logSurvival(
      `CSL-JSON of xampl.bib (${survival.items} items, ${survival.rejected} without title or name)`,
      '(item, variable)',
      survival,
    );
    expect(survival.anywhere / survival.pairs).toBeGreaterThanOrEqual(0.98);
  });

  it("biblatex-examples.bib and TeX Live's documentation bibliographies: ≥ 98% of all their variables kept", async () => {
    // citation-js itself fails on some files (biblatex-examples' @string in a field, bookauthor, @SETUP entries):
    // those are named in the log and left out; most files must be read.
    const files = [BIBLATEX_EXAMPLES, ...docBibliographies()];
    const total: Survival = { pairs: 0, kept: 0, anywhere: 0, lost: [] };
    const unreadable: string[] = [];
    for (const file of files) {
      const text = tryCslFromBibtex(file);
      if (text === undefined) {
        unreadable.push(shortName(file));
        continue;
      }
      const survival = await checkCslFile(shortName(file), text);
      total.pairs += survival.pairs;
      total.kept += survival.kept;
      total.anywhere += survival.anywhere;
      total.lost.push(...survival.lost.map((line) => `${shortName(file)} ${line}`));
    }
    logSurvival(
      `CSL-JSON of ${files.length - unreadable.length} files (citation-js cannot read ${unreadable.join(', ')})`,
      '(item, variable)',
      total,
    );
    expect(files.length - unreadable.length).toBeGreaterThan(40);
    expect(total.anywhere / total.pairs).toBeGreaterThanOrEqual(0.98);
  });
});

describe('the survival measure', () => {
  it('counts what a damaged file loses (so the figures above can fail)', async () => {
    const text = risFromBibtex(BIBLATEX_EXAMPLES);
    const first = readRis(text, 'biblatex-examples.ris');
    const rejectedLines = new Set(first.problems.map((problem) => problem.line));
    const recordLines = [...text.matchAll(/^TY {2}- /gm)].map(
      (match) => text.slice(0, match.index).split(/\r\n|\r|\n/).length,
    );
    const records = risPairs(text).filter((_, index) => !rejectedLines.has(recordLines[index]));
    const papers = await papersFromEntries(first.entries);
    const written = joinRis(papers.map(formatRisRecord));
    const titles = records.flat().filter((pair) => pair.tag === 'TI').length;
    const damaged = written
      .split('\r\n')
      .filter((line) => !line.startsWith('TI  - '))
      .join('\r\n');
    expect(titles).toBeGreaterThan(50);
    expect(risSurvival(records, written).kept - risSurvival(records, damaged).kept).toBe(titles);

    const items = JSON.parse(cslFromBibtex(readFileSync(XAMPL, 'utf8'))) as Record<string, unknown>[];
    const cslPapers = await papersFromEntries(readCslJson(JSON.stringify(items), 'x.json').entries);
    const writtenItems = JSON.parse(formatCslJson(cslPapers.map(toCslJson))) as Record<string, unknown>[];
    const withoutTitles = writtenItems.map(({ title: _title, ...rest }) => rest);
    const titled = items.filter((item) => item.title !== undefined).length;
    expect(titled).toBeGreaterThan(20);
    expect(cslSurvival(items, writtenItems).kept - cslSurvival(items, withoutTitles).kept).toBe(titled);
  });
});
