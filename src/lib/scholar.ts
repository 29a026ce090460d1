import { getArxivCategory } from './categories';
import type { Paper } from './paper';

/** Where a paper's PDF is: its `pdf` field, else the arXiv PDF when an arXiv id is known. */
export function findPdfUrl(paper: Pick<Paper, 'pdf' | 'arxiv'>): string | undefined {
  return paper.pdf ?? (paper.arxiv ? `https://arxiv.org/pdf/${paper.arxiv}` : undefined);
}

/**
 * Google Scholar (Highwire Press) meta tags for a paper page, as [name, content] pairs in the order Scholar
 * documents: title, one citation_author per author, publication date as YYYY/MM/DD, then what is known.
 */
export function buildHighwireTags(paper: Paper, pageUrl: string): [string, string][] {
  const tags: [string, string][] = [['citation_title', paper.title]];
  for (const author of paper.authors) tags.push(['citation_author', author]);
  tags.push(['citation_publication_date', paper.date.toISOString().slice(0, 10).replace(/-/g, '/')]);
  tags.push(['citation_abstract_html_url', pageUrl]);
  const pdf = findPdfUrl(paper);
  if (pdf) tags.push(['citation_pdf_url', pdf]);
  if (paper.arxiv) tags.push(['citation_arxiv_id', paper.arxiv]);
  if (paper.doi) tags.push(['citation_doi', paper.doi]);
  if (paper.venue) tags.push(['citation_conference_title', paper.venue]);
  tags.push(['citation_keywords', getArxivCategory(paper.category)]);
  return tags;
}

/** schema.org ScholarlyArticle data for a paper page. */
export function buildScholarlyArticle(paper: Paper, pageUrl: string): Record<string, unknown> {
  const pdf = findPdfUrl(paper);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': pageUrl,
    url: pageUrl,
    headline: paper.title,
    name: paper.title,
    author: paper.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: paper.date.toISOString().slice(0, 10),
    abstract: paper.abstractText,
    about: paper.categoryName,
    keywords: getArxivCategory(paper.category),
    ...(paper.doi ? { sameAs: `https://doi.org/${paper.doi}` } : {}),
    ...(paper.arxiv ? { identifier: `arXiv:${paper.arxiv}` } : {}),
    ...(pdf ? { encoding: { '@type': 'MediaObject', contentUrl: pdf, encodingFormat: 'application/pdf' } } : {}),
    ...(paper.codeUrl ? { isBasedOn: paper.codeUrl } : {}),
    ...(paper.venue ? { isPartOf: { '@type': 'PublicationEvent', name: paper.venue } } : {}),
  };
}

/**
 * Serializes JSON for a `<script type="application/ld+json">` element so nothing in the data can end the
 * element or open a comment: `<`, `>`, `&` and the JavaScript line separators become \u escapes.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
