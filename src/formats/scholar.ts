// The metadata a paper page carries for indexers: Google Scholar's Highwire Press meta tags (driven by the field
// table's `highwire` column) and schema.org JSON-LD (the type table's schema.org type). Both give a date at exactly
// the paper's precision: a paper of "2024" never gains a month or day.

import type { CslDate } from '../domain/csl';
import { formatDisplayName, type Name } from '../domain/names';
import { FIELDS, getHighwireTag, NAME_FIELD_SPECS } from '../domain/fields';
import type { Paper } from '../domain/paper';
import { getDisplayTitle } from '../domain/paper';
import type { PaperLink } from '../domain/schema';
import { arxivPdfUrl, arxivUrl, doiUrl } from './identifiers';

/** The paper's PDF: its `pdf` link, else the arXiv PDF when an arXiv id is known. */
export function findPdfUrl(paper: Pick<Paper, 'data'>): string | undefined {
  const pdf = paper.data.pdf as string | undefined;
  const arxiv = paper.data.arxiv as string | undefined;
  return pdf ?? (arxiv ? arxivPdfUrl(arxiv) : undefined);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The start of a date as Scholar reads it, at its precision: 2024, 2024/05, 2024/05/22. */
function formatScholarDate(date: CslDate): string {
  const [year, month, day] = date['date-parts'][0];
  return [pad(year, 4), month && pad(month), day && pad(day)].filter(Boolean).join('/');
}

/** The start of a date in ISO 8601 at its precision (schema.org Date takes 2024 and 2024-05 too). */
function formatIsoStart(date: CslDate): string {
  return formatScholarDate(date).replace(/\//g, '-');
}

/** First and last page of a page text: "12-34" → 12, 34; "e1234" → e1234; "1-4, 7-9" → 1, 9. */
function splitPages(pages: string): { first: string; last?: string } {
  const ranges = pages.split(/\s*[,;]\s*/).filter(Boolean);
  const bounds = (range: string) => range.split(/\s*(?:-+|–|—)\s*/).filter(Boolean);
  const first = bounds(ranges[0] ?? pages)[0] ?? pages;
  const lastRange = bounds(ranges.at(-1) ?? pages);
  const last = lastRange.length > 1 || ranges.length > 1 ? lastRange.at(-1) : undefined;
  return last && last !== first ? { first, last } : { first };
}

// Scholar reads the title, authors and publication date first; the rest follows in the field table's order.
const LEADING_KEYS = ['title', 'authors', 'date'];
const HIGHWIRE_ORDER = [
  ...LEADING_KEYS.map((key) => FIELDS.find((field) => field.key === key)!),
  ...FIELDS.filter((field) => field.highwire !== undefined && !LEADING_KEYS.includes(field.key)),
];

/**
 * Google Scholar (Highwire Press) meta tags for a paper page, as [name, content] pairs: citation_title, one
 * citation_author per author (display name), citation_publication_date at the paper's precision (YYYY, YYYY/MM or
 * YYYY/MM/DD), then what the paper has of the container (journal, conference, book, thesis or report institution),
 * volume, issue, first and last page, publisher, ISBN, ISSN, DOI, arXiv id, keywords and language, the page as
 * citation_abstract_html_url and the PDF (the paper's, else arXiv's) as citation_pdf_url.
 */
export function buildHighwireTags(paper: Paper, pageUrl: string): [string, string][] {
  const tags: [string, string][] = [];
  const type = paper.type.csl;
  for (const field of HIGHWIRE_ORDER) {
    const tag = getHighwireTag(field, type);
    const value = paper.data[field.key];
    if (tag === undefined || value === undefined) continue;
    switch (field.kind) {
      case 'names':
        for (const name of value as Name[]) tags.push([tag, formatDisplayName(name)]);
        break;
      case 'date':
        tags.push([tag, formatScholarDate(value as CslDate)]);
        break;
      case 'list':
        for (const item of value as string[]) tags.push([tag, item]);
        break;
      case 'link':
        break; // citation_pdf_url is written below, with arXiv's PDF as the fallback.
      default:
        if (field.key === 'pages') {
          const { first, last } = splitPages(value as string);
          tags.push(['citation_firstpage', first]);
          if (last) tags.push(['citation_lastpage', last]);
        } else tags.push([tag, String(value)]);
    }
  }
  tags.push(['citation_abstract_html_url', pageUrl]);
  const pdf = findPdfUrl(paper);
  if (pdf) tags.push(['citation_pdf_url', pdf]);
  return tags;
}

type JsonLd = Record<string, unknown>;

/** A name as a schema.org Person (with its parts) or Organization (a literal name). */
function toAgent(name: Name): JsonLd {
  if ('literal' in name) return { '@type': 'Organization', name: name.literal };
  const familyName = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return {
    '@type': 'Person',
    name: formatDisplayName(name),
    ...(name.given ? { givenName: name.given } : {}),
    familyName,
    ...(name.suffix ? { honorificSuffix: name.suffix } : {}),
  };
}

const AGENT_ROLES: Record<string, string> = {
  authors: 'author',
  editors: 'editor',
  translators: 'translator',
  illustrators: 'illustrator',
  contributors: 'contributor',
  producers: 'producer',
  directors: 'director',
  composers: 'composer',
};
const ARTICLE_TYPES = new Set(['ScholarlyArticle', 'Article', 'NewsArticle', 'BlogPosting', 'Report', 'Chapter']);
const JOURNAL_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book']);
const BOOK_PART_TYPES = new Set(['chapter', 'paper-conference', 'entry', 'entry-dictionary', 'entry-encyclopedia']);

/** What a paper is part of, as schema.org nests it: issue → volume → periodical, or the book or site. */
function buildIsPartOf(paper: Paper): JsonLd | undefined {
  const text = (key: string) => paper.data[key] as string | undefined;
  const container = text('containerTitle');
  const type = paper.type.csl;
  if (JOURNAL_TYPES.has(type)) {
    if (!container && !text('issn')) return undefined;
    let part: JsonLd = {
      '@type': 'Periodical',
      ...(container ? { name: container } : {}),
      ...(text('containerTitleShort') ? { alternateName: text('containerTitleShort') } : {}),
      ...(text('issn') ? { issn: text('issn') } : {}),
    };
    if (text('volume')) part = { '@type': 'PublicationVolume', volumeNumber: text('volume'), isPartOf: part };
    if (text('issue')) part = { '@type': 'PublicationIssue', issueNumber: text('issue'), isPartOf: part };
    return part;
  }
  if (!container) return undefined;
  if (BOOK_PART_TYPES.has(type)) {
    const editors = (paper.data.editors as Name[] | undefined)?.map(toAgent);
    return {
      '@type': 'Book',
      name: container,
      ...(editors ? { editor: editors } : {}),
      ...(text('isbn') ? { isbn: text('isbn') } : {}),
      ...(text('publisher') ? { publisher: { '@type': 'Organization', name: text('publisher') } } : {}),
    };
  }
  if (type === 'webpage' || type === 'post-weblog' || type === 'post') return { '@type': 'WebSite', name: container };
  return { '@type': 'CreativeWork', name: container };
}

/**
 * schema.org JSON-LD for a paper page: the type table's schema.org type, authors and other roles as Person or
 * Organization, datePublished at its precision, isPartOf (issue/volume/periodical for journals, the book for
 * chapters and proceedings), pagination, publisher, identifiers (the DOI also as its https://doi.org/ link in
 * `sameAs`), keywords, the PDF, and the page as `@id` and `url`.
 */
export function buildJsonLd(paper: Paper, pageUrl: string): JsonLd {
  const data = paper.data;
  const text = (key: string) => data[key] as string | undefined;
  const schemaType = paper.type.schemaOrg;
  const title = getDisplayTitle(paper);
  const result: JsonLd = {
    '@context': 'https://schema.org',
    '@type': schemaType,
    '@id': pageUrl,
    url: pageUrl,
    name: title,
    headline: title,
  };
  for (const field of NAME_FIELD_SPECS) {
    const role = AGENT_ROLES[field.key];
    const names = data[field.key] as Name[] | undefined;
    if (role && names && !(role === 'editor' && BOOK_PART_TYPES.has(paper.type.csl))) result[role] = names.map(toAgent);
  }
  const issued = data.date as CslDate | undefined;
  if (issued) result.datePublished = formatIsoStart(issued);
  if (paper.abstract.text) result.abstract = paper.abstract.text;
  const isPartOf = buildIsPartOf(paper);
  if (isPartOf) result.isPartOf = isPartOf;
  const pages = text('pages');
  if (pages) {
    result.pagination = pages;
    if (ARTICLE_TYPES.has(schemaType)) {
      const { first, last } = splitPages(pages);
      result.pageStart = first;
      if (last) result.pageEnd = last;
    }
  }
  if (text('numberOfPages') && schemaType === 'Book') result.numberOfPages = text('numberOfPages');
  if (text('edition') && schemaType === 'Book') result.bookEdition = text('edition');
  if (text('isbn') && !BOOK_PART_TYPES.has(paper.type.csl)) result.isbn = text('isbn');
  const publisher = text('publisher');
  if (publisher && !BOOK_PART_TYPES.has(paper.type.csl))
    result.publisher = { '@type': 'Organization', name: publisher };
  if (text('language')) result.inLanguage = text('language');
  const keywords = data.keywords as string[] | undefined;
  if (keywords) result.keywords = keywords;
  if (paper.site.category) result.about = paper.site.category.name;
  if (text('version')) result[schemaType === 'SoftwareSourceCode' ? 'softwareVersion' : 'version'] = text('version');
  if (schemaType === 'SoftwareSourceCode' && typeof data.code === 'string') result.codeRepository = data.code;
  const identifiers: JsonLd[] = [];
  const sameAs: string[] = [];
  const doi = text('doi');
  if (doi) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: doi });
    sameAs.push(doiUrl(doi));
  }
  const arxiv = text('arxiv');
  if (arxiv) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'arXiv', value: arxiv });
    sameAs.push(arxivUrl(arxiv));
  }
  for (const [key, propertyID] of [
    ['pmid', 'PMID'],
    ['pmcid', 'PMCID'],
  ] as const) {
    if (text(key)) identifiers.push({ '@type': 'PropertyValue', propertyID, value: text(key) });
  }
  const url = text('url');
  if (url && url !== pageUrl && !sameAs.includes(url)) sameAs.push(url);
  if (identifiers.length > 0) result.identifier = identifiers;
  if (sameAs.length > 0) result.sameAs = sameAs;
  const pdf = findPdfUrl(paper);
  if (pdf) result.encoding = { '@type': 'MediaObject', contentUrl: pdf, encodingFormat: 'application/pdf' };
  const links = (data.links as PaperLink[] | undefined) ?? [];
  if (links.length > 0)
    result.subjectOf = links.map((link) => ({ '@type': 'CreativeWork', name: link.label, url: link.url }));
  return result;
}

/**
 * Serializes JSON for a `<script type="application/ld+json">` element so nothing in the data can end the element or
 * open a comment: `<`, `>`, `&` and the JavaScript line separators U+2028/U+2029 become \u escapes.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
