// Field survival of a BibTeX round trip: an input file and the file written from it, both parsed by
// @retorquere/bibtex-parser, compared (entry, field) pair by pair. A pair survives when the written entry holds the
// same value in the same field or one that biblatex treats as the same (journal ≡ journaltitle, address ≡
// location, year + month + day ≡ date, …).
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { decodeLatex, markupToText, PARSE_OPTIONS } from '../../src/formats/latex';

/** Field names biblatex reads as one field (its data model's aliases, and BibTeX's names for biblatex's). */
const ALIASES: string[][] = [
  ['journal', 'journaltitle'],
  ['address', 'location'],
  ['school', 'institution'],
  ['annote', 'annotation'],
  ['archiveprefix', 'eprinttype'],
  ['primaryclass', 'eprintclass'],
  ['key', 'sortkey'],
];
const DATE_FIELDS = ['year', 'month', 'day', 'date'];

/** One value for comparison: markup removed, white space (non-breaking too) folded, Unicode composed. */
function normalize(value: unknown, field: string): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      // Keywords are read verbatim: LaTeX in one (a ligature broken by the writer, `-{}-{}-`) is read as the
      // importer reads it.
      if (typeof item === 'string') return normalize(/[\\{}$]/.test(item) ? decodeLatex(item) : item, '');
      const creator = item as Creator;
      return creator.name !== undefined
        ? `{${normalize(creator.name, '')}}`
        : [creator.prefix, creator.lastName, creator.suffix, creator.firstName]
            .map((part) => normalize(part ?? '', ''))
            .join('|');
    });
    return (field === 'keywords' ? [...new Set(items)].sort() : items).join(' and ');
  }
  // The parser's markup read as the importer reads it (its \LaTeX logo included), white space folded.
  let text = markupToText(String(value ?? '').replace(/<(p|br|li)>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (field === 'doi') text = text.replace(/^https?:\/\/[^/]*doi[^/]*\//i, '').toLowerCase();
  if (field === 'archiveprefix' || field === 'eprinttype') text = text.toLowerCase();
  if (field === 'eprint') text = text.replace(/^arxiv:/i, '');
  if (field === 'url') {
    try {
      text = new URL(text).href;
    } catch {
      // not a URL: compared as text
    }
  }
  return text;
}

/** The date an entry's fields give, as EDTF (biblatex's date, else year/month/day with BibTeX's month forms). */
function entryDate(fields: Record<string, unknown>): string | undefined {
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : undefined);
  if (text('date')) return text('date');
  const year = text('year');
  if (!year) return undefined;
  const pad = (value: string) => value.padStart(2, '0');
  let month = text('month');
  let day = text('day');
  const dayMonth = month && /^(\d{1,2})\s+(\d{1,2})$/.exec(month);
  if (dayMonth && !day) [, day, month] = dayMonth;
  const range = month && /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/.exec(month);
  if (range && !day) return `${year}-${pad(range[1])}/${year}-${pad(range[2])}`;
  if (!month) return year;
  if (!/^\d+$/.test(month)) return `${year} ${month}`;
  return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
}

/** What survived of one input file's fields. */
export interface Survival {
  /** (entry, field) pairs in the input. */
  total: number;
  kept: number;
  /** Pairs that did not survive: key, field, the input's value and the written one. */
  lost: { key: string; field: string; input: string; written: string }[];
  /** Entries whose written entry type is not the input's (after BibTeX ↔ biblatex type names). */
  typeChanges: { key: string; from: string; to: string }[];
  percent: number;
}

/** Parses BibTeX as the reader does (same options), entries by key. */
export function parseEntries(bib: string): Map<string, Entry> {
  const library = parse(bib, PARSE_OPTIONS);
  return new Map(library.entries.map((entry) => [entry.key, entry]));
}

/** Each entry's fields as written in the file (no LaTeX read, @string macros expanded, white space folded). */
function parseVerbatim(bib: string): Map<string, Record<string, string>> {
  const library = parse(bib, { raw: true, applyCrossRef: true, removeOuterBraces: [] });
  return new Map(
    library.entries.map((entry) => [
      entry.key,
      Object.fromEntries(
        Object.entries(entry.fields as Record<string, unknown>).map(([name, value]) => [
          name,
          String(value).replace(/\s+/g, ' ').trim(),
        ]),
      ),
    ]),
  );
}

/**
 * Compares the input's entries with the written ones, field by field. A field survives when the written entry
 * reads as the same value, or holds it verbatim (a value using the file's own preamble commands reads differently
 * in every parser that does not run TeX). `skip` names entries not expected back.
 */
export function measureSurvival(
  input: string,
  written: string,
  skip: (entry: Entry) => boolean = () => false,
): Survival {
  const before = parseEntries(input);
  const after = parseEntries(written);
  const verbatimBefore = parseVerbatim(input);
  const verbatimAfter = parseVerbatim(written);
  const result: Survival = { total: 0, kept: 0, lost: [], typeChanges: [], percent: 0 };
  for (const [key, entry] of before) {
    if (skip(entry)) continue;
    const out = after.get(key);
    const outFields = (out?.fields ?? {}) as Record<string, unknown>;
    if (out && out.type !== entry.type) result.typeChanges.push({ key, from: entry.type, to: out.type });
    for (const [field, value] of Object.entries(entry.fields as Record<string, unknown>)) {
      result.total++;
      let survived: boolean;
      let writtenValue: string;
      if (DATE_FIELDS.includes(field)) {
        const want = entryDate(entry.fields as Record<string, unknown>);
        const got = entryDate(outFields);
        survived = want !== undefined && want === got;
        writtenValue = got ?? '';
      } else {
        const names = ALIASES.find((group) => group.includes(field)) ?? [field];
        const want = normalize(value, field);
        const candidates = names.filter((name) => outFields[name] !== undefined);
        survived = candidates.some((name) => normalize(outFields[name], field) === want);
        writtenValue = candidates.map((name) => `${name}=${normalize(outFields[name], name)}`).join('; ');
      }
      const verbatim = verbatimBefore.get(key)?.[field];
      if (!survived && verbatim !== undefined && verbatim === verbatimAfter.get(key)?.[field]) survived = true;
      if (survived) result.kept++;
      else result.lost.push({ key, field, input: normalize(value, field), written: writtenValue });
    }
  }
  result.percent = result.total === 0 ? 100 : (100 * result.kept) / result.total;
  return result;
}
