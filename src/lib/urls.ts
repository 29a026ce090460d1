/** Joins the deploy base path (e.g. `/` or `/bib/`) and a site path (e.g. `papers/x/`) into a root-relative URL. */
export function withBase(base: string, path = ''): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** Makes a root-relative URL absolute against the site origin, e.g. for feeds and canonical links. */
export function toAbsoluteUrl(site: URL | string, rootRelative: string): string {
  return new URL(rootRelative, site).href;
}

/** The site path of a paper page. */
export function paperPath(id: string): string {
  return `papers/${id}/`;
}

/** The site path of an author page, from the author's slug. */
export function authorPath(slug: string): string {
  return `authors/${slug}/`;
}

/** The site path of a category page, e.g. `categories/cl/`. */
export function categoryPath(code: string): string {
  return `categories/${code.toLowerCase()}/`;
}
