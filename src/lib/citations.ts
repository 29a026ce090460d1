import { formatBibtex } from './bibtex';
import { assignCitationKeys } from './citation-keys';
import { formatCitationStyles, type CitationStyleId } from './citation-styles';
import { toCslItem, type CslItem } from './csl';
import type { Paper } from './paper';
import { formatRis } from './ris';

/** Every citation form of one paper, formatted once per build. */
export interface PaperCitations {
  key: string;
  bibtex: string;
  ris: string;
  csl: CslItem;
  /** Formatted citations (HTML) by style. */
  styles: Record<CitationStyleId, string>;
}

/** Formats all citations of all papers at once; `pageUrl` gives each paper's absolute page URL. */
export function buildCitations(
  papers: readonly Paper[],
  pageUrl: (paper: Paper) => string,
): Map<string, PaperCitations> {
  const keys = assignCitationKeys(papers);
  const entries = papers.map((paper) => {
    const key = keys.get(paper.id)!;
    const url = pageUrl(paper);
    return {
      paper,
      key,
      bibtex: formatBibtex(paper, key, { pageUrl: url }),
      ris: formatRis(paper, key, { pageUrl: url }),
      csl: toCslItem(paper, key, url),
    };
  });
  const styles = formatCitationStyles(
    entries.map(({ csl, paper }) => ({ item: csl, truncated: paper.authorsTruncated })),
  );
  return new Map(
    entries.map(({ paper, key, bibtex, ris, csl }) => [paper.id, { key, bibtex, ris, csl, styles: styles.get(key)! }]),
  );
}

/** Joins BibTeX entries into one file, with a header comment naming the source. */
export function joinBibtex(entries: readonly string[], source: string): string {
  return `% ${source}\n% ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, UTF-8\n\n${entries.join('\n')}`;
}

/** Joins RIS records into one file. */
export function joinRis(records: readonly string[]): string {
  return records.join('\r\n');
}

/** Serializes CSL-JSON items as a JSON array (the CSL-JSON file format). */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
