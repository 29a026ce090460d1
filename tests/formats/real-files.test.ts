// Real bibliographies nobody here wrote, as RIS and CSL-JSON made at test time by other programs (bibutils' xml2ris
// and citation-js, from TeX Live's .bib files; see tests/helpers/real-sources.ts): every record must be read and
// validate, writing the papers back must keep what the file said, and reading the written file must give the same
// front matter. "Kept" is measured on the original file's (record, tag) and (item, variable) pairs, with an
// independent tokenizer (citation-js's RIS line parser) and plain JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error citation-js's RIS plugin ships no types; `parse` is its line tokenizer (tags → values).
import { parse as tokenizeRis } from '@citation-js/plugin-ris/lib/ris.js';
import { describe, expect, it } from 'vitest';
import { CSL_FIELDS } from '../../src/domain/fields';
import { RIS_TYPES_IN } from '../../src/domain/types';
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
import { papersFromEntries, withoutGeneratedKey } from './entries';

/** The real BibTeX files the RIS and CSL-JSON are made from. */
const SOURCES = [BIBLATEX_EXAMPLES, XAMPL, ...docBibliographies()];
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

/** Survival of one file: pairs in the original, kept at the same place (or a synonym tag), kept anywhere. */
interface Survival {
  pairs: number;
  kept: number;
  anywhere: number;
  lost: string[];
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

// Tags the RIS spec (and Zotero, EndNote) use for the same thing; a value moved between them is kept.
const RIS_SYNONYMS = [
  ['AU', 'A1'],
  ['TI', 'T1', 'CT'],
  ['T2', 'JO', 'JF', 'BT'],
  ['J2', 'JA', 'J1'],
  ['PY', 'Y1', 'DA'],
  ['AB', 'N2'],
  ['ED', 'A2', 'A3'],
];
const NAME_TAGS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'ED']);
const DATE_TAGS = new Set(['PY', 'Y1', 'DA', 'Y2']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A RIS date as "year-month-day|other" with unknown parts as "*": `2020///` → 2020-*-*|, `2024-02-01` →
 * 2024-02-01|, WoS's `SEP 22` → *-09-22|, `1985///1922` → 1985-*-*|1922.
 */
function normalizeRisDate(text: string): string {
  const pad = (part: string | undefined) => (part && Number(part) ? part.padStart(2, '0') : '*');
  const slashed = /^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:[/ ](.*))?)?)?$/.exec(text);
  if (slashed) return `${slashed[1]}-${pad(slashed[2])}-${pad(slashed[3])}|${slashed[4]?.trim() ?? ''}`;
  const named = /^([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?$/.exec(text);
  const month = named ? MONTHS.indexOf(named[1].toLowerCase()) : -1;
  return month >= 0 ? `*-${String(month + 1).padStart(2, '0')}-${pad(named![2])}|` : text;
}

/** Whether a written date says what the original did (the original's unknown parts may be known now). */
function sameDate(original: string, written: string): boolean {
  const [a, aOther] = original.split('|');
  const [b, bOther] = written.split('|');
  if (aOther !== bOther && aOther !== undefined) return false;
  return a.split('-').every((part, index) => part === '*' || part === b.split('-')[index]);
}

/** A RIS value compared as text: NFC, no control characters, paragraphs marks and runs of space as one space. */
function normalizeRisValue(tag: string, value: string): string {
  let text = value
    .normalize('NFC')
    .replace(/[\t\n\r]/g, ' ')
    // The reader removes the other control characters (saying so); the text around them is what is compared.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+¶\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (NAME_TAGS.has(tag)) text = text.replace(/\s*,\s*/g, ', ').replace(/,$/, '');
  if (DATE_TAGS.has(tag)) text = normalizeRisDate(text);
  return text;
}

/** The (tag, value) pairs of each record, by citation-js's tokenizer. */
function risPairs(text: string): { tag: string; value: string }[][] {
  // Rayyan glues a second tag onto a line after a run of spaces ("UR  - <url>     U2  - <id>"); Bibshelf reads two
  // tags there, citation-js one with the rest dropped. Both files are split the same way before comparing.
  const unglued = text.replace(/\s{2,}(?=[A-Z][A-Z0-9] {2}- )/g, '\n');
  const records = tokenizeRis(unglued) as Record<string, string | string[]>[];
  return records.map((record) =>
    Object.entries(record).flatMap(([tag, values]) =>
      [values].flat().map((value) => ({ tag, value: normalizeRisValue(tag, value) })),
    ),
  );
}

/** Whether a written record says what one original (tag, value) pair said. */
function keeps(target: { tag: string; value: string }[], tag: string, value: string): boolean {
  const group = RIS_SYNONYMS.find((tags) => tags.includes(tag)) ?? [tag];
  const values = (tags: string[]) => target.filter((pair) => tags.includes(pair.tag)).map((pair) => pair.value);
  if (tag === 'TY') return values(['TY']).some((ty) => RIS_TYPES_IN[ty] === RIS_TYPES_IN[value]);
  if (DATE_TAGS.has(tag)) return values(group).some((date) => sameDate(value, date));
  if (tag === 'KW') {
    // EndNote writes all keywords as one KW, one per line (citation-js joins the lines); they come back one a KW.
    return values(['KW']).includes(value) || ` ${values(['KW']).join(' ')} `.includes(` ${value} `);
  }
  if (tag === 'SP' || tag === 'EP') {
    // A page range written whole as SP is written back as SP and EP.
    const [start] = values(['SP']);
    const [end] = values(['EP']);
    const pages = end ? `${start}-${end}` : start;
    return values([tag]).includes(value) || (tag === 'SP' ? pages === value : start?.endsWith(`-${value}`));
  }
  return values(group).includes(value);
}

/** Compares the original RIS records (as pairs) with the file written from their papers, record by record. */
function risSurvival(before: { tag: string; value: string }[][], written: string): Survival {
  const after = risPairs(written);
  expect(after.length).toBe(before.length);
  const survival: Survival = { pairs: 0, kept: 0, anywhere: 0, lost: [] };
  before.forEach((pairs, index) => {
    const target = after[index];
    for (const { tag, value } of pairs) {
      survival.pairs++;
      const same = keeps(target, tag, value);
      const anywhere =
        same || target.some((pair) => pair.value === value || normalizeRisValue('', pair.value) === value);
      if (same) survival.kept++;
      if (anywhere) survival.anywhere++;
      if (!same) survival.lost.push(`record ${index + 1} ${tag} "${value.slice(0, 60)}"${anywhere ? ' (moved)' : ''}`);
    }
  });
  return survival;
}

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

/** Prints a file's figures and what it lost. */
function logSurvival(label: string, unit: string, survival: Survival): void {
  console.log(
    `${label}: ${survival.pairs} ${unit} pairs; kept ${survival.kept} (${percent(survival.kept, survival.pairs)}), kept anywhere ${survival.anywhere} (${percent(survival.anywhere, survival.pairs)})\n  ${survival.lost.slice(0, 30).join('\n  ')}`,
  );
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

/** A CSL value compared as data: numbers as text, names and dates without empty parts, text NFC and one-spaced. */
function normalizeCsl(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(normalizeCsl);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, part]) => part !== '' && part !== undefined && part !== null && part !== false)
      .map(([key, part]) => [key, normalizeCsl(part)] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * A CSL value as compared: `keyword` as its comma-separated list (citation-js writes "a,b", Zotero "a, b"); a name
 * list without BibTeX's "others" (the writer keeps it as the truncation flag in custom, not as a name).
 */
function comparable(variable: string, value: unknown): unknown {
  if (variable === 'keyword' && typeof value === 'string') return value.split(/\s*,\s*/);
  if (Array.isArray(value) && value.some((name) => (name as { family?: string })?.family === 'others')) {
    return value.filter((name) => (name as { family?: string })?.family !== 'others');
  }
  return value;
}

/** Compares an original CSL-JSON file with the items written from its papers, item by item. */
function cslSurvival(original: Record<string, unknown>[], written: Record<string, unknown>[]): Survival {
  const survival: Survival = { pairs: 0, kept: 0, anywhere: 0, lost: [] };
  original.forEach((item, index) => {
    const target = written[index];
    const custom = (target.custom ?? {}) as { extra?: Record<string, string> };
    for (const [variable, value] of Object.entries(item)) {
      survival.pairs++;
      const expected = JSON.stringify(normalizeCsl(comparable(variable, value)));
      const etAl = Array.isArray(value) && value.some((name) => (name as { family?: string })?.family === 'others');
      const flagged = !etAl || (target.custom as Record<string, unknown>)?.[`${variable}sTruncated`] === true;
      const same = flagged && JSON.stringify(normalizeCsl(comparable(variable, target[variable]))) === expected;
      const kept = custom.extra?.[`csl-${variable.toLowerCase()}`];
      const anywhere =
        same ||
        (kept !== undefined &&
          JSON.stringify(normalizeCsl(kept)) ===
            JSON.stringify(normalizeCsl(typeof value === 'string' ? value : JSON.stringify(value))));
      if (same) survival.kept++;
      if (anywhere) survival.anywhere++;
      if (!same) {
        survival.lost.push(
          `item ${index + 1} ${variable}: ${expected.slice(0, 70)} → ${JSON.stringify(target[variable] ?? null).slice(0, 70)}${anywhere ? ' (kept in custom.extra)' : ''}`,
        );
      }
    }
  });
  return survival;
}

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
