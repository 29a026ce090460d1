import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { getArxivCategory } from './categories';
import { formatAuthorList, type AuthorGroup, type CategoryGroup, type Paper } from './paper';
import { sanitizeHtmlFragment as sanitizeAbstractHtml, stripInvalidXmlChars } from '../domain/html';
import { htmlToText } from './text';
import { authorPath, categoryPath, paperPath, toAbsoluteUrl, withBase } from './urls';

export { sanitizeHtmlFragment as sanitizeAbstractHtml, stripInvalidXmlChars } from '../domain/html';

/** XML namespaces the feeds use besides RSS 2.0 and `content:` (which @astrojs/rss adds itself). */
export const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** The site path of the XSL stylesheet that makes feeds readable in a browser (served from `public/`). */
export const FEED_STYLESHEET_PATH = 'rss.xsl';

/** Where the site is deployed: its public origin and base path, e.g. `https://x.org` and `/bib/`. */
export interface FeedContext {
  site: URL | string;
  base: string;
}

/** What one feed is about: its channel title and description, and the site paths of its HTML page and itself. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Site path of the HTML page the feed mirrors, e.g. `categories/cl/` (the channel `<link>`). */
  pagePath: string;
  /** Site path of the feed itself, e.g. `categories/cl/rss.xml` (the `atom:link rel="self"`). */
  feedPath: string;
}

/** The site path of the site-wide feed. */
export function siteFeedPath(): string {
  return 'rss.xml';
}

/** The site path of a category's feed, e.g. `categories/cl/rss.xml`. */
export function categoryFeedPath(code: string): string {
  return `${categoryPath(code)}rss.xml`;
}

/** The site path of an author's feed, from the author's slug, e.g. `authors/zhengfu-he/rss.xml`. */
export function authorFeedPath(slug: string): string {
  return `${authorPath(slug)}rss.xml`;
}

/** The deployment context of a feed endpoint; throws when no site URL is configured (feeds need absolute links). */
export function requireFeedContext(site: URL | undefined, base: string): FeedContext {
  if (!site) throw new Error('RSS feeds need `site` in astro.config.mjs (or SITE_URL) to write absolute links.');
  return { site, base };
}

/** The site's name as pages show it, e.g. `Zhengfu He · Bibliography`. */
function formatSiteName(ownerName: string): string {
  return `${ownerName} · Bibliography`;
}

/** Describes the site-wide feed: every paper of the bibliography of `ownerName`. */
export function describeSiteFeed(ownerName: string): FeedChannel {
  return {
    title: formatSiteName(ownerName),
    description: `Every paper in ${ownerName}'s bibliography, newest first, with abstracts.`,
    pagePath: '',
    feedPath: siteFeedPath(),
  };
}

/** Describes a category's feed. */
export function describeCategoryFeed(group: CategoryGroup, ownerName: string): FeedChannel {
  const label = `${group.name} (${getArxivCategory(group.code)})`;
  return {
    title: `${label} · ${formatSiteName(ownerName)}`,
    description: `Papers in ${label} from ${ownerName}'s bibliography, newest first, with abstracts.`,
    pagePath: categoryPath(group.code),
    feedPath: categoryFeedPath(group.code),
  };
}

/** Describes an author's feed. */
export function describeAuthorFeed(group: AuthorGroup, ownerName: string): FeedChannel {
  return {
    title: `${group.name} · ${formatSiteName(ownerName)}`,
    description: `Papers by ${group.name} in ${ownerName}'s bibliography, newest first, with abstracts.`,
    pagePath: authorPath(group.slug),
    feedPath: authorFeedPath(group.slug),
  };
}

/** Escapes `&`, `<` and `>` so plain text reads the same when a feed reader renders it as HTML. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for an XML element or a double-quoted XML attribute. */
function escapeXml(text: string): string {
  return escapeHtmlText(text).replace(/"/g, '&quot;');
}

// @astrojs/rss reads `customData` back with fast-xml-parser's default options before writing it out; that
// reading turns text such as `007`, `1e3` or `true` into a number or a boolean. Reading a value the same way
// first tells whether it would survive.
const customDataReader = new XMLParser();

// The `<dc:creator>` element of each author name, or `undefined` for a name that would not survive; a name is
// checked once per build, however many papers list it.
const creatorElements = new Map<string, string | undefined>();

/** The `<dc:creator>` element of an author name; `undefined` when @astrojs/rss would read it as a number or boolean. */
function formatCreator(name: string): string | undefined {
  if (creatorElements.has(name)) return creatorElements.get(name);
  const text = stripInvalidXmlChars(name);
  const element = `<dc:creator>${escapeXml(text)}</dc:creator>`;
  const readBack: unknown = customDataReader.parse(element)['dc:creator'];
  const result = typeof readBack === 'string' && readBack === text.trim() ? element : undefined;
  creatorElements.set(name, result);
  return result;
}

/** The `<dc:creator>` elements for a paper's authors, one per listed author, checked to survive @astrojs/rss. */
function formatCreators(paper: Paper): string {
  return paper.authors
    .map((name) => {
      const element = formatCreator(name);
      if (element === undefined) {
        throw new Error(
          `Invalid paper file ${paper.filePath}\n  authors: ${JSON.stringify(name)} cannot be written to the RSS feed ` +
            '(it reads as a number or true/false); write the name in full',
        );
      }
      return element;
    })
    .join('');
}

const itemCache = new WeakMap<Paper, Map<string, RSSFeedItem>>();

/** The feed item of one paper (built once per paper and deployment, then shared by every feed it is in). */
function toFeedItem(paper: Paper, context: FeedContext): RSSFeedItem {
  const key = `${String(context.site)} ${context.base}`;
  let byContext = itemCache.get(paper);
  if (!byContext) itemCache.set(paper, (byContext = new Map()));
  const cached = byContext.get(key);
  if (cached) return cached;
  const link = toAbsoluteUrl(context.site, withBase(context.base, paperPath(paper.id)));
  const abstractHtml = sanitizeAbstractHtml(paper.abstractHtml, link);
  const byline = `<p>Authors: ${escapeHtmlText(stripInvalidXmlChars(formatAuthorList(paper.authors, paper.authorsTruncated, Infinity)))}</p>`;
  const item: RSSFeedItem = {
    title: stripInvalidXmlChars(paper.title),
    link,
    pubDate: paper.date,
    description: escapeHtmlText(htmlToText(abstractHtml)),
    content: abstractHtml ? `${abstractHtml}\n${byline}` : byline,
    categories: [paper.categoryName, getArxivCategory(paper.category)],
    customData: formatCreators(paper),
  };
  byContext.set(key, item);
  return item;
}

/**
 * Builds the RSS items for papers, in the order given (pass them newest first): absolute link and guid (the paper
 * page), pubDate, a plain-text description (the abstract, HTML-escaped as RSS readers render it as HTML), the
 * sanitized abstract HTML as `content:encoded` with an author line ("et al." when the list is truncated), the
 * category name and arXiv code, and one `dc:creator` per listed author (no invented "et al." creator).
 */
export function buildFeedItems(papers: readonly Paper[], context: FeedContext): RSSFeedItem[] {
  return papers.map((paper) => toFeedItem(paper, context));
}

/** Formats a date as RFC 822 (`Mon, 28 Nov 2022 00:00:00 GMT`), as RSS 2.0 wants. */
export function formatRfc822(date: Date): string {
  return date.toUTCString();
}

/**
 * The newest paper date, used as the channel's lastBuildDate: it changes exactly when a newer paper is added, and
 * keeps a rebuild of unchanged content byte-identical (readers and caches see no false update). `undefined` for
 * no papers, so an empty feed has no lastBuildDate.
 */
export function findLastBuildDate(papers: readonly Paper[]): Date | undefined {
  let newest: Date | undefined;
  for (const paper of papers) if (!newest || paper.date > newest) newest = paper.date;
  return newest;
}

/**
 * Builds the options of one feed for @astrojs/rss: channel title, description, link (its HTML page), language,
 * `atom:link rel="self"`, lastBuildDate, the XSL stylesheet, and the items. Every URL includes the base path.
 */
export function buildFeed(papers: readonly Paper[], channel: FeedChannel, context: FeedContext): RSSOptions {
  const url = (path: string) => toAbsoluteUrl(context.site, withBase(context.base, path));
  const lastBuildDate = findLastBuildDate(papers);
  return {
    title: stripInvalidXmlChars(channel.title),
    description: stripInvalidXmlChars(channel.description),
    site: url(channel.pagePath),
    xmlns: { ...FEED_NAMESPACES },
    stylesheet: withBase(context.base, FEED_STYLESHEET_PATH),
    customData: [
      '<language>en</language>',
      `<atom:link href="${escapeXml(url(channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
      lastBuildDate ? `<lastBuildDate>${formatRfc822(lastBuildDate)}</lastBuildDate>` : '',
    ].join(''),
    items: buildFeedItems(papers, context),
  };
}
