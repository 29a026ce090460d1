// File I/O shared by the editor scripts: listing paper files and reading their front matter.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load as loadYaml } from 'js-yaml';

/** The default folder of paper files. */
export const PAPERS_DIR = process.env.BIBSHELF_PAPERS_DIR ?? 'src/content/papers';

/** Every markdown file below a folder, as paths. */
export function listPaperFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A paper file split into its parsed front matter and body; `error` says why the front matter could not be read. */
export interface PaperFile {
  file: string;
  source: string;
  data?: Record<string, unknown>;
  body: string;
  error?: string;
}

/** Reads one paper file (YAML front matter between --- lines, then the abstract). */
export function readPaperFile(file: string, root = process.cwd()): PaperFile {
  const source = readFileSync(file, 'utf8');
  const name = relative(root, file);
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { file: name, source, body: source, error: 'no front matter (--- … ---) at the top' };
  try {
    const data = loadYaml(match[1]);
    if (typeof data !== 'object' || data === null)
      return { file: name, source, body: match[2], error: 'front matter is not a set of fields' };
    return { file: name, source, data: data as Record<string, unknown>, body: match[2] };
  } catch (error) {
    return {
      file: name,
      source,
      body: match[2],
      error: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
