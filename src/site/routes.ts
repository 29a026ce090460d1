// Every URL of the site, once. Paths are site paths (no leading slash, no base); `withBase` makes them links,
// `toAbsoluteUrl` makes them absolute for feeds, canonical links and citation metadata.

/** The export formats of a bibliography file and their content types. */
export const EXPORT_FORMATS = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;

/** An export format: `bib`, `ris` or `json`. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Every export format, in the order pages offer them. */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Labels of the export formats as links show them. */
export const EXPORT_LABELS: Record<ExportFormat, string> = { bib: 'BibTeX', ris: 'RIS', json: 'CSL-JSON' };

/** A facet of the bibliography that has list pages with feeds and exports. */
export type Facet = 'categories' | 'types' | 'keywords' | 'years' | 'authors';

/** Joins the deploy base path (`/` or `/bib/`) and a site path into a root-relative URL. */
export function withBase(base: string, path = ''): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** Makes a root-relative URL absolute against the site origin. */
export function toAbsoluteUrl(site: URL | string, rootRelative: string): string {
  return new URL(rootRelative, site).href;
}

/** The routes of the site: site paths for every page, feed and export. */
export const routes = {
  home: () => '',
  search: () => 'search/',
  searchFor: (query: string) => `search/?q=${encodeURIComponent(query)}`,
  authors: () => 'authors/',
  people: () => 'people/',
  siteFeed: () => 'rss.xml',
  bibliography: (format: ExportFormat) => `bibliography.${format}`,
  paper: (id: string) => `papers/${id}/`,
  paperExport: (id: string, format: ExportFormat) => `papers/${id}.${format}`,
  /** A facet's list page, e.g. `categories/cl/`, `years/2024/`. */
  facet: (facet: Facet, slug: string) => `${facet}/${slug}/`,
  facetFeed: (facet: Facet, slug: string) => `${facet}/${slug}/rss.xml`,
  facetExport: (facet: Facet, slug: string, format: ExportFormat) => `${facet}/${slug}/bibliography.${format}`,
  feedStylesheet: () => 'rss.xsl',
  favicon: () => 'favicon.svg',
  sitemap: () => 'sitemap-index.xml',
  pagefind: () => 'pagefind/',
};
