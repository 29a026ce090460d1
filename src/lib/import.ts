import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { CATEGORY_CODES, type CategoryCode } from './categories';
import { latexToMarkdown, latexToPlainText } from './latex';
import { formatPaperFile, slugifyTitle } from './paper-file';
import { paperSchema, type PaperInput } from './schema';

/** The reference formats `npm run import` reads. */
export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

/** A problem with the whole input file; nothing is written. */
export class ImportFileError extends Error {}

/** One entry of the input, with the line it starts on. */
export interface RawEntry {
  line: number;
  /** The entry's own text (BibTeX, RIS), for parsing and for fields citation-js does not map. */
  text?: string;
  /** The item (CSL-JSON input). */
  item?: Record<string, unknown>;
}

/** A converted entry, ready to be written. */
export interface ImportedPaper {
  line: number;
  id: string;
  data: PaperInput;
  abstract: string;
  markdown: string;
  warnings: string[];
}

/** An entry that could not be converted. */
export interface EntryProblem {
  line: number;
  key?: string;
  problem: string;
}

/** Options for converting entries. */
export interface ConvertOptions {
  /** Category for entries that name none (e.g. `--category CL`). */
  defaultCategory?: CategoryCode;
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

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Splits an input file into entries, each with its line; a file with no entries, or unparseable JSON, is an error. */
export function splitEntries(text: string, format: ReferenceFormat, fileName = 'input'): RawEntry[] {
  if (format === 'csl-json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      const where = position ? ` (line ${lineAt(text, Number(position))})` : '';
      throw new ImportFileError(`${fileName}: not valid JSON${where}: ${(error as Error).message}`);
    }
    const items = Array.isArray(data) ? data : [data];
    if (items.length === 0 || items.some((item) => typeof item !== 'object' || item === null)) {
      throw new ImportFileError(`${fileName}: expected a CSL-JSON array of items`);
    }
    let from = 0;
    return items.map((item: Record<string, unknown>) => {
      const at = typeof item.id === 'string' ? text.indexOf(JSON.stringify(item.id), from) : -1;
      if (at >= 0) from = at + 1;
      return { line: at >= 0 ? lineAt(text, at) : 1, item };
    });
  }
  const pattern = format === 'ris' ? /^TY {2}- /gm : /^[ \t]*@(\w+)[ \t]*[{(]/gm;
  const starts = [...text.matchAll(pattern)]
    .filter((match) => format === 'ris' || !/^(comment|preamble|string)$/i.test(match[1]))
    .map((match) => match.index!);
  if (starts.length === 0) {
    throw new ImportFileError(
      `${fileName}: no ${format === 'ris' ? 'RIS records (TY  - …)' : 'BibTeX entries (@article{…)'} found`,
    );
  }
  // @string macros apply to every entry.
  const macros =
    format === 'bibtex'
      ? [...text.matchAll(/^[ \t]*@string[ \t]*\{[^\n]*\}[ \t]*$/gim)].map((m) => m[0]).join('\n')
      : '';
  return starts.map((start, index) => ({
    line: lineAt(text, start),
    text: `${macros ? `${macros}\n` : ''}${text.slice(start, starts[index + 1] ?? text.length).trim()}\n`,
  }));
}

/** A field of a raw BibTeX entry that citation-js does not map (eprint, primaryclass…). */
function readBibtexField(text: string, field: string): string | undefined {
  const match = new RegExp(`\\b${field}\\s*=\\s*(?:\\{([^{}]*)\\}|"([^"]*)"|(\\w[\\w.:/-]*))`, 'i').exec(text);
  return match ? (match[1] ?? match[2] ?? match[3]).trim() : undefined;
}

/** The first schema category named in keyword lists or arXiv classes, as `cs.CL` or `CL`. */
function findCategory(...sources: (string | undefined)[]): CategoryCode | undefined {
  for (const token of sources.flatMap((source) => (source ?? '').split(/[\s,;]+/))) {
    const match = /^(?:cs\.)?([A-Za-z]{2})$/.exec(token);
    const code = match?.[1].toUpperCase() as CategoryCode | undefined;
    if (code && CATEGORY_CODES.includes(code) && (token.includes('.') || token === code)) return code;
  }
  return undefined;
}

type CslName = { given?: string; family?: string; literal?: string };

/** Converts one entry into a paper file, or says why it cannot. */
export function convertEntry(raw: RawEntry, options: ConvertOptions = {}): ImportedPaper | EntryProblem {
  let item: Record<string, unknown>;
  try {
    const data = new Cite(raw.item ?? raw.text).data as Record<string, unknown>[];
    if (data.length !== 1) return { line: raw.line, problem: `expected one entry, parsed ${data.length}` };
    item = data[0];
  } catch (error) {
    const rawKey = /@\w+\s*[{(]\s*([^,\s]+)\s*,/.exec(raw.text ?? '')?.[1];
    return { line: raw.line, key: rawKey, problem: `cannot parse: ${(error as Error).message.split('\n')[0]}` };
  }
  const key =
    typeof item['citation-key'] === 'string' ? item['citation-key'] : typeof item.id === 'string' ? item.id : undefined;
  const fail = (problem: string): EntryProblem => ({ line: raw.line, key, problem });
  const warnings: string[] = [];

  const title = typeof item.title === 'string' ? latexToPlainText(item.title) : '';
  if (!title) return fail('title is missing');

  const names = (Array.isArray(item.author) ? item.author : []) as CslName[];
  const truncated =
    names.some((name) => name.family === 'others' || name.literal === 'others') ||
    /et al/i.test(String(item.note ?? ''));
  const authors = names
    .filter((name) => name.family !== 'others' && name.literal !== 'others')
    .map((name) => latexToPlainText(name.literal ?? [name.given, name.family].filter(Boolean).join(' ')))
    .filter(Boolean);
  if (authors.length === 0) return fail('no authors');

  const parts = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0] ?? [];
  const [year, month, day] = parts.map(Number);
  if (!year) return fail('no date (year)');
  if (!month || !day) warnings.push(`date has no ${month ? 'day' : 'month or day'}; recorded as the first`);
  const date = `${year}-${String(month || 1).padStart(2, '0')}-${String(day || 1).padStart(2, '0')}`;

  const source = raw.text ?? '';
  const category =
    findCategory(
      readBibtexField(source, 'primaryclass'),
      readBibtexField(source, 'eprintclass'),
      typeof item.keyword === 'string' ? item.keyword : undefined,
    ) ?? options.defaultCategory;
  if (!category) return fail('no arXiv category (cs.XX) in the entry; pass a default with --category CL');

  const url = typeof item.URL === 'string' ? item.URL : '';
  const arxiv =
    (/arxiv/i.test(readBibtexField(source, 'archiveprefix') ?? readBibtexField(source, 'eprinttype') ?? '')
      ? readBibtexField(source, 'eprint')
      : undefined) ??
    ((item.archive === 'arXiv' || item.publisher === 'arXiv') && typeof item.number === 'string'
      ? item.number.replace(/^arXiv:/i, '')
      : undefined) ??
    /arxiv\.org\/(?:abs|pdf)\/([^\s/?#]+?)(?:\.pdf)?$/.exec(url)?.[1];

  const data: PaperInput = {
    title,
    authors,
    ...(truncated ? { authorsTruncated: true } : {}),
    date,
    category,
    ...(arxiv ? { arxiv } : {}),
    ...(typeof item.DOI === 'string' ? { doi: item.DOI.replace(/^https?:\/\/(dx\.)?doi\.org\//, '') } : {}),
    ...(typeof item['container-title'] === 'string' ? { venue: latexToPlainText(item['container-title']) } : {}),
    ...(key && /^[A-Za-z][A-Za-z0-9_:.-]*$/.test(key) ? { citationKey: key } : {}),
  };
  const result = paperSchema.safeParse(data);
  if (!result.success) {
    return fail(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const abstract = typeof item.abstract === 'string' ? latexToMarkdown(item.abstract) : '';
  if (!abstract) warnings.push('no abstract');
  return {
    line: raw.line,
    id: slugifyTitle(title),
    data,
    abstract,
    markdown: formatPaperFile(data, abstract),
    warnings,
  };
}

/** What identifies a paper for duplicate detection. */
export interface PaperIdentity {
  /** Where it is (a file path, or "this import, line N"). */
  source: string;
  title: string;
  doi?: string;
  arxiv?: string;
}

/** A title reduced for comparison: no accents, markup, punctuation or case. */
export function normalizeTitle(title: string): string {
  return latexToPlainText(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The known paper this one duplicates (same DOI, arXiv id or normalised title), if any. */
export function findDuplicate(
  paper: Omit<PaperIdentity, 'source'>,
  known: readonly PaperIdentity[],
): PaperIdentity | undefined {
  const title = normalizeTitle(paper.title);
  const bareArxiv = (id?: string) => id?.replace(/v\d+$/, '');
  return known.find(
    (other) =>
      (paper.doi && other.doi?.toLowerCase() === paper.doi.toLowerCase()) ||
      (paper.arxiv && bareArxiv(other.arxiv) === bareArxiv(paper.arxiv)) ||
      normalizeTitle(other.title) === title,
  );
}
