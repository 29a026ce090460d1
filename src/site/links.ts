// The links of a paper, in the order readers look for them: the PDF, where it was published (arXiv, DOI), code,
// data and the other material, then the paper's own custom links.

import type { Paper } from '../domain/paper';
import { arxivPdfUrl, arxivUrl, doiUrl } from '../formats/identifiers';

/** One link of a paper. */
export interface PaperLinkItem {
  /** What the link is (pdf, arxiv, doi, url, code, slides…, custom). */
  kind: string;
  label: string;
  url: string;
}

/** Every link of a paper; the PDF falls back to arXiv's when only an arXiv id is known. */
export function listPaperLinks(paper: Paper): PaperLinkItem[] {
  const links: PaperLinkItem[] = [];
  const pdf =
    paper.site.links.find((item) => item.key === 'pdf')?.url ??
    (paper.site.arxiv ? arxivPdfUrl(paper.site.arxiv) : undefined);
  if (pdf) links.push({ kind: 'pdf', label: 'PDF', url: pdf });
  if (paper.site.arxiv)
    links.push({ kind: 'arxiv', label: `arXiv:${paper.site.arxiv}`, url: arxivUrl(paper.site.arxiv) });
  if (typeof paper.csl.DOI === 'string') links.push({ kind: 'doi', label: 'DOI', url: doiUrl(paper.csl.DOI) });
  if (typeof paper.site.code === 'string') links.push({ kind: 'code', label: 'Code', url: paper.site.code });
  for (const item of paper.site.links)
    if (item.key !== 'pdf') links.push({ kind: item.key, label: item.label, url: item.url });
  if (typeof paper.csl.URL === 'string' && !links.some((item) => item.url === paper.csl.URL)) {
    links.push({ kind: 'url', label: 'Website', url: paper.csl.URL });
  }
  for (const item of paper.site.customLinks) links.push({ kind: 'custom', label: item.label, url: item.url });
  return links;
}
