// Turns what a reader gives (ImportedEntry front matter + abstract markdown) into real Papers, the way the importer
// and the build would (the real schema, renderer and sanitizer), keeping the input's order.
import type { Paper } from '../../src/domain/paper';
import type { ImportedEntry } from '../../src/formats/import-entry';
import { makePapers } from '../helpers/model';

/** Builds papers from imported entries; throws (with every problem) when one does not validate. */
export async function papersFromEntries(entries: readonly ImportedEntry[]): Promise<Paper[]> {
  const papers = await makePapers(
    entries.map((entry, index) => ({
      file: `entry-${String(index).padStart(4, '0')}.md`,
      frontMatter: entry.frontMatter,
      abstract: entry.abstract,
    })),
  );
  // makePapers sorts newest first; the writers' output is compared with the input record by record.
  const byFile = new Map(papers.map((paper) => [paper.file, paper]));
  return entries.map((_, index) => byFile.get(`entry-${String(index).padStart(4, '0')}.md`)!);
}

/** Front matter without the key a first import leaves to the importer (written back by every export as ID/id). */
export function withoutGeneratedKey(frontMatter: Record<string, unknown>, original: Record<string, unknown>) {
  if (original.citationKey !== undefined) return frontMatter;
  const { citationKey: _key, ...rest } = frontMatter;
  return rest;
}
