// Real RIS and CSL-JSON files nobody here wrote (tests/fixtures/real/, provenance in its README): every record must
// be read and validate, writing the papers back must keep what the file said, and reading the written file must
// give the same front matter. "Kept" is measured on the original file's (record, tag) and (item, variable) pairs,
// with an independent tokenizer (citation-js's RIS line parser) and plain JSON.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error citation-js's RIS plugin ships no types; `parse` is its line tokenizer (tags → values).
import { parse as tokenizeRis } from '@citation-js/plugin-ris/lib/ris.js';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { CSL_FIELDS } from '../../src/domain/fields';
import { RIS_TYPES_IN } from '../../src/domain/types';
import { formatCslJson, readCslJson, toCslJson } from '../../src/formats/csl-json';
import { formatRisRecord, joinRis, readRis } from '../../src/formats/ris';
import { papersFromEntries, withoutGeneratedKey } from './entries';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');
/** Every file of a format in the fixtures folder (new real files are picked up without editing this test). */
// The folder is not in the repository (its files came from other projects); without it only TeX Live's files run.
const filesIn = (folder: string, extension: string) =>
  (existsSync(join(REAL, folder)) ? readdirSync(join(REAL, folder)) : [])
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);
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
const RIS_FILES = [...filesIn('ris', '.ris'), ...EXTRA_RIS];
const CSL_FILES = filesIn('csl-json', '.json');

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

/** Compares an original RIS file with the file written from its papers, record by record. */
function risSurvival(original: string, written: string): Survival {
  const before = risPairs(original);
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

describe.skipIf(RIS_FILES.length === 0)('real RIS files', () => {
  for (const file of RIS_FILES) {
    it(`${file}: every record validates, writing keeps ≥ 98% of its tags, reading back is idempotent`, async () => {
      const text = readFileSync(file.startsWith('/') ? file : join(REAL, file), 'utf8');
      const first = readRis(text, file);
      expect(first.problems).toEqual([]);
      const papers = await papersFromEntries(first.entries); // throws on any record the schema rejects
      expect(papers).toHaveLength(first.entries.length);
      const written = joinRis(papers.map(formatRisRecord));

      const survival = risSurvival(text, written);
      console.log(
        `${file}: ${first.entries.length} records, ${survival.pairs} (record, tag) pairs; kept ${survival.kept} (${percent(survival.kept, survival.pairs)}), kept anywhere ${survival.anywhere} (${percent(survival.anywhere, survival.pairs)})\n  ${survival.lost.join('\n  ')}`,
      );
      expect(survival.kept / survival.pairs).toBeGreaterThanOrEqual(0.98);

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

describe.skipIf(CSL_FILES.length === 0)('real CSL-JSON files', () => {
  for (const file of CSL_FILES) {
    it(`${file}: every item validates, writing keeps ≥ 98% of its variables, reading back is identical`, async () => {
      const text = readFileSync(join(REAL, file), 'utf8');
      const first = readCslJson(text, file);
      expect(first.problems).toEqual([]);
      const papers = await papersFromEntries(first.entries);
      const written = formatCslJson(papers.map(toCslJson));

      const survival = cslSurvival(JSON.parse(text), JSON.parse(written));
      // Every variable written is a CSL variable of the field table, or one the input item itself had.
      const known = new Set(['id', 'type', 'abstract', 'custom', ...CSL_FIELDS.map((field) => field.csl)]);
      (JSON.parse(written) as Record<string, unknown>[]).forEach((item, index) => {
        const original = (JSON.parse(text) as Record<string, unknown>[])[index];
        expect(Object.keys(item).filter((key) => !known.has(key) && !(key in original))).toEqual([]);
      });
      console.log(
        `${file}: ${first.entries.length} items, ${survival.pairs} (item, variable) pairs; kept ${survival.kept} (${percent(survival.kept, survival.pairs)}), kept anywhere ${survival.anywhere} (${percent(survival.anywhere, survival.pairs)})\n  ${survival.lost.join('\n  ')}`,
      );
      expect(survival.anywhere / survival.pairs).toBeGreaterThanOrEqual(0.98);

      // The site through CSL-JSON and back: the same front matter and abstracts, so the same papers.
      const second = readCslJson(written, 'written.json');
      expect(second.problems).toEqual([]);
      const again = await papersFromEntries(second.entries);
      expect(again.map((paper) => paper.data)).toEqual(papers.map((paper) => paper.data));
      expect(again.map((paper) => paper.abstract)).toEqual(papers.map((paper) => paper.abstract));
      expect(formatCslJson(again.map(toCslJson))).toBe(written);
    });
  }
});

// CSL-JSON from another producer: citation-js's BibTeX reader on the real BibTeX files (and TeX Live's xampl.bib).
// The files citation-js cannot parse (texgraph's @preamble macros) are left out, as citation-js fails on them.
const BIBTEX_FILES = [
  '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib',
  ...filesIn('bibtex', '.bib').map((file) => join(REAL, file)),
].filter((file) => !file.includes('texgraph'));

describe('CSL-JSON written by citation-js from real BibTeX files', () => {
  for (const file of BIBTEX_FILES) {
    it(`${file.split('/').pop()}: every item validates, ≥ 98% of its variables kept, identical when read back`, async () => {
      const text = new Cite(readFileSync(file, 'utf8')).format('data') as string;
      const items = JSON.parse(text) as Record<string, unknown>[];
      const first = readCslJson(text, file);
      // The only items left out are works with neither a title nor a name (xampl's minimal entries, btxdoc's
      // fake entry): the schema requires one of them, and the reader invents neither.
      const rejected = new Set(first.problems.map((problem) => problem.key));
      for (const problem of first.problems) expect(problem.message).toMatch(/^title: is required unless/);
      const accepted = items.filter((item) => !rejected.has(item.id as string));
      for (const item of items.filter((item) => rejected.has(item.id as string))) {
        expect(Object.keys(item).filter((key) => key === 'title' || key === 'author' || key === 'editor')).toEqual([]);
      }
      const papers = await papersFromEntries(first.entries);
      const written = formatCslJson(papers.map(toCslJson));
      const survival = cslSurvival(accepted, JSON.parse(written));
      console.log(
        `citation-js CSL-JSON of ${file.split('/').pop()}: ${first.entries.length} items read, ${rejected.size} without title or name left out, ${survival.pairs} pairs; kept ${survival.kept} (${percent(survival.kept, survival.pairs)}), kept anywhere ${survival.anywhere} (${percent(survival.anywhere, survival.pairs)})\n  ${survival.lost.slice(0, 20).join('\n  ')}`,
      );
      expect(survival.anywhere / survival.pairs).toBeGreaterThanOrEqual(0.98);
      const again = await papersFromEntries(readCslJson(written, 'written.json').entries);
      expect(again.map((paper) => paper.data)).toEqual(papers.map((paper) => paper.data));
    });
  }
});

describe('the survival measure', () => {
  it.skipIf(RIS_FILES.length === 0 || CSL_FILES.length === 0)(
    'counts what a damaged file loses (so the figures above can fail)',
    async () => {
      const file = RIS_FILES[0];
      const text = readFileSync(join(REAL, file), 'utf8');
      const papers = await papersFromEntries(readRis(text, file).entries);
      const written = joinRis(papers.map(formatRisRecord));
      const keywords = risPairs(text)
        .flat()
        .filter((pair) => pair.tag === 'KW').length;
      const damaged = written
        .split('\r\n')
        .filter((line) => !line.startsWith('KW  - '))
        .join('\r\n');
      expect(keywords).toBeGreaterThan(0);
      expect(risSurvival(text, written).kept - risSurvival(text, damaged).kept).toBe(keywords);

      const json = readFileSync(join(REAL, CSL_FILES[0]), 'utf8');
      const items = JSON.parse(json) as Record<string, unknown>[];
      const cslPapers = await papersFromEntries(readCslJson(json, 'x.json').entries);
      const writtenItems = JSON.parse(formatCslJson(cslPapers.map(toCslJson))) as Record<string, unknown>[];
      const withoutTitles = writtenItems.map(({ title: _title, ...rest }) => rest);
      const titled = items.filter((item) => item.title !== undefined).length;
      expect(cslSurvival(items, writtenItems).kept - cslSurvival(items, withoutTitles).kept).toBe(titled);
    },
  );
});
