// The export files: every paper's BibTeX entry, RIS record and CSL-JSON item, formatted once per build, and the
// files that join them (per facet, the whole bibliography).

import type { CslItem } from '../domain/csl';
import type { Paper } from '../domain/paper';
import { formatBibtexEntry, joinBibtex } from '../formats/bibtex';
import { formatCslJson, toCslJson } from '../formats/csl-json';
import { formatRisRecord, joinRis } from '../formats/ris';
import type { ExportFormat } from './routes';

/** One paper in every export format. */
export interface PaperExports {
  bib: string;
  ris: string;
  json: CslItem;
}

/** Options of the exports (the config's `exports`). */
export interface ExportOptions {
  siteFields: boolean;
}

/** Formats every paper in every export format, once. */
export function buildExports(papers: readonly Paper[], options: ExportOptions): Map<string, PaperExports> {
  return new Map(
    papers.map((paper) => [
      paper.id,
      {
        bib: formatBibtexEntry(paper, { siteFields: options.siteFields }),
        ris: formatRisRecord(paper),
        json: toCslJson(paper),
      },
    ]),
  );
}

/** One paper's export file. */
export function formatPaperExport(exports: PaperExports, format: ExportFormat): string {
  if (format === 'bib') return exports.bib;
  if (format === 'ris') return exports.ris;
  return formatCslJson([exports.json]);
}

/** The export file of a list of papers (in the order given); `header` names the source in the BibTeX file. */
export function formatListExport(
  papers: readonly Paper[],
  exports: ReadonlyMap<string, PaperExports>,
  format: ExportFormat,
  header: string,
): string {
  const entries = papers.map((paper) => exports.get(paper.id)!);
  if (format === 'bib')
    return joinBibtex(
      entries.map((entry) => entry.bib),
      header,
    );
  if (format === 'ris') return joinRis(entries.map((entry) => entry.ris));
  return formatCslJson(entries.map((entry) => entry.json));
}
