// Client-side filtering of a paper list (a progressive enhancement: without JavaScript the chips are links to the
// facet pages). Runs in the browser; pure DOM, no framework. Several rows of chips (category, type, keyword)
// combine: a paper is shown when it matches the chosen chip of every row (one chip per row, "All" by default).

/** One row of chips: its URL parameter, the list items' attribute it reads, and the values it offers. */
export interface FilterRow {
  /** URL parameter and name of the row: `category`, `type`, `keyword`. */
  name: string;
  /** The list items' `data-<attribute>` the row filters on. */
  attribute: string;
  /** True when the attribute holds several space-separated values (keywords). */
  multiple: boolean;
  /** The values its chips offer. */
  values: readonly string[];
}

/** The chosen value of each row: row name → value ('' or absent: all). */
export type Filters = Record<string, string>;

/** The values a URL's query chooses (`?category=CL&type=preprints`), each one of its row's (case-insensitive). */
export function readFilters(url: string, rows: readonly FilterRow[]): Filters {
  const params = new URL(url).searchParams;
  const filters: Filters = {};
  for (const row of rows) {
    const value = (params.get(row.name) ?? '').trim().toLowerCase();
    const known = row.values.find((candidate) => candidate.toLowerCase() === value);
    if (known) filters[row.name] = known;
  }
  return filters;
}

/** The URL with the filters in its query (rows at '' removed), other parameters and the fragment kept. */
export function writeFilters(url: string, rows: readonly FilterRow[], filters: Filters): string {
  const next = new URL(url);
  for (const row of rows) {
    if (filters[row.name]) next.searchParams.set(row.name, filters[row.name]);
    else next.searchParams.delete(row.name);
  }
  return next.href;
}

/** Whether a list item matches every chosen filter. */
export function matchesFilters(item: Element, rows: readonly FilterRow[], filters: Filters): boolean {
  return rows.every((row) => {
    const wanted = filters[row.name];
    if (!wanted) return true;
    const value = item.getAttribute(`data-${row.attribute}`) ?? '';
    return row.multiple ? value.split(' ').includes(wanted) : value === wanted;
  });
}

/**
 * Shows only the papers (`li[data-id]`) below `root` that match every filter, hides groups (`section[data-group]`)
 * left empty and their jump links (`[data-group-link]`). Returns the ids of the papers shown, in list order.
 */
export function filterList(root: ParentNode, rows: readonly FilterRow[], filters: Filters): string[] {
  const shown: string[] = [];
  for (const item of root.querySelectorAll<HTMLElement>('li[data-id]')) {
    item.hidden = !matchesFilters(item, rows, filters);
    if (!item.hidden) shown.push(item.dataset.id!);
  }
  // Innermost groups first, so a type group sees whether its year groups kept a paper.
  for (const section of [...root.querySelectorAll<HTMLElement>('section[data-group]')].reverse()) {
    const visible = section.querySelector('li[data-id]:not([hidden])') !== null;
    section.hidden = !visible;
    const link = root.querySelector<HTMLElement>(`[data-group-link="${section.dataset.group}"]`);
    if (link) link.hidden = !visible;
  }
  return shown;
}

/** How many papers each value of a row would show, the other rows' choices kept. */
export function countMatches(root: ParentNode, rows: readonly FilterRow[], filters: Filters, row: FilterRow) {
  const counts = new Map<string, number>(row.values.map((value) => [value, 0]));
  let all = 0;
  const others = { ...filters, [row.name]: '' };
  for (const item of root.querySelectorAll('li[data-id]')) {
    if (!matchesFilters(item, rows, others)) continue;
    all++;
    const value = item.getAttribute(`data-${row.attribute}`) ?? '';
    for (const candidate of row.multiple ? value.split(' ') : [value]) {
      if (counts.has(candidate)) counts.set(candidate, counts.get(candidate)! + 1);
    }
  }
  return { all, counts };
}

/** What a filter change tells the page's other parts (the "Export these" links). */
export interface FilterChange {
  /** The ids of the papers shown, in list order. */
  ids: string[];
  /** The chosen chips' labels (none: the whole list). */
  labels: string[];
  /** With one chip chosen, its facet's export files (`{format}` to fill in): they hold exactly the papers shown. */
  template?: string;
}

let lastChange: FilterChange | undefined;
const listeners = new Set<(change: FilterChange) => void>();

/** Tells every listener of the page about a filter change (one module instance per page: scripts share it). */
export function publishFilterChange(change: FilterChange): void {
  lastChange = change;
  for (const listener of listeners) listener(change);
}

/** Listens to filter changes, starting with the last one if a filter was already applied (script order is free). */
export function subscribeFilterChange(listener: (change: FilterChange) => void): void {
  listeners.add(listener);
  if (lastChange) listener(lastChange);
}
