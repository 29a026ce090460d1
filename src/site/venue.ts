// The venue line readers expect under a title: where the work appeared, per type. "Nature, 12(3), 45–67" for a
// journal article; "In Proceedings of …, pp. 1–9" for a conference paper; "PhD thesis, MIT" for a thesis.

import type { CslName } from '../domain/csl';
import { formatDisplayName } from '../domain/names';
import type { Paper } from '../domain/paper';

/** A piece of the venue line; `title` pieces are the names of publications, shown in italics. */
export interface VenuePart {
  text: string;
  title?: boolean;
}

const JOURNAL_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book']);
const IN_BOOK_TYPES = new Set(['chapter', 'paper-conference', 'entry', 'entry-dictionary', 'entry-encyclopedia']);

/** A CSL text variable of a paper, if set. */
function get(paper: Paper, variable: string): string | undefined {
  const value = paper.csl[variable];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Page ranges with an en dash, as print does (12-34 → 12–34). */
function formatPages(pages: string): string {
  return pages.replace(/(\d)\s*-{1,2}\s*(\d)/g, '$1–$2');
}

/** Joins non-empty parts with a separator. */
function join(parts: (VenuePart | undefined)[], separator = ', '): VenuePart[] {
  const present = parts.filter((part): part is VenuePart => part !== undefined && part.text !== '');
  return present.flatMap((part, index) => (index === 0 ? [part] : [{ text: separator }, part]));
}

const text = (value: string | undefined): VenuePart | undefined => (value ? { text: value } : undefined);
const title = (value: string | undefined): VenuePart | undefined => (value ? { text: value, title: true } : undefined);

/** Editors as "A. Editor and B. Editor (Eds.)". */
function formatEditors(names: CslName[] | undefined): string | undefined {
  if (!names || names.length === 0) return undefined;
  const shown = names.map(formatDisplayName);
  const list = shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
  return `${list} (${names.length === 1 ? 'Ed.' : 'Eds.'})`;
}

/** The venue line of a paper as parts (empty when nothing is known about where it appeared). */
export function formatVenue(paper: Paper): VenuePart[] {
  const type = paper.type.csl;
  const container = get(paper, 'container-title');
  const volume = get(paper, 'volume');
  const issue = get(paper, 'issue');
  const pages = get(paper, 'page');
  const publisher = get(paper, 'publisher');
  const place = get(paper, 'publisher-place');
  const number = get(paper, 'number');
  const genre = get(paper, 'genre');
  const edition = get(paper, 'edition');
  const version = get(paper, 'version');
  const publishedBy = join([text(publisher), text(place)]);
  if (JOURNAL_TYPES.has(type)) {
    const volumeIssue = volume ? `${volume}${issue ? `(${issue})` : ''}` : issue ? `no. ${issue}` : undefined;
    return join([title(container), text(volumeIssue), text(pages && formatPages(pages))]);
  }
  if (IN_BOOK_TYPES.has(type)) {
    const parts: VenuePart[] = [];
    if (container)
      parts.push(
        { text: 'In ' },
        ...join([text(formatEditors(paper.csl.editor as CslName[] | undefined)), title(container)]),
      );
    const location = join([text(volume && `vol. ${volume}`), text(pages && `pp. ${formatPages(pages)}`)]);
    if (location.length > 0) parts.push(...(parts.length > 0 ? [{ text: ', ' }] : []), ...location);
    if (publishedBy.length > 0) parts.push(...(parts.length > 0 ? [{ text: '. ' }] : []), ...publishedBy);
    return parts;
  }
  if (type === 'thesis') return join([text(genre ?? 'Thesis'), text(publisher), text(place)]);
  if (type === 'report') {
    return join([text(number ? `${genre ?? 'Report'} ${number}` : genre), text(publisher), text(place)]);
  }
  if (type === 'book' || type === 'classic' || type === 'pamphlet') {
    return join([
      text(edition && (/^\d+$/.test(edition) ? `${ordinal(Number(edition))} ed.` : edition)),
      text(publisher),
      text(place),
    ]);
  }
  if (type === 'article') {
    const arxiv = paper.site.arxiv;
    return join([
      text(publisher ?? (arxiv ? 'arXiv' : undefined)),
      text(arxiv ? `arXiv:${arxiv}` : number),
      text(genre),
    ]);
  }
  if (type === 'dataset' || type === 'software')
    return join([text(publisher ?? container), text(version && `Version ${version}`)]);
  if (type === 'speech')
    return join([text(genre), text(get(paper, 'event-title') ?? container), text(get(paper, 'event-place'))]);
  if (type === 'patent') return join([text(authorityOf(paper)), text(number && `Patent ${number}`)]);
  return join([title(container), text(genre), text(number), ...(container ? [] : [text(publisher), text(place)])]);
}

/** The issuing authority of a patent or legal item, when given. */
function authorityOf(paper: Paper): string | undefined {
  return get(paper, 'authority') ?? get(paper, 'jurisdiction');
}

/** 1st, 2nd, 3rd, 4th… */
function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

/** The venue line as plain text (feeds, search records, meta descriptions). */
export function formatVenueText(paper: Paper): string {
  return formatVenue(paper)
    .map((part) => part.text)
    .join('');
}
