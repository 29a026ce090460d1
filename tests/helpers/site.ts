import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { SITE_DIR } from './build';

/** Reads a built file of the shipped site, e.g. `papers/bbtv2/index.html`. */
export function readBuilt(path: string, dir = SITE_DIR): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Parses a built HTML page into a DOM document. */
export function loadPage(path: string, dir = SITE_DIR): Document {
  return parseHTML(readBuilt(path, dir)).document as unknown as Document;
}

/** Lists every file below a built folder, as paths relative to it. */
export function listBuilt(dir = SITE_DIR, prefix = ''): string[] {
  if (!existsSync(join(dir, prefix))) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listBuilt(dir, path) : [path];
  });
}

/** The visible text of an element with white space collapsed. */
export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The built file a root-relative URL path serves, as a static host would (`x/` → `x/index.html`), if any. */
export function resolveBuilt(dir: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const file = join(dir, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** The rows of a details list (`<dl>`), label → value text. */
export function readDetails(list: Element | null): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const term of list?.querySelectorAll('dt') ?? []) rows[textOf(term)] = textOf(term.nextElementSibling);
  return rows;
}

/**
 * A BibTeX entry as written, less one field (`abstract`): what the pages show of a .bib file. The field runs from
 * its `  name = ` line to the next field or the closing brace; the comma before a removed last field goes too.
 */
export function removeBibtexField(entry: string, name: string): string {
  const lines = entry.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${name} = `));
  if (start < 0) return entry;
  let end = start + 1;
  while (end < lines.length && !/^ {2}[a-z-]+ = |^\}$/.test(lines[end])) end++;
  const kept = [...lines.slice(0, start), ...lines.slice(end)];
  if (lines[end] === '}') kept[start - 1] = kept[start - 1].replace(/,$/, '');
  return kept.join('\n');
}
