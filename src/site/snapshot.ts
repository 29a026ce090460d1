// The loader's entries, kept as a JSON file in Astro's cache folder after every content sync. Integrations that run
// outside Astro's page rendering (the export files, the search index) build the same papers from it, with the same
// domain code, instead of re-reading the built pages.

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PaperEntry } from '../domain/paper';
import type { PersonEntry } from '../domain/people';

/** The snapshot file in a cache folder. */
export function snapshotPath(cacheDir: string): string {
  return join(cacheDir, 'bibshelf', 'papers.json');
}

/** Writes the entries of the latest content sync (whole file, then rename: readers never see half a file). */
export function writeSnapshot(cacheDir: string, entries: readonly PaperEntry[]): void {
  const path = snapshotPath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(entries));
  renameSync(`${path}.tmp`, path);
}

/** Names the latest content sync's snapshot (its file's change time): two readers of the same sync get the same. */
export function stampSnapshot(cacheDir: string): string {
  return String(statSync(snapshotPath(cacheDir)).mtimeMs);
}

/** Reads the entries of the latest content sync; throws naming the file when there is none. */
export function readSnapshot(cacheDir: string): PaperEntry[] {
  const path = snapshotPath(cacheDir);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PaperEntry[];
  } catch (error) {
    throw new Error(
      `No papers snapshot at ${path} (the papers loader writes it on every content sync): ${(error as Error).message}`,
    );
  }
}

/** The people snapshot file in a cache folder. */
export function peopleSnapshotPath(cacheDir: string): string {
  return join(cacheDir, 'bibshelf', 'people.json');
}

/** Writes the people of the latest content sync (their names and aliases merge author pages in the exports too). */
export function writePeopleSnapshot(cacheDir: string, people: readonly PersonEntry[]): void {
  const path = peopleSnapshotPath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(people));
  renameSync(`${path}.tmp`, path);
}

/** Reads the people of the latest content sync; throws naming the file when there is none. */
export function readPeopleSnapshot(cacheDir: string): PersonEntry[] {
  const path = peopleSnapshotPath(cacheDir);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PersonEntry[];
  } catch (error) {
    throw new Error(
      `No people snapshot at ${path} (the people loader writes it on every content sync): ${(error as Error).message}`,
    );
  }
}
