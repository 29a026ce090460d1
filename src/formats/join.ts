// Joining single export records into one file, for each format. Small and free of the writers' tables, so the
// browser can join the per-paper files of a filtered list or of search results exactly as the build joins a list's.

import type { CslItem } from '../domain/csl';
import { stripForbiddenCharacters } from '../domain/text';

const RIS_EOL = '\r\n';

const PREAMBLE = '@preamble{';

/**
 * A @preamble declaration of LaTeX definitions, written before the entries that use them: quoted, or braced when
 * the text holds a quote outside braces; blank lines (which would end it for a reader splitting on them) folded.
 */
export function formatPreamble(text: string): string {
  const folded = text.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n');
  let depth = 0;
  let quoted = false;
  for (const char of folded) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '"' && depth === 0) quoted = true;
  }
  return quoted ? `${PREAMBLE}{${folded}}}` : `${PREAMBLE}"${folded}"}`;
}

/** An entry's text as its preamble (`formatPreamble`, or '') and the entry itself. */
function splitPreamble(entry: string): [string, string] {
  if (!entry.startsWith(PREAMBLE)) return ['', entry];
  const end = entry.indexOf('\n\n@');
  return end < 0 ? ['', entry] : [entry.slice(0, end), entry.slice(end + 2)];
}

/**
 * Joins BibTeX entries into one file, after a comment header naming the source (every header line a `%` line;
 * an `@` would open an entry in bibtex's eyes, so it is written as the full-width ＠). The entries' preambles
 * come first, each once.
 */
export function joinBibtex(entries: readonly string[], header: string): string {
  const lines = stripForbiddenCharacters(header)
    .split(/\r\n?|\n/)
    .map((line) => `% ${line.replace(/@/g, '＠')}`.trimEnd());
  const preambles: string[] = [];
  const bodies = entries.map((entry) => {
    const [preamble, body] = splitPreamble(entry);
    if (preamble && !preambles.includes(preamble)) preambles.push(preamble);
    return body;
  });
  const head = preambles.length > 0 ? `${preambles.join('\n')}\n\n` : '';
  return `${lines.join('\n')}\n% ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, UTF-8\n\n${head}${bodies.join('\n')}`;
}

/** Joins RIS records into one file (a blank line between records, as Zotero writes them). */
export function joinRis(records: readonly string[]): string {
  return records.join(RIS_EOL);
}

/** Writes CSL-JSON items as a file: a JSON array, two-space indented, ending in a newline. */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
