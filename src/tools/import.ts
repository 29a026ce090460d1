// `npm run import`: BibTeX, RIS and CSL-JSON files → one paper file per entry. Every entry goes through the build's
// own validation path before anything is written; nothing of an entry is dropped without a line in the report.

import { findFreeKey, makeBaseKey } from '../domain/keys';
import { createPapers, type Paper } from '../domain/paper';
import {
  decodeUtf8,
  formatPaperFile,
  idFromFileName,
  validatePaperFile,
  type FrontMatterSchema,
} from '../domain/paper-file';
import type { PaperData } from '../domain/schema';
import { toFieldProblems } from '../domain/schema';
import type { Taxonomy } from '../domain/taxonomy';
import { compareText, normalizeLine } from '../domain/text';
import { readBibtex } from '../formats/bibtex-import';
import { readCslJson } from '../formats/csl-json';
import { ImportFileError, type ImportedEntry, type ReadResult } from '../formats/import-entry';
import { readRis } from '../formats/ris';

export { ImportFileError };

/** The reference formats `npm run import` reads. */
export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

/** One input file. */
export interface ImportInput {
  /** The name used in messages. */
  file: string;
  bytes: Uint8Array;
}

/** A paper file already in the folder. */
export interface ExistingPaper {
  id: string;
  file: string;
  data: PaperData;
}

/** What the importer needs of the site. */
export interface ImportOptions {
  schema: FrontMatterSchema;
  taxonomy: Taxonomy;
  /** Replace files that exist (same page id). */
  force: boolean;
  /** Category for entries that name none (`--category`). */
  defaultCategory?: string;
}

/** One paper file to write. */
export interface PlannedFile {
  id: string;
  /** The file's text. */
  markdown: string;
  /** True when it replaces a file of the folder (only with `force`). */
  replaces: boolean;
}

/** What an import will do: the files to write and a report line per entry. */
export interface ImportPlan {
  writes: PlannedFile[];
  /** One line per entry: ✓ written, - skipped, ✗ failed; with what the reader could not map. */
  report: string[];
  counts: {
    imported: number;
    replaced: number;
    exists: number;
    duplicate: number;
    /** Entries that are no work of their own (@set, @xdata): their members or users are read instead. */
    container: number;
    failed: number;
  };
  /** Problems that stop the whole import before anything is written (key collisions). */
  blocking: string[];
}

/** Guesses the format from the file name, then the content. */
export function detectFormat(fileName: string, text: string): ReferenceFormat {
  if (/\.(bib|bibtex)$/i.test(fileName)) return 'bibtex';
  if (/\.ris$/i.test(fileName)) return 'ris';
  if (/\.json$/i.test(fileName)) return 'csl-json';
  if (/^\s*[[{]/.test(text)) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@\w+\s*[{(]/m.test(text)) return 'bibtex';
  throw new ImportFileError(`${fileName}: cannot tell the format; use a .bib, .ris or .json (CSL-JSON) file`);
}

/** Reads one input file with the reader of its format; an unreadable file is an `ImportFileError`. */
export function readInput(input: ImportInput): ReadResult {
  const decoded = decodeUtf8(input.bytes);
  if ('error' in decoded) throw new ImportFileError(`${input.file}: ${decoded.error}`);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const format = detectFormat(input.file, text);
  if (format === 'bibtex') return readBibtex(text, input.file);
  if (format === 'ris') return readRis(text, input.file);
  return readCslJson(text, input.file);
}

/** A title reduced for comparison: no accents, markup, punctuation or case. */
export function normalizeTitle(title: string): string {
  return normalizeLine(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What identifies a work for duplicate detection: DOI, arXiv id (without version), or title + year + type. */
function identities(data: PaperData): string[] {
  const found: string[] = [];
  if (typeof data.doi === 'string') found.push(`doi:${data.doi.toLowerCase()}`);
  if (typeof data.arxiv === 'string') found.push(`arxiv:${data.arxiv.replace(/v\d+$/, '')}`);
  if (typeof data.title === 'string') {
    const date = data.date as { 'date-parts': number[][] } | undefined;
    found.push(`title:${normalizeTitle(data.title)}|${date?.['date-parts'][0][0] ?? 'nd'}|${data.type}`);
  }
  return found;
}

/**
 * What makes an entry under a citation key already taken the same work (Beebe's bibliographies share entries,
 * keyed alike, with small differences of wording): the same key, issued year and first author's or editor's
 * family name. Any other entry under a taken key is a collision, which stops the import.
 */
function identifyByKey(data: PaperData): string | undefined {
  if (typeof data.citationKey !== 'string') return undefined;
  const names = [data.authors, data.editors].find((list) => Array.isArray(list) && list.length > 0) as
    Record<string, string>[] | undefined;
  const first = names?.[0];
  const family = first ? (first.family ?? first.literal ?? '') : '';
  const date = data.date as { 'date-parts': number[][] } | undefined;
  return `key:${data.citationKey.toLowerCase()}|${date?.['date-parts'][0][0] ?? 'nd'}|${normalizeTitle(family)}`;
}

/** How a duplicate matched, for the report. */
function describeIdentity(identity: string): string {
  if (identity.startsWith('doi:')) return 'same DOI';
  if (identity.startsWith('arxiv:')) return 'same arXiv id';
  if (identity.startsWith('key:')) return 'same citation key, year and first author';
  return 'same title, year and type';
}

/** The front-matter keys (and extra fields) a skipped duplicate has that the paper it duplicates lacks. */
function fieldsOnlyIn(data: PaperData, kept: PaperData): string[] {
  const extra = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const keys = Object.keys(data).filter(
    (key) => key !== 'citationKey' && key !== 'extra' && (kept as Record<string, unknown>)[key] === undefined,
  );
  const extras = Object.keys(extra(data.extra))
    .filter((name) => extra(kept.extra)[name] === undefined)
    .map((name) => `extra.${name}`);
  return [...keys, ...extras];
}

/** The front matter of an entry with the import's defaults applied. */
function withDefaults(entry: ImportedEntry, options: ImportOptions): Record<string, unknown> {
  const frontMatter = { ...entry.frontMatter };
  if (frontMatter.category === undefined && options.defaultCategory) frontMatter.category = options.defaultCategory;
  return frontMatter;
}

/** Where an entry is, for the report: file, line and key. */
function describe(entry: ImportedEntry, file: string): string {
  return `${file}:${entry.line}${entry.key ? ` (${entry.key})` : ''}`;
}

/**
 * Plans an import: reads every input (an unreadable file stops everything), validates each entry with the site's
 * schema and re-reads the file it would write (so every written file builds), skips duplicates of papers already
 * in the folder or earlier in the import (same DOI, arXiv id, or title + year + type — never the title alone) and
 * files that exist (unless `force`; a work found again under its own file name is that file, replaced with force), keeps each entry's own citation key, and refuses the whole import when two
 * papers would share a citation key.
 */
export function planImport(
  inputs: readonly ImportInput[],
  existing: readonly ExistingPaper[],
  options: ImportOptions,
): ImportPlan {
  const results = inputs.map((input) => ({ input, result: readInput(input) }));
  const report: string[] = [];
  const counts = { imported: 0, replaced: 0, exists: 0, duplicate: 0, container: 0, failed: 0 };
  const known = new Map<string, { owner: string; id?: string; data: PaperData }>();
  for (const paper of existing) {
    for (const identity of [...identities(paper.data), identifyByKey(paper.data)]) {
      if (identity) known.set(identity, { owner: paper.file, id: paper.id, data: paper.data });
    }
  }
  const existingIds = new Set(existing.map((paper) => paper.id));
  const planned: (PlannedFile & { data: PaperData; where: string })[] = [];
  const takenIds = new Set<string>();
  // Every key the folder's papers have and every key an input gives (lowercase, as biber compares them).
  const takenKeys = new Set(
    [
      ...listFolderKeys(existing, options.taxonomy),
      ...results.flatMap(({ result }) => result.entries.map((entry) => entry.frontMatter.citationKey)),
    ].flatMap((key) => (typeof key === 'string' ? [key.toLowerCase()] : [])),
  );
  for (const { input, result } of results) {
    for (const problem of result.problems) {
      const where = `${input.file}:${problem.line}${problem.key ? ` (${problem.key})` : ''}`;
      // The reader skips containers (a @set, an @xdata) on purpose: said, but not a failure.
      if (problem.message.startsWith('skipped:')) counts.container++;
      else counts.failed++;
      report.push(`${problem.message.startsWith('skipped:') ? '-' : '✗'} ${where}: ${problem.message}`);
    }
    for (const entry of result.entries) {
      const where = describe(entry, input.file);
      const parsed = options.schema.safeParse(withDefaults(entry, options));
      if (!parsed.success) {
        counts.failed++;
        const problems = toFieldProblems(parsed.error.issues).map((problem) => `${problem.field}: ${problem.message}`);
        report.push(`✗ ${where}: ${problems.join('; ')}`);
        continue;
      }
      const data = parsed.data;
      const notes = [...entry.notes];
      if (entry.keyRefused && typeof data.citationKey !== 'string') {
        // Written down, so the site's export reads back the same and no paper added later changes it.
        data.citationKey = findFreeKey(makeBaseKey(data), (lowercase) => takenKeys.has(lowercase));
        takenKeys.add(data.citationKey.toLowerCase());
        notes.push(`written with the citation key "${data.citationKey}" instead`);
      }
      const key = typeof data.citationKey === 'string' ? data.citationKey : makeBaseKey(data);
      // A key's slash ("baez/article") is part of the key, not a folder: the page id keeps both parts.
      const stem = idFromFileName(key.replace(/[/\\]/g, '-')) ?? 'paper';
      let id = stem;
      for (let n = 2; takenIds.has(id); n++) id = `${stem}-${n}`;
      const exists = existingIds.has(id);
      // The same work under another file is a duplicate; under its own file name it is that file, to replace.
      const byKey = identifyByKey(data);
      const match = [...identities(data), ...(byKey ? [byKey] : [])].find(
        (identity) => known.has(identity) && known.get(identity)!.id !== id,
      );
      if (match !== undefined) {
        counts.duplicate++;
        const { owner, data: kept } = known.get(match)!;
        const only = fieldsOnlyIn(data, kept);
        const lost = only.length > 0 ? `; fields it has that the other lacks, not imported: ${only.join(', ')}` : '';
        report.push(`- ${where}: skipped, duplicate of ${owner} (${describeIdentity(match)})${lost}`);
        continue;
      }
      if (exists && !options.force) {
        counts.exists++;
        report.push(`- ${where}: skipped, ${id}.md exists (use --force to replace it)`);
        continue;
      }
      const markdown = formatPaperFile(data, entry.abstract);
      const reread = validatePaperFile(`${id}.md`, markdown, options.schema);
      if ('problems' in reread) {
        counts.failed++;
        report.push(
          `✗ ${where}: the file written would not read back: ${reread.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        );
        continue;
      }
      takenIds.add(id);
      for (const identity of [...identities(data), identifyByKey(data)]) {
        if (identity) known.set(identity, { owner: where, data });
      }
      planned.push({ id, markdown, replaces: exists, data: reread.data, where });
      if (exists) counts.replaced++;
      else counts.imported++;
      const said = notes.length > 0 ? ` (${notes.join('; ')})` : '';
      report.push(`✓ ${where}: ${exists ? 'replaces' : 'writes'} ${id}.md${said}`);
    }
  }
  const blocking = findKeyCollisions(planned, existing, options.taxonomy);
  return {
    writes: planned.map(({ id, markdown, replaces }) => ({ id, markdown, replaces })),
    report,
    counts,
    blocking,
  };
}

/** The citation keys of the folder's papers as the build assigns them (generated ones included). */
function listFolderKeys(existing: readonly ExistingPaper[], taxonomy: Taxonomy): string[] {
  try {
    return createPapers(
      existing.map((paper) => ({ ...paper, abstract: { markdown: '', html: '', text: '' } })),
      taxonomy,
    ).map((paper) => paper.key);
  } catch {
    // The folder's own problem is reported with the key collisions.
    return existing.flatMap((paper) => (typeof paper.data.citationKey === 'string' ? [paper.data.citationKey] : []));
  }
}

/** Two papers (of the folder and the import) that would share a citation key, as messages. */
function findKeyCollisions(
  planned: readonly (PlannedFile & { data: PaperData; where: string })[],
  existing: readonly ExistingPaper[],
  taxonomy: Taxonomy,
): string[] {
  const replaced = new Set(planned.filter((file) => file.replaces).map((file) => file.id));
  const owners = new Map<string, string>();
  const messages: string[] = [];
  const claim = (key: string, owner: string) => {
    const other = owners.get(key.toLowerCase());
    if (other !== undefined) messages.push(`citation key "${key}" of ${owner} is already used by ${other}`);
    else owners.set(key.toLowerCase(), owner);
  };
  // Keys of the folder as the build assigns them (generated ones included), without the files being replaced.
  let built: Paper[] = [];
  try {
    built = createPapers(
      existing
        .filter((paper) => !replaced.has(paper.id))
        .map((paper) => ({ ...paper, abstract: { markdown: '', html: '', text: '' } })),
      taxonomy,
    );
  } catch (error) {
    messages.push(`the folder itself has a problem: ${(error as Error).message}`);
  }
  for (const paper of [...built].sort((a, b) => compareText(a.file, b.file))) claim(paper.key, paper.file);
  for (const file of planned) if (typeof file.data.citationKey === 'string') claim(file.data.citationKey, file.where);
  return messages;
}
