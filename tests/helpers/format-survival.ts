// Survival of RIS and CSL-JSON files through the site: the original's (record, tag) and (item, variable) pairs,
// compared with what a writer gave back, by an independent tokenizer (citation-js's RIS line parser) and plain JSON.
// @ts-expect-error citation-js's RIS plugin ships no types; `parse` is its line tokenizer (tags → values).
import { parse as tokenizeRis } from '@citation-js/plugin-ris/lib/ris.js';
import { expect } from 'vitest';
import { RIS_TYPES_IN } from '../../src/domain/types';

/** Survival of one file: pairs in the original, kept at the same place (or a synonym tag), kept anywhere. */
export interface Survival {
  pairs: number;
  kept: number;
  anywhere: number;
  lost: string[];
}

export const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

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
export function risPairs(text: string): { tag: string; value: string }[][] {
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
export function risSurvival(before: { tag: string; value: string }[][], written: string): Survival {
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
export function cslSurvival(original: Record<string, unknown>[], written: Record<string, unknown>[]): Survival {
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

/** Prints a file's figures and what it lost. */
export function logSurvival(label: string, unit: string, survival: Survival): void {
  console.log(
    `${label}: ${survival.pairs} ${unit} pairs; kept ${survival.kept} (${percent(survival.kept, survival.pairs)}), kept anywhere ${survival.anywhere} (${percent(survival.anywhere, survival.pairs)})\n  ${survival.lost.slice(0, 30).join('\n  ')}`,
  );
}
