// The collections' loaders. Papers: reads the folder of paper files with the shared validation path, renders each
// abstract with Astro's markdown pipeline, and stores the validated entry. Unchanged files keep their stored entry
// (no second render), so a rebuild with the cache kept only renders what changed. People: one file per person.
// Config images: the profile photo. Images (thumbnails, photos) are checked to exist by the loader, then handed to
// Astro's `image()` through `parseData` and the collection's schema, so astro:assets optimises them.

import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { toAbstract } from '../domain/html';
import type { PaperEntry } from '../domain/paper';
import type { FrontMatterSchema } from '../domain/paper-file';
import type { PersonEntry } from '../domain/people';
import { findImageFile, toRelativeImagePath } from './images';
import { formatProblems, readPaperFolder } from './paper-folder';
import { readPeopleFolder } from './people-folder';
import { writePeopleSnapshot, writeSnapshot } from './snapshot';

// Part of every entry's digest: bump it when what the loader stores for the same file changes.
const LOADER_VERSION = '3';

/** A paper file that does not validate: the build stops naming every file and field at once. */
export class PaperFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperFilesError';
  }
}

/**
 * What the loader stores per paper: the domain's entry, JSON as the data store keeps it, and the thumbnail as
 * Astro's `image()` gave it (the collection's schema: getCollection turns it into the optimised image's metadata).
 */
export type StoredPaper = PaperEntry & { thumbnailImage?: unknown };

/** The collection schema of the papers: only the thumbnail, through Astro's `image()`; the loader validated the rest. */
export function createStoredPaperSchema<Image extends z.ZodType>(image: () => Image) {
  return z.looseObject({ thumbnailImage: image().optional() });
}

/** Where the papers loader reads. */
export interface PaperLoaderOptions {
  /** The papers folder, relative to the project. */
  dir: string;
  /** The assets folder (thumbnails not beside their paper), relative to the project. */
  assets: string;
  schema: FrontMatterSchema;
  /** Changes whenever what the schema accepts changes (the taxonomy). */
  schemaDigest: string;
}

/** The loader of the papers collection, reading `dir` (relative to the project) with the given schema. */
export function paperLoader({ dir, assets, schema, schemaDigest }: PaperLoaderOptions): Loader {
  return {
    name: 'bibshelf-papers',
    load: async ({ store, config, renderMarkdown, generateDigest, watcher, logger, parseData }) => {
      const root = fileURLToPath(config.root);
      const folder = resolve(root, dir);
      const assetsFolder = resolve(root, assets);
      const sync = async () => {
        // Every sync checks every thumbnail, changed file or not: an image may have been deleted since.
        const { files, problems } = readPaperFolder(folder, root, schema, assetsFolder);
        const thumbnails = new Map(
          files.flatMap((file) =>
            file.thumbnailPath ? [[file.id, toRelativeImagePath(file.thumbnailPath, file.path)]] : [],
          ),
        );
        if (problems.length > 0) throw new PaperFilesError(formatProblems(problems));
        const seen = new Set<string>();
        for (const file of files) {
          seen.add(file.id);
          const thumbnail = thumbnails.get(file.id);
          const digest = generateDigest(
            `${LOADER_VERSION}\n${schemaDigest}\n${file.file}\n${thumbnail ?? ''}\n${file.source}`,
          );
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
          if (thumbnail !== undefined) {
            const parsed = await parseData({ id: file.id, data: { thumbnailImage: thumbnail }, filePath: file.path });
            data.thumbnailImage = parsed.thumbnailImage;
          }
          store.set({ id: file.id, data: data as unknown as Record<string, unknown>, digest, filePath: file.file });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        writeSnapshot(
          fileURLToPath(config.cacheDir),
          store.values().map((entry) => entry.data as unknown as StoredPaper),
        );
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

/** What the people loader stores per person: the validated file, its bio rendered, its photo through `image()`. */
export interface StoredPerson extends PersonEntry {
  /** The markdown body (or the `bio` field) rendered and sanitized; absent when there is neither. */
  bio?: { html: string; text: string };
  photoImage?: unknown;
}

/** The collection schema of the people: only the photo, through Astro's `image()`; the loader validated the rest. */
export function createStoredPersonSchema<Image extends z.ZodType>(image: () => Image) {
  return z.looseObject({ photoImage: image().optional() });
}

/** The loader of the people collection: every person file of `dir`, photos found beside them or in `assets`. */
export function peopleLoader({ dir, assets }: { dir: string; assets: string }): Loader {
  return {
    name: 'bibshelf-people',
    load: async ({ store, config, renderMarkdown, watcher, logger, parseData }) => {
      const root = fileURLToPath(config.root);
      const folder = resolve(root, dir);
      const sync = async () => {
        const { files, problems } = readPeopleFolder(folder, root, resolve(root, assets));
        if (problems.length > 0) throw new PaperFilesError(formatProblems(problems, 'person file'));
        store.clear();
        for (const file of files) {
          const markdown = file.body || file.person.bio;
          const rendered = markdown
            ? await renderMarkdown(`\n${markdown}`, { fileURL: pathToFileURL(file.path) })
            : undefined;
          const data: StoredPerson = { id: file.id, file: file.file, person: file.person };
          if (rendered) {
            const { html, text } = toAbstract(markdown!, rendered.html);
            data.bio = { html, text };
          }
          if (file.photoPath) {
            const photo = toRelativeImagePath(file.photoPath, file.path);
            data.photoImage = (
              await parseData({ id: file.id, data: { photoImage: photo }, filePath: file.path })
            ).photoImage;
          }
          store.set({ id: file.id, data: data as unknown as Record<string, unknown>, filePath: file.file });
        }
        writePeopleSnapshot(
          fileURLToPath(config.cacheDir),
          files.map(({ id, file, person }) => ({ id, file, person })),
        );
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

/** An image the site config names (the profile photo): its entry id, the config field and the path as written. */
export interface ConfigImage {
  id: string;
  field: string;
  value: string;
}

/** The collection schema of the config's images, through Astro's `image()`. */
export function createConfigImageSchema<Image extends z.ZodType>(image: () => Image) {
  return z.object({ image: image() });
}

/**
 * The loader of the images the site config names: each found in the assets folder or from the project root;
 * a missing file stops the build naming the config file and the field.
 */
export function configImageLoader({
  images,
  assets,
  configFile,
}: {
  images: ConfigImage[];
  assets: string;
  configFile: string;
}): Loader {
  return {
    name: 'bibshelf-config-images',
    load: async ({ store, config, parseData }) => {
      const root = fileURLToPath(config.root);
      store.clear();
      const problems: string[] = [];
      for (const entry of images) {
        const found = findImageFile(entry.value, {
          folders: [resolve(root, assets), root],
          labels: [`in ${assets}`, 'in the project'],
        });
        if ('error' in found) {
          problems.push(`  ${entry.field}: ${found.error}`);
          continue;
        }
        // `image()` resolves the path against the naming file: here the config file.
        const data = await parseData({
          id: entry.id,
          data: { image: toRelativeImagePath(found.path, configFile) },
          filePath: configFile,
        });
        store.set({ id: entry.id, data, filePath: relative(root, configFile).split(sep).join('/') });
      }
      if (problems.length > 0)
        throw new PaperFilesError(
          `Invalid site config ${relative(root, configFile) || configFile}\n${problems.join('\n')}`,
        );
    },
  };
}
