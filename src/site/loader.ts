// The papers collection's loader: reads the folder of paper files with the shared validation path, renders each
// abstract with Astro's markdown pipeline, and stores the validated entry. Unchanged files keep their stored entry
// (no second render), so a rebuild with the cache kept only renders what changed.

import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { toAbstract } from '../domain/html';
import type { PaperEntry } from '../domain/paper';
import type { FrontMatterSchema } from '../domain/paper-file';
import { formatProblems, readPaperFolder } from './paper-folder';

// Part of every entry's digest: bump it when what the loader stores for the same file changes.
const LOADER_VERSION = '3';

/** A paper file that does not validate: the build stops naming every file and field at once. */
export class PaperFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperFilesError';
  }
}

/** What the loader stores per paper: the domain's entry, JSON as the data store keeps it. */
export type StoredPaper = PaperEntry;

/** The loader of the papers collection, reading `dir` (relative to the project) with the given schema. */
export function paperLoader(dir: string, schema: FrontMatterSchema, schemaDigest: string): Loader {
  return {
    name: 'bibshelf-papers',
    load: async ({ store, config, renderMarkdown, generateDigest, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const folder = resolve(root, dir);
      const sync = async () => {
        const { files, problems } = readPaperFolder(folder, root, schema);
        if (problems.length > 0) throw new PaperFilesError(formatProblems(problems));
        const seen = new Set<string>();
        for (const file of files) {
          seen.add(file.id);
          const digest = generateDigest(`${LOADER_VERSION}\n${schemaDigest}\n${file.file}\n${file.source}`);
          if (store.get(file.id)?.digest === digest) continue;
          // A body opening with --- would be read as front matter by the renderer; a blank line first keeps it text.
          const rendered = file.body
            ? await renderMarkdown(`\n${file.body}`, { fileURL: pathToFileURL(file.path) })
            : undefined;
          const data: StoredPaper = {
            id: file.id,
            file: file.file,
            data: file.data,
            abstract: toAbstract(file.body, rendered?.html ?? ''),
          };
          store.set({ id: file.id, data: data as unknown as Record<string, unknown>, digest, filePath: file.file });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (!resolve(changed).startsWith(folder)) return;
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
