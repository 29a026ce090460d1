// Links of identifiers. A DOI may hold any printable character; in a URL, `#`, `?`, `%` and spaces must be escaped
// or the DOI would end early (a `#` becomes a fragment).

/** The doi.org link of a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (char) => encodeURIComponent(char))}`;
}

/** The arXiv abstract page of an arXiv id. */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The arXiv PDF of an arXiv id. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
