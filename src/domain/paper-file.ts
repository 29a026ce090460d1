// A paper file as bytes on disk → its front matter and abstract, with every problem named; and back (the importer
// and `npm run new` write files with `formatPaperFile`). Shared by the build's loader, `npm run check` and the
// importer, so all three read files the same way.

import type { z } from 'astro/zod';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { formatIsoDate } from './dates';
import { FIELDS } from './fields';
import { formatDisplayName, parseName, type Name } from './names';
import { toFieldProblems, type FieldProblem, type PaperData } from './schema';
import { findForbiddenCharacter, normalizeBlock } from './text';

/** The file extensions of paper files (any letter case). */
export const PAPER_FILE_EXTENSION = /\.(md|markdown)$/i;

/** A paper file's front matter (as YAML gave it) and its markdown body, or what is wrong with the file. */
export type PaperSource = { frontMatter: Record<string, unknown>; body: string } | { problems: FieldProblem[] };

const problem = (field: string, message: string): { problems: FieldProblem[] } => ({ problems: [{ field, message }] });

/** Decodes a file as UTF-8 (a BOM is dropped); says what the file is when it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'the file is UTF-16, not UTF-8; save it as UTF-8' };
  }
  if (bytes.includes(0))
    return { error: 'the file holds NUL bytes: it is not UTF-8 text (UTF-16 or binary?); save it as UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { error: 'the file is not UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8' };
  }
}

/**
 * Splits a paper file into YAML front matter and markdown body. The front matter must open on the first line with
 * `---` and close with `---`; YAML is read with its core schema, so dates stay text (the schema checks them) and a
 * duplicated key is an error.
 */
export function readPaperSource(bytes: Uint8Array | string): PaperSource {
  let text: string;
  if (typeof bytes === 'string') text = bytes.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeUtf8(bytes);
    if ('error' in decoded) return problem('(file)', decoded.error);
    text = decoded.text;
  }
  text = text.replace(/\r\n?/g, '\n');
  if (/^\+\+\+[ \t]*\n/.test(text))
    return problem('(front matter)', 'TOML front matter (+++) is not read; write YAML between --- lines');
  if (!text.startsWith('---\n') && !/^---[ \t]*\n/.test(text)) {
    return problem(
      '(front matter)',
      /^\s*\n---[ \t]*\n/.test(text)
        ? 'the front matter must start on the first line; remove the blank lines before ---'
        : 'no front matter: a paper file starts with a --- line, the fields, and another --- line',
    );
  }
  const start = text.indexOf('\n') + 1;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(start);
  const match = close.exec(rest);
  if (!match) return problem('(front matter)', 'the front matter is not closed: add a --- line after the fields');
  const yaml = rest.slice(0, match.index);
  const body = rest.slice(match.index + match[0].length).replace(/^\n/, '');
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    return problem('(front matter)', `not valid YAML: ${message}`);
  }
  if (data === undefined || data === null) return problem('(front matter)', 'the front matter is empty');
  if (typeof data !== 'object' || Array.isArray(data))
    return problem('(front matter)', 'the front matter must be a set of fields (name: value)');
  return { frontMatter: data as Record<string, unknown>, body };
}

/** The page id of a paper file name: lowercase letters and digits (any script) with - _ . between them. */
export function idFromFileName(name: string): string | undefined {
  const stem = (name.split('/').pop() ?? name).replace(PAPER_FILE_EXTENSION, '');
  const id = stem
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/([-_.])[-_.]+/g, '$1')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return id && new TextEncoder().encode(id).length <= 150 ? id : undefined;
}

/** A name as front matter writes it: "Given Family" when that reads back to the same name, else the parts. */
export function formatFrontMatterName(name: Name): unknown {
  const marks = { ...(name.equal ? { equal: true } : {}), ...(name.corresponding ? { corresponding: true } : {}) };
  if ('literal' in name) return { literal: name.literal, ...marks };
  const display = formatDisplayName(name);
  let readsBack = false;
  try {
    readsBack =
      JSON.stringify(parseName(display)) === JSON.stringify({ ...name, equal: undefined, corresponding: undefined });
  } catch {
    readsBack = false;
  }
  if (readsBack && Object.keys(marks).length === 0) return display;
  const parts: Record<string, unknown> = { family: name.family };
  if (name.given) parts.given = name.given;
  if (name['non-dropping-particle']) parts.particle = name['non-dropping-particle'];
  if (name['dropping-particle']) parts.droppingParticle = name['dropping-particle'];
  if (name.suffix) parts.suffix = name.suffix;
  return { ...parts, ...marks };
}

/** Writes a paper file: YAML front matter in the field table's order, then the abstract as the markdown body. */
export function formatPaperFile(data: PaperData, abstract: string): string {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = data[field.key];
    if (value === undefined) continue;
    if (field.kind === 'names') ordered[field.key] = (value as Name[]).map(formatFrontMatterName);
    else if (field.kind === 'date') ordered[field.key] = formatIsoDate(value as Parameters<typeof formatIsoDate>[0]);
    else ordered[field.key] = value;
    if (field.truncatedKey && data[field.truncatedKey]) ordered[field.truncatedKey] = true;
  }
  const yaml = dump(ordered, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true });
  const body = abstract.trim();
  return body ? `---\n${yaml}---\n\n${body}\n` : `---\n${yaml}---\n`;
}

/** A paper file that validated: its page id, front matter and abstract (markdown). */
export interface ValidFile {
  id: string;
  data: PaperData;
  body: string;
}

/** Anything with a `safeParse` of front matter: the paper schema of a site. */
export interface FrontMatterSchema {
  safeParse(
    data: unknown,
  ): { success: true; data: PaperData } | { success: false; error: { issues: readonly z.core.$ZodIssue[] } };
}

/**
 * Validates one paper file from its name and bytes: encoding, front matter, every field (the schema), the page id
 * (file name or `slug`), and the abstract's characters. Returns the file's data or every problem found.
 */
export function validatePaperFile(
  name: string,
  bytes: Uint8Array | string,
  schema: FrontMatterSchema,
): ValidFile | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const source = readPaperSource(bytes);
  if ('problems' in source) return source;
  const result = schema.safeParse(source.frontMatter);
  if (!result.success) problems.push(...toFieldProblems(result.error.issues));
  const forbidden = findForbiddenCharacter(source.body);
  if (forbidden)
    problems.push({ field: 'abstract', message: `contains the control or non-character ${forbidden}; remove it` });
  const slug = result.success ? (result.data.slug as string | undefined) : undefined;
  const id = slug ?? idFromFileName(name);
  if (id === undefined) {
    problems.push({
      field: '(file name)',
      message: `"${name}" gives no page id: name the file with letters or digits (at most 150 bytes), or set slug`,
    });
  }
  if (problems.length > 0 || !result.success || id === undefined) return { problems };
  return { id, data: result.data, body: normalizeBlock(source.body) };
}
