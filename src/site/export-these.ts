// "Export these" in the browser: the export file of exactly the papers a page shows (a filtered list, search
// results), joined from the per-paper files the site already has, exactly as the build joins a list's file. Runs in
// the browser (and in tests with any fetch); no server.

import type { CslItem } from '../domain/csl';
import { formatCslJson, joinBibtex, joinRis } from '../formats/join';
import type { ExportFormat } from './routes';

/** The export formats the browser can join (the site's: BibTeX, RIS, CSL-JSON). */
export type JoinFormat = ExportFormat;

/** Fills `{name}` placeholders of a path template (`papers/{id}.{format}`); values are URL-encoded. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? encodeURIComponent(values[name]) : whole,
  );
}

/** Joins the per-paper files of one format into one file; `header` names the source in a BibTeX file. */
export function joinExportFiles(format: JoinFormat, files: readonly string[], header: string): string {
  if (format === 'bib') return joinBibtex(files, header);
  if (format === 'ris') return joinRis(files);
  return formatCslJson(files.flatMap((file) => JSON.parse(file) as CslItem[]));
}

/** Fetches the per-paper files of `ids` (in order) and joins them; throws naming the first file that failed. */
export async function buildExportFile(
  format: JoinFormat,
  ids: readonly string[],
  template: string,
  header: string,
  fetchText: (url: string) => Promise<string> = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  },
): Promise<string> {
  const files = await Promise.all(ids.map((id) => fetchText(fillTemplate(template, { id, format }))));
  return joinExportFiles(format, files, header);
}

/** Offers a text as a file download (a temporary link to a Blob). */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from labels (`papers-cl-preprints.bib`): lowercase letters and digits, hyphens between. */
export function nameExportFile(stem: string, labels: readonly string[], format: JoinFormat): string {
  const words = [stem, ...labels]
    .join('-')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${words || 'papers'}.${format}`;
}
