import { formatCslJson, joinBibtex, joinRis, type PaperCitations } from './citations';
import type { Paper } from './paper';

/** The export formats of a bibliography file, with their content types. */
export const BIBLIOGRAPHY_FORMATS = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;

/** A bibliography file format: `bib`, `ris` or `json`. */
export type BibliographyFormat = keyof typeof BIBLIOGRAPHY_FORMATS;

/** Builds one bibliography file (all papers, or one category's) in the given format, papers in site order. */
export function formatBibliography(
  papers: readonly Paper[],
  citations: ReadonlyMap<string, PaperCitations>,
  format: BibliographyFormat,
  source: string,
): string {
  const entries = papers.map((paper) => citations.get(paper.id)!);
  if (format === 'bib')
    return joinBibtex(
      entries.map((entry) => entry.bibtex),
      source,
    );
  if (format === 'ris') return joinRis(entries.map((entry) => entry.ris));
  return formatCslJson(entries.map((entry) => entry.csl));
}

/** One paper's export file in the given format: its BibTeX entry, RIS record, or a one-item CSL-JSON array. */
export function formatPaperExport(citations: PaperCitations, format: BibliographyFormat): string {
  if (format === 'bib') return citations.bibtex;
  if (format === 'ris') return citations.ris;
  return formatCslJson([citations.csl]);
}
