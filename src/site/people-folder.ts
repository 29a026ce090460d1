// Reading the folder of person files (one per person: a .md file with YAML front matter and an optional markdown bio,
// or a .yaml file), every problem named by file and field, and the people checked against each other (no spelling
// claimed twice).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'astro/zod';
import { idFromFileName, readPaperSource } from '../domain/paper-file';
import { createPeopleIndex, PeopleConflictError, personSchema, type PersonEntry } from '../domain/people';
import { findImageFile } from './images';
import type { FileProblem } from './paper-folder';

/** The file extensions of person files. */
const PERSON_FILE = /\.(md|markdown|ya?ml)$/i;

/** A person file that validated, with where it is and its photo file. */
export interface PersonFile extends PersonEntry {
  /** Absolute path. */
  path: string;
  /** The markdown body of a .md file (the bio), trimmed. */
  body: string;
  /** The absolute path of the photo, when the file names one. */
  photoPath?: string;
  /** The file's text (for digests). */
  source: string;
}

const FIELDS = Object.keys(personSchema.shape);

/** Zod issues of a person file as problems named by field. */
function toProblems(file: string, issues: readonly z.core.$ZodIssue[]): FileProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          file,
          field: key,
          message: `unknown field; a person file has ${FIELDS.join(', ')}`,
        }))
      : [
          {
            file,
            field:
              issue.path
                .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
                .join('')
                .replace(/^\./, '') || '(front matter)',
            message: issue.message,
          },
        ],
  );
}

/** Reads one person file's front matter (or YAML) and body. */
function readSource(path: string, text: string): { data: unknown; body: string } | { error: string } {
  if (/\.(md|markdown)$/i.test(path)) {
    const source = readPaperSource(text);
    if ('problems' in source) return { error: source.problems.map((problem) => problem.message).join('; ') };
    return { data: source.frontMatter, body: source.body.trim() };
  }
  try {
    return { data: load(text, { schema: CORE_SCHEMA }), body: '' };
  } catch (error) {
    return { error: `not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * Reads and validates every person file below `dir` (none when it does not exist): fields, the photo file (beside
 * the person file or in `assetsDir`), and spellings two people share.
 */
export function readPeopleFolder(
  dir: string,
  root: string,
  assetsDir: string,
): { files: PersonFile[]; problems: FileProblem[] } {
  const files: PersonFile[] = [];
  const problems: FileProblem[] = [];
  if (!existsSync(dir)) return { files, problems };
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && PERSON_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const ids = new Map<string, string>();
  for (const path of paths) {
    const file = relative(root, path).split(sep).join('/') || path;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const source = readSource(path, text);
    if ('error' in source) {
      problems.push({ file, field: '(file)', message: source.error });
      continue;
    }
    const result = personSchema.safeParse(source.data ?? {});
    if (!result.success) {
      problems.push(...toProblems(file, result.error.issues));
      continue;
    }
    const id = idFromFileName(basename(path).replace(PERSON_FILE, '.md'));
    if (id === undefined) {
      problems.push({ file, field: '(file name)', message: 'gives no id: name the file with letters or digits' });
      continue;
    }
    if (ids.has(id)) {
      problems.push({ file, field: '(file name)', message: `id "${id}" is already used by ${ids.get(id)}` });
      continue;
    }
    ids.set(id, file);
    let photoPath: string | undefined;
    if (result.data.photo !== undefined) {
      const found = findImageFile(result.data.photo, {
        folders: [dirname(path), assetsDir],
        labels: ['beside the person file', `in ${relative(root, assetsDir) || assetsDir}`],
      });
      if ('error' in found) {
        problems.push({ file, field: 'photo', message: found.error });
        continue;
      }
      photoPath = found.path;
    }
    files.push({ id, file, path, person: result.data, body: source.body, photoPath, source: text });
  }
  if (problems.length === 0) {
    try {
      createPeopleIndex(files);
    } catch (error) {
      if (!(error instanceof PeopleConflictError)) throw error;
      problems.push(...error.conflicts);
    }
  }
  return { files, problems };
}
