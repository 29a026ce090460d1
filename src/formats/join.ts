// Joining single export records into one file, for each format. Small and free of the writers' tables, so the
// browser can join the per-paper files of a filtered list or of search results exactly as the build joins a list's.

import type { CslItem } from '../domain/csl';
import { stripForbiddenCharacters } from '../domain/text';

const RIS_EOL = '\r\n';

/**
 * Joins BibTeX entries into one file, after a comment header naming the source (every header line a `%` line;
 * an `@` would open an entry in bibtex's eyes, so it is written as the full-width ＠).
 */
export function joinBibtex(entries: readonly string[], header: string): string {
  const lines = stripForbiddenCharacters(header)
    .split(/\r\n?|\n/)
    .map((line) => `% ${line.replace(/@/g, '＠')}`.trimEnd());
  return `${lines.join('\n')}\n% ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, UTF-8\n\n${entries.join('\n')}`;
}

/** Joins RIS records into one file (a blank line between records, as Zotero writes them). */
export function joinRis(records: readonly string[]): string {
  return records.join(RIS_EOL);
}

/** Writes CSL-JSON items as a file: a JSON array, two-space indented, ending in a newline. */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
