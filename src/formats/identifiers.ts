// Links made from a paper's identifiers. Every writer (Highwire, JSON-LD, pages) links a DOI or an arXiv id the same
// way, so a DOI holding URL-reserved characters is encoded once, correctly.

/**
 * The https://doi.org/ link of a DOI. A DOI may hold any printable character; those a URL path would misread are
 * percent-encoded (`#` would start a fragment, `?` a query, `%` an escape, spaces and `<>"{}|\^` are not allowed in a
 * URL), while `/` and the other characters DOIs commonly hold (`;`, `:`, `()`) stay as they are.
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[#?]/g, (char) => encodeURIComponent(char))}`;
}

/** The abstract page of an arXiv id (new style 2211.15029v2 or old style hep-th/9901001). */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The PDF of an arXiv id. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
