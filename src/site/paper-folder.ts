// Reading a folder of paper files: the part of the build's loader that `npm run check` shares, so both accept and
// reject exactly the same files and name the same problems.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { PAPER_FILE_EXTENSION, validatePaperFile, type FrontMatterSchema, type ValidFile } from '../domain/paper-file';
import type { FieldProblem } from '../domain/schema';
import { findImageFile } from './images';

/** A problem with one file, for messages: the file (relative to the project), the field, what is wrong. */
export interface FileProblem extends FieldProblem {
  file: string;
}

/** One paper file that validated, with where it is. */
export interface FolderFile extends ValidFile {
  /** Path relative to the project root (for messages). */
  file: string;
  /** Absolute path. */
  path: string;
  /** The file's bytes as text (for digests). */
  source: string;
  /** The absolute path of the thumbnail the file names (when the folder was read with an assets folder). */
  thumbnailPath?: string;
}

/** Every paper file below a folder (any depth), as absolute paths in a stable order. */
export function listPaperFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && PAPER_FILE_EXTENSION.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Formats problems for the terminal: the file, then each field and its problem; `what` names the kind of file. */
export function formatProblems(problems: readonly FileProblem[], what = 'paper file'): string {
  const byFile = new Map<string, FileProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile]
    .map(([file, list]) => `Invalid ${what} ${file}\n${list.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`)
    .join('\n');
}

/**
 * Reads and validates every paper file of a folder. Returns the valid files and every problem: per file (schema,
 * encoding, file name, and with `assetsDir` the thumbnail's file, beside the paper or there) and across files (two
 * files with the same page id or the same citation key).
 */
export function readPaperFolder(
  dir: string,
  root: string,
  schema: FrontMatterSchema,
  assetsDir?: string,
): { files: FolderFile[]; problems: FileProblem[] } {
  const files: FolderFile[] = [];
  const problems: FileProblem[] = [];
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const path of listPaperFiles(dir)) {
    const file = relative(root, path).split(sep).join('/') || path;
    const bytes = readFileSync(path);
    const result = validatePaperFile(basename(path), bytes, schema);
    if ('problems' in result) {
      problems.push(...result.problems.map((problem) => ({ file, ...problem })));
      continue;
    }
    const owner = ids.get(result.id);
    if (owner !== undefined) {
      const field = result.data.slug ? 'slug' : '(file name)';
      problems.push({
        file,
        field,
        message: `page id "${result.id}" is already used by ${owner} (both would be /papers/${result.id}/); rename one file or give it another slug`,
      });
      continue;
    }
    ids.set(result.id, file);
    const key = typeof result.data.citationKey === 'string' ? result.data.citationKey.toLowerCase() : undefined;
    if (key !== undefined) {
      const keyOwner = keys.get(key);
      if (keyOwner !== undefined) {
        problems.push({
          file,
          field: 'citationKey',
          message: `"${result.data.citationKey}" is already used by ${keyOwner}; citation keys must be unique`,
        });
        continue;
      }
      keys.set(key, file);
    }
    let thumbnailPath: string | undefined;
    if (assetsDir !== undefined && typeof result.data.thumbnail === 'string') {
      const found = findImageFile(result.data.thumbnail, {
        folders: [dirname(path), assetsDir],
        labels: ['beside the paper', `in ${relative(root, assetsDir).split(sep).join('/') || assetsDir}`],
      });
      if ('error' in found) {
        problems.push({ file, field: 'thumbnail', message: found.error });
        continue;
      }
      thumbnailPath = found.path;
    }
    files.push({ ...result, file, path, source: bytes.toString('latin1'), thumbnailPath });
  }
  return { files, problems };
}
