// Image files named by paper and person files and by the site config (thumbnails, photos): found beside the file
// that names them or in the assets folder, checked to exist and to be a format Astro's image pipeline reads, and
// handed to Astro's `image()` as a path relative to the naming file.

import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The file formats Astro's image service optimises (astro:assets' input formats). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'svg'];

/** Where an image named by a file may be. */
export interface ImageSearch {
  /** Folders to look in, in order (the naming file's own folder first). */
  folders: readonly string[];
  /** Labels of those folders for messages (e.g. "beside the paper", "in src/assets"). */
  labels: readonly string[];
}

/** A found image: its absolute path, or why there is none. */
export type ImageLookup = { path: string } | { error: string };

/** Finds the image a file names (`value`), in the search folders in order; a URL is refused (images are local). */
export function findImageFile(value: string, search: ImageSearch): ImageLookup {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return { error: `"${value}" is a URL; put the image file beside the file or in the assets folder` };
  }
  const extension = extname(value).slice(1).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(extension)) {
    return { error: `"${value}" is not an image Astro can optimise (use ${IMAGE_EXTENSIONS.join(', ')})` };
  }
  const candidates = isAbsolute(value) ? [value] : search.folders.map((folder) => resolve(folder, value));
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (found) return { path: found };
  const where = isAbsolute(value) ? 'there' : search.labels.join(' or ');
  return { error: `no image file "${value}" ${where}` };
}

/** The path of an image relative to the file that names it, as Astro's `image()` wants it (`./x.png`, `../x.png`). */
export function toRelativeImagePath(image: string, namingFile: string): string {
  const path = relative(dirname(namingFile), image).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}
