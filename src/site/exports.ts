// The export files: every paper's BibTeX entry, RIS record and CSL-JSON item, formatted once per build, and the
// files that join them (per facet, the whole bibliography).

import type { CslItem } from '../domain/csl';
import type { Paper } from '../domain/paper';
import { formatBibtexEntry, joinBibtex } from '../formats/bibtex';
import { formatCslJson, toCslJson } from '../formats/csl-json';
import { formatRisRecord, joinRis } from '../formats/ris';
import type { AuthorGroup } from './authors';
import type { FacetGroup } from './facets';
import { createProcessSlot } from './process-slot';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, routes, type ExportFormat } from './routes';

/** One paper in every export format. */
export interface PaperExports {
  /** The BibTeX entry of the paper's .bib file (with the abstract). */
  bib: string;
  /** The BibTeX entry as pages show it: the same without the abstract, short enough to read and copy. */
  bibShown: string;
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
        bibShown: formatBibtexEntry(paper, { siteFields: options.siteFields, withoutAbstract: true }),
        ris: formatRisRecord(paper),
        json: toCslJson(paper),
      },
    ]),
  );
}

// The pages and the exports integration both need every paper's exports: the pages leave theirs in a process slot
// (process-slot.ts), under the snapshot they were made from, and the integration takes them when it was made from
// the same snapshot.
type SharedExports = { snapshot: string; exports: Map<string, PaperExports> };

const sharedExports = createProcessSlot<SharedExports>('paperExports');

/** Leaves the build's formatted exports, made from the papers of `snapshot` (its stamp), for the integration. */
export function shareExports(snapshot: string, exports: Map<string, PaperExports>): void {
  sharedExports.set({ snapshot, exports });
}

/** The exports the pages formatted from the papers of `snapshot`, if they did (and frees them). */
export function takeSharedExports(snapshot: string): Map<string, PaperExports> | undefined {
  const shared = sharedExports.get();
  sharedExports.set(undefined);
  return shared?.snapshot === snapshot ? shared.exports : undefined;
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

/** The name an author's list export gives itself in its header (the list files and the browser-joined ones). */
export function nameAuthorList(name: string): string {
  return `Papers of ${name}`;
}

/** One export file of the site: its site path and how to make its text (made only when asked for). */
export interface ExportFile {
  path: string;
  contentType: string;
  render: () => string;
}

/** Where the export files' headers point and which facet groups get files. */
export interface ExportFileContext {
  /** The absolute URL of a site path (the BibTeX header names the list's page). */
  absoluteUrl: (path: string) => string;
  /** The site's owner, as the whole bibliography's header names it. */
  ownerName: string;
  /** The groups with list pages (categories, types, keywords, years). */
  groups: readonly FacetGroup[];
  /** The authors (their pages list their papers and offer them for download too). */
  authors?: readonly AuthorGroup[];
}

/**
 * Every export file of the site: each paper in each format, each facet group's and author's bibliography, the whole
 * bibliography (newest first). Written by the exports integration after `astro build`, served by it under `astro dev`.
 */
export function listExportFiles(
  papers: readonly Paper[],
  exports: ReadonlyMap<string, PaperExports>,
  context: ExportFileContext,
): ExportFile[] {
  const files: ExportFile[] = [];
  for (const format of EXPORT_FORMAT_NAMES) {
    const contentType = EXPORT_FORMATS[format];
    for (const paper of papers) {
      files.push({
        path: routes.paperExport(paper.id, format),
        contentType,
        render: () => formatPaperExport(exports.get(paper.id)!, format),
      });
    }
    for (const group of context.groups) {
      const header = `${group.name}, ${context.absoluteUrl(routes.facet(group.facet, group.slug))}`;
      files.push({
        path: routes.facetExport(group.facet, group.slug, format),
        contentType,
        render: () => formatListExport(group.papers, exports, format, header),
      });
    }
    for (const author of context.authors ?? []) {
      const header = `${nameAuthorList(author.name)}, ${context.absoluteUrl(routes.facet('authors', author.slug))}`;
      files.push({
        path: routes.facetExport('authors', author.slug, format),
        contentType,
        render: () => formatListExport(author.papers, exports, format, header),
      });
    }
    const header = `Bibliography of ${context.ownerName}, ${context.absoluteUrl(routes.home())}`;
    files.push({
      path: routes.bibliography(format),
      contentType,
      render: () => formatListExport(papers, exports, format, header),
    });
  }
  return files;
}
