// RSS feeds: the options @astrojs/rss writes, built from the model. Items are built once per paper and shared by
// every feed the paper is in; each feed carries the newest papers only (the config's `feeds.items`); the exports
// keep the whole history.

import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import type { CslDate } from '../domain/csl';
import { formatReadableDate, toFullDay } from '../domain/dates';
import { escapeHtml, htmlToText, sanitizeHtmlFragment, stripInvalidXmlChars } from '../domain/html';
import { formatDisplayName } from '../domain/names';
import { getDisplayTitle, getIssued, type Paper } from '../domain/paper';
import { truncateText } from '../domain/text';
import { formatNameList } from './details';
import { formatVenueText } from './venue';

/** XML namespaces the feeds use besides RSS 2.0 and `content:` (which @astrojs/rss adds itself). */
export const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  /** The site's own item elements (the author line and the date as pages write them) for rss.xsl's readable view. */
  bibshelf: 'urn:bibshelf:feed',
} as const;

/** Where and how feeds are written: absolute URLs of site paths, the language, how many items a feed carries. */
export interface FeedContext {
  /** The absolute URL of a site path. */
  absoluteUrl: (path: string) => string;
  /** A root-relative link (for the stylesheet). */
  link: (path: string) => string;
  language: string;
  /** Newest papers per feed. */
  items: number;
  /** The absolute URL of a paper's page. */
  paperUrl: (paper: Paper) => string;
  /** Site path of the XSL stylesheet that makes feeds readable in a browser. */
  stylesheetPath: string;
}

/** What one feed is about: its channel title and description, and the site paths of its page and itself. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Site path of the HTML page the feed mirrors (the channel `<link>`). */
  pagePath: string;
  /** Site path of the feed itself (the `atom:link rel="self"`). */
  feedPath: string;
}

/** Escapes text for an XML element or a double-quoted XML attribute. */
function escapeXml(text: string): string {
  return escapeHtml(stripInvalidXmlChars(text));
}

// @astrojs/rss reads `customData` back with fast-xml-parser's default options before writing it out; that reading
// turns text such as `007`, `1e3` or `true` into a number or a boolean. Reading a value the same way first tells
// whether it would survive.
const customDataReader = new XMLParser();
const customElements = new Map<string, string | undefined>();

/**
 * A text element of an item; `undefined` when @astrojs/rss, reading it back, would write other text (`007` as `7`).
 * A name that it reads as a number or boolean is left out even when written back alike (`dc:creator` holds names,
 * never values); `sameText` keeps such an element when its text survives (a year-only date, `2024`).
 */
function formatItemElement(name: string, value: string, sameText = false): string | undefined {
  const element = `<${name}>${escapeXml(value)}</${name}>`;
  const cacheKey = `${sameText}${element}`;
  if (customElements.has(cacheKey)) return customElements.get(cacheKey);
  const text = stripInvalidXmlChars(value).trim();
  const readBack: unknown = customDataReader.parse(element)[name];
  const survives = typeof readBack === 'string' ? readBack === text : sameText && String(readBack) === text;
  const result = survives ? element : undefined;
  customElements.set(cacheKey, result);
  return result;
}

/** The author line of an item: every listed author, "et al." when the list is known to be incomplete. */
export function formatAuthorLine(paper: Paper): string {
  const role = paper.names.author ? 'author' : 'editor';
  return formatNameList(paper.names[role] ?? [], paper.site.truncated[role] === true);
}

const itemCache = new WeakMap<Paper, RSSFeedItem>();

/** Characters of the abstract an item's description carries (the length of a page's meta description). */
export const DESCRIPTION_LENGTH = 300;

/** The feed item of one paper (built once per build, then shared by every feed it is in). */
function toFeedItem(paper: Paper, context: FeedContext): RSSFeedItem {
  const cached = itemCache.get(paper);
  if (cached) return cached;
  const link = context.paperUrl(paper);
  const abstractHtml = sanitizeHtmlFragment(paper.abstract.html, link);
  const issued = getIssued(paper);
  const authors = formatAuthorLine(paper);
  const date = issued ? formatReadableDate(issued) : 'n.d.';
  const venue = formatVenueText(paper);
  // The readable facts, as the site writes them: authors (with "et al."), venue, date at its precision.
  const facts = [
    authors && `<p>${escapeXml(authors)}</p>`,
    `<p>${escapeXml([paper.type.label, venue, date].filter(Boolean).join(' · '))}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
  const elements = [
    ...(paper.names.author ?? paper.names.editor ?? []).map((name) =>
      formatItemElement('dc:creator', formatDisplayName(name)),
    ),
    // What rss.xsl shows: the author line with "et al." and the date at its precision, as the pages write them.
    authors ? formatItemElement('bibshelf:authors', authors, true) : undefined,
    formatItemElement('bibshelf:date', date, true),
  ]
    .filter((element): element is string => element !== undefined)
    .join('');
  const item: RSSFeedItem = {
    title: stripInvalidXmlChars(getDisplayTitle(paper)),
    link,
    // RSS needs a full day; a paper dated to the year or month has no pubDate rather than an invented day.
    pubDate: issued ? toFullDay(issued) : undefined,
    // The description is the summary a reader's list shows (as the page's meta description); the whole abstract is in
    // content:encoded, once: an item carrying it twice doubled every feed's size.
    description: escapeHtml(
      truncateText(htmlToText(abstractHtml), DESCRIPTION_LENGTH) || [authors, venue].filter(Boolean).join('. '),
    ),
    content: [abstractHtml, facts].filter(Boolean).join('\n'),
    categories: [
      ...(paper.site.category ? [paper.site.category.name, paper.site.category.code] : []),
      paper.type.label,
      ...((paper.data.keywords as string[] | undefined) ?? []),
    ].map(stripInvalidXmlChars),
    customData: elements,
  };
  itemCache.set(paper, item);
  return item;
}

/** The newest paper's full day, as the channel's lastBuildDate: it changes exactly when a newer paper is added. */
export function findLastBuildDate(papers: readonly Paper[]): Date | undefined {
  let newest: Date | undefined;
  for (const paper of papers) {
    const issued = getIssued(paper) as CslDate | undefined;
    const day = issued ? toFullDay(issued) : undefined;
    if (day && (!newest || day > newest)) newest = day;
  }
  return newest;
}

/** Formats a date as RFC 822 (`Mon, 28 Nov 2022 00:00:00 GMT`), as RSS 2.0 wants. */
export function formatRfc822(date: Date): string {
  return date.toUTCString();
}

/**
 * Builds the options of one feed for @astrojs/rss: channel title, description, link (its HTML page), language,
 * `atom:link rel="self"`, lastBuildDate, the XSL stylesheet, and the newest `context.items` papers (pass them
 * newest first).
 */
export function buildFeed(papers: readonly Paper[], channel: FeedChannel, context: FeedContext): RSSOptions {
  const newest = papers.slice(0, context.items);
  const lastBuildDate = findLastBuildDate(newest);
  return {
    title: stripInvalidXmlChars(channel.title),
    description: stripInvalidXmlChars(channel.description),
    site: context.absoluteUrl(channel.pagePath),
    xmlns: { ...FEED_NAMESPACES },
    stylesheet: context.link(context.stylesheetPath),
    customData: [
      `<language>${escapeXml(context.language)}</language>`,
      `<atom:link href="${escapeXml(context.absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
      lastBuildDate ? `<lastBuildDate>${formatRfc822(lastBuildDate)}</lastBuildDate>` : '',
    ].join(''),
    items: newest.map((paper) => toFeedItem(paper, context)),
  };
}

const itemXmlCache = new WeakMap<RSSFeedItem, string>();
const ITEM_CHANNEL = { title: 'item', description: 'item', site: 'https://example.org/' };
const FEED_END = '</channel></rss>';

/** One item's `<item>` element as @astrojs/rss writes it (item links are absolute, so no channel changes it). */
async function renderItem(item: RSSFeedItem): Promise<string> {
  let xml = itemXmlCache.get(item);
  if (xml === undefined) {
    const whole = await getRssString({ ...ITEM_CHANNEL, items: [item] });
    xml = whole.slice(whole.indexOf('<item>'), whole.length - FEED_END.length);
    itemXmlCache.set(item, xml);
  }
  return xml;
}

/**
 * A feed's XML, exactly as @astrojs/rss writes it, with each item written once per build: @astrojs/rss validates
 * and re-parses every item of every feed, and a paper is in one feed per author, category, type, keyword and year.
 * The channel comes from @astrojs/rss itself (called with the first item); the items from the cache.
 */
export async function renderFeed(options: RSSOptions): Promise<string> {
  const items = options.items as RSSFeedItem[];
  const head = await getRssString({ ...options, items: items.slice(0, 1) });
  if (items.length === 0) return head;
  const [first, ...rest] = await Promise.all(items.map(renderItem));
  // The shape every feed has; anything else (a future @astrojs/rss) is written by @astrojs/rss whole.
  if (!head.endsWith(first + FEED_END)) return getRssString(options);
  return head.slice(0, head.length - FEED_END.length) + rest.join('') + FEED_END;
}

/** The feed as a response, as @astrojs/rss's own `rss()` sends it. */
export async function respondWithFeed(options: RSSOptions): Promise<Response> {
  return new Response(await renderFeed(options), { headers: { 'Content-Type': 'application/xml' } });
}

/** The site's name as pages and feeds show it, e.g. `Zhengfu He · Bibliography`. */
export function formatSiteName(ownerName: string): string {
  return `${ownerName} · Bibliography`;
}

/** Describes the site-wide feed. */
export function describeSiteFeed(ownerName: string, pagePath: string, feedPath: string): FeedChannel {
  return {
    title: formatSiteName(ownerName),
    description: `The newest papers in ${ownerName}'s bibliography, with abstracts.`,
    pagePath,
    feedPath,
  };
}

/** Describes the feed of one list page (an author, a category, a type, a keyword, a year). */
export function describeListFeed(name: string, ownerName: string, pagePath: string, feedPath: string): FeedChannel {
  return {
    title: `${name} · ${formatSiteName(ownerName)}`,
    description: `The newest papers of ${name} in ${ownerName}'s bibliography, with abstracts.`,
    pagePath,
    feedPath,
  };
}
