import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { checkCalendarDateText, createIdRegistry, readRawFrontmatterValue } from './frontmatter';
import { paperIdFromFile } from './ids';

/** An error about one paper file, naming the file and the field. */
export class PaperFileError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`Invalid paper file ${file}\n  ${field}: ${problem}`);
    this.name = 'PaperFileError';
  }
}

/** A path relative to the project when the file is inside it, else absolute. */
function displayPath(root: string, file: string): string {
  const path = relative(root, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

/**
 * Astro's glob loader for paper markdown files, plus two checks it does not make: no two files may share
 * a page id, and dates must be real calendar days (YAML would roll 2024-02-31 over to March).
 */
export function paperLoader(base: string): Loader {
  const ids = createIdRegistry();
  let fullLoad = false;
  let root = process.cwd();
  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry, data }) => {
      const id = paperIdFromFile(entry, data);
      const file = displayPath(root, resolve(root, base, entry));
      const clash = fullLoad ? ids.claim(id, file) : undefined;
      if (clash) throw new PaperFileError(file, typeof data.slug === 'string' ? 'slug' : 'file name', clash);
      return id;
    },
  });
  return {
    name: 'bibshelf-papers',
    load: async (context) => {
      root = fileURLToPath(context.config.root);
      const parseData: typeof context.parseData = async (props) => {
        if (props.filePath) {
          const source = await readFile(props.filePath, 'utf8');
          const problem = checkCalendarDateText(readRawFrontmatterValue(source, 'date') ?? '');
          if (problem) throw new PaperFileError(displayPath(root, props.filePath), 'date', problem);
        }
        return context.parseData(props);
      };
      ids.reset();
      fullLoad = true;
      try {
        await inner.load({ ...context, parseData });
      } finally {
        fullLoad = false;
      }
    },
  };
}
