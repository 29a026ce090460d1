// The search page's pure parts: its state in the URL, the excerpt as text and marks, the filter values offered and
// the words of the summary. The page's script (search-page.ts) draws them; these take and return plain data.

import { joinUnspacedWords } from './search-words';

/** How the results are ordered: Pagefind's relevance, or the issued date, newest first. */
export type SearchSort = 'relevance' | 'date';

/** What the URL says of a search: the query (`q`) and the order (`sort=date`). */
export interface SearchState {
  query: string;
  sort: SearchSort;
}

/** Reads the search state of a URL; anything but `sort=date` is relevance. */
export function readSearchState(url: string): SearchState {
  const params = new URL(url).searchParams;
  return { query: params.get('q')?.trim() ?? '', sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The same URL with the state written (`q` and `sort` removed when empty or relevance); other parameters kept. */
export function writeSearchState(url: string, state: SearchState): string {
  const next = new URL(url);
  if (state.query.trim()) next.searchParams.set('q', state.query.trim());
  else next.searchParams.delete('q');
  if (state.sort === 'date') next.searchParams.set('sort', 'date');
  else next.searchParams.delete('sort');
  return next.href;
}

/** One run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Pagefind's excerpt (HTML holding only <mark> tags, with < and > of the text escaped) as text runs, so the page
 * inserts text nodes, never markup; the spaces the index put between Chinese and Japanese words are removed.
 */
export function splitExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), marked });
  }
  const joined = joinUnspacedWords(parts.map((part) => part.text));
  return parts.map((part, index) => ({ ...part, text: joined[index] })).filter((part) => part.text);
}

/** A filter value offered, with the number of results it would keep. */
export interface FilterValue {
  value: string;
  count: number;
  checked: boolean;
}

/**
 * The values of one filter to offer for the current results: those some result has, and those checked; years
 * newest first, other filters by count (then name). `limit` cuts the list (checked values always stay).
 */
export function orderFilterValues(
  name: string,
  counts: Record<string, number>,
  checked: readonly string[],
  limit = Infinity,
): { values: FilterValue[]; more: number } {
  const all = Object.entries(counts)
    .filter(([value, count]) => count > 0 || checked.includes(value))
    .map(([value, count]) => ({ value, count, checked: checked.includes(value) }));
  for (const value of checked) if (!(value in counts)) all.push({ value, count: 0, checked: true });
  const byName = (a: FilterValue, b: FilterValue) => a.value.localeCompare(b.value);
  all.sort(name === 'year' ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || byName(a, b));
  if (all.length <= limit) return { values: all, more: 0 };
  const shown = all.slice(0, limit);
  for (const value of all.slice(limit)) if (value.checked) shown.push(value);
  return { values: shown, more: all.length - shown.length };
}

/** The summary line: the count of results for the query as typed, or what to do when there are none. */
export function formatSummary(query: string, count: number, filtered: boolean): string {
  if (count === 0) return `No papers match “${query}”${filtered ? ' with these filters' : ''}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”${filtered ? ' (filtered)' : ''}`;
}
