// The search page's script, on Pagefind's JavaScript API: the one search box (its query in ?q=), the order
// (relevance or newest first, ?sort=date), the filters of the current results, and the result list, which loads
// the fragments of the results it shows only (a page at a time), so a word every paper holds answers as fast as a
// rare one. Results are drawn as text nodes and <mark>s, never as markup from the index.

import {
  formatSummary,
  orderFilterValues,
  readSearchState,
  splitExcerpt,
  writeSearchState,
  type SearchSort,
} from './search-view';
import { prepareQuery } from './search-words';

/** The results drawn at once; "Show more results" draws as many again. */
const PAGE_SIZE = 10;

/** Filter values listed before "Show all" (the author filter of a large bibliography has thousands). */
const FILTER_LIMIT = 12;

/** The filters offered, in order, with their headings; values come from the index. */
const FILTERS = [
  { name: 'category', label: 'Category' },
  { name: 'type', label: 'Type' },
  { name: 'year', label: 'Year' },
  { name: 'author', label: 'Author' },
] as const;

/** What the page reads of a result's fragment. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One hit of a search, its fragment loaded on demand. */
export interface SearchHit {
  id: string;
  data: () => Promise<ResultData>;
}

/** The event the page sends on its container after every search: the hits (the export button reads them). */
export const RESULTS_EVENT = 'bibshelf:search-results';

/** The detail of RESULTS_EVENT. */
export interface ResultsDetail {
  query: string;
  results: SearchHit[];
}

interface PagefindSearch {
  results: SearchHit[];
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Pagefind's options on the search page. The records' URLs hold the base path already (Pagefind would otherwise
 * prefix its bundle's folder again); excerpts of 30 words.
 */
export const PAGEFIND_OPTIONS = { baseUrl: '/', excerptLength: 30 };

/** Runs the search page in `root` (the element holding the form, summary, filters and results). */
export function startSearchPage(root: HTMLElement, win: Window = window): void {
  const doc = root.ownerDocument;
  const form = root.querySelector<HTMLFormElement>('form[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
  const hint = root.querySelector<HTMLElement>('[data-search-hint]')!;
  const filtersBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const bundle = root.dataset.bundle!;

  const state = readSearchState(win.location.href);
  const checked: Record<string, string[]> = {};
  const expanded = new Set<string>();
  let pagefind: Promise<Pagefind> | undefined;
  let filtersLoaded: Promise<unknown> | undefined;
  let latest = 0;
  let hits: SearchHit[] = [];
  let drawn = 0;
  let timer: number | undefined;

  input.value = state.query;
  sortSelect.value = state.sort;
  // Scripts run: the box searches as one types, the order applies at once.
  root.classList.add('search--ready');

  const load = () =>
    (pagefind ??=
      // Started by the page's head (search.astro) when it could; else here.
      (win as Window & { bibshelfPagefind?: Promise<Pagefind> }).bibshelfPagefind ??
      (async () => {
        // A variable, so the bundler leaves the site's own Pagefind bundle to the browser.
        const url = `${bundle}pagefind.js`;
        const module = (await import(/* @vite-ignore */ url)) as Pagefind;
        await module.options(PAGEFIND_OPTIONS);
        await module.init();
        return module;
      })());

  const showHint = (text: string) => {
    hint.textContent = text;
    hint.hidden = !text;
  };

  // The next page of results; `fresh` replaces the list (a new search), once its fragments are here.
  const drawResults = async (search: number, fresh = false) => {
    const batch = hits.slice(drawn, drawn + PAGE_SIZE);
    const data = await Promise.all(batch.map((hit) => hit.data()));
    if (search !== latest) return;
    if (fresh) list.replaceChildren();
    for (const result of data) list.append(drawResult(result));
    drawn += batch.length;
    more.hidden = drawn >= hits.length;
  };

  const make = <Tag extends keyof HTMLElementTagNameMap>(tag: Tag, className: string, text?: string) => {
    const element = doc.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };

  const drawResult = (result: ResultData): HTMLLIElement => {
    const item = make('li', 'search-result');
    const heading = make('h2', 'search-result__title');
    const link = doc.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const meta = [result.meta.authors, result.meta.year, result.meta.type, result.meta.venue].filter(Boolean);
    item.append(heading, make('p', 'search-result__meta', meta.join(' · ')));
    if (result.filters.abstract?.[0] === 'yes') {
      const excerpt = make('p', 'search-result__excerpt');
      for (const part of splitExcerpt(result.excerpt)) {
        if (part.marked) excerpt.append(make('mark', '', part.text));
        else excerpt.append(part.text);
      }
      item.append(excerpt);
    }
    return item;
  };

  const drawFilters = (counts: Record<string, Record<string, number>>) => {
    const groups = FILTERS.filter(({ name }) => counts[name] && Object.keys(counts[name]).length > 0);
    filtersBox.replaceChildren();
    for (const { name, label } of groups) {
      const { values, more: hidden } = orderFilterValues(
        name,
        counts[name],
        checked[name] ?? [],
        expanded.has(name) ? Infinity : FILTER_LIMIT,
      );
      if (values.length === 0) continue;
      const details = doc.createElement('details');
      details.className = 'search-filter';
      details.dataset.filterName = name;
      details.open = name !== 'author' || (checked[name] ?? []).length > 0;
      const heading = doc.createElement('summary');
      heading.className = 'search-filter__heading';
      heading.textContent = label;
      const fieldset = doc.createElement('fieldset');
      const legend = Object.assign(doc.createElement('legend'), { className: 'visually-hidden', textContent: label });
      fieldset.append(legend);
      for (const value of values) {
        const row = doc.createElement('label');
        row.className = 'search-filter__value';
        const box = Object.assign(doc.createElement('input'), { type: 'checkbox', name, value: value.value });
        box.checked = value.checked;
        const count = Object.assign(doc.createElement('span'), {
          className: 'search-filter__count',
          textContent: String(value.count),
        });
        row.append(box, ` ${value.value} `, count);
        fieldset.append(row);
      }
      if (hidden > 0) {
        const all = Object.assign(doc.createElement('button'), {
          type: 'button',
          className: 'search-filter__all',
          textContent: `Show all ${values.length + hidden}`,
        });
        all.addEventListener('click', () => {
          expanded.add(name);
          drawFilters(counts);
          filtersBox.querySelector<HTMLElement>(`[data-filter-name="${name}"] .search-filter__all`)?.focus();
        });
        fieldset.append(all);
      }
      details.append(heading, fieldset);
      filtersBox.append(details);
    }
    filtersBox.hidden = filtersBox.childElementCount === 0;
  };

  const run = async () => {
    const search = ++latest;
    const query = state.query;
    const filters = Object.fromEntries(
      Object.entries(checked)
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, { any: values }]),
    );
    const filtered = Object.keys(filters).length > 0;
    if (!query) {
      hits = [];
      drawn = 0;
      list.replaceChildren();
      more.hidden = true;
      filtersBox.hidden = true;
      summary.textContent = '';
      showHint('Type a word of a title or an abstract, or an author’s name: results show as you type.');
      root.dispatchEvent(new CustomEvent<ResultsDetail>(RESULTS_EVENT, { detail: { query, results: [] } }));
      return;
    }
    const engine = await load();
    const options = { filters, sort: state.sort === 'date' ? { date: 'desc' } : undefined };
    const result = await engine.search(prepareQuery(query), options);
    if (search !== latest || !result) return;
    hits = result.results;
    drawn = 0;
    await drawResults(search, true);
    if (search !== latest) return;
    // The count and the hint change with the results they describe.
    summary.textContent = formatSummary(query, hits.length, filtered);
    showHint(
      hits.length > 0
        ? ''
        : filtered
          ? 'Clear a filter to widen the search.'
          : 'Check the spelling, try fewer or other words, or search for an author’s family name.',
    );
    root.dispatchEvent(new CustomEvent<ResultsDetail>(RESULTS_EVENT, { detail: { query, results: hits } }));
    // After the first results are on screen: the filters' values (Pagefind counts them once their index is loaded,
    // which for the authors of a large bibliography is the largest file of a search), counted for these results.
    if (hits.length === 0 && !filtered) return void (filtersBox.hidden = true);
    filtersLoaded ??= engine.filters();
    await filtersLoaded;
    const counted = await engine.search(prepareQuery(query), options);
    if (search !== latest || !counted) return;
    drawFilters(counted.filters);
  };

  const schedule = (delay: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => void run().catch(showError), delay);
  };

  const showError = (error: Error) => {
    summary.textContent = '';
    showHint(`The search could not run (${error.message}).`);
  };

  const remember = () => win.history.replaceState(win.history.state, '', writeSearchState(win.location.href, state));

  input.addEventListener('input', () => {
    state.query = input.value.trim();
    remember();
    schedule(120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = input.value.trim();
    remember();
    schedule(0);
  });
  sortSelect.addEventListener('change', () => {
    state.sort = sortSelect.value as SearchSort;
    remember();
    schedule(0);
  });
  filtersBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const values = new Set(checked[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    checked[box.name] = [...values];
    schedule(0);
  });
  more.addEventListener('click', () => {
    const first = drawn;
    void drawResults(latest).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  // Start fetching Pagefind's script and index while the reader types.
  if (!state.query) void load().catch(() => {});
  schedule(0);
}
