/** A year of papers on the home page: listed there, or only linked to its own year page. */
export interface HomeYear<T> {
  year: number;
  papers: T[];
  /** True when the year's papers are listed on the home page. */
  listed: boolean;
}

/**
 * Decides which years the home page lists in full: the newest years, until at least `limit` papers are shown
 * (always at least one year). Older years are reached through their `/years/<year>/` pages, so the home page
 * stays small for bibliographies of thousands of papers while a normal profile shows everything.
 */
export function planHomeYears<T>(years: readonly { year: number; papers: T[] }[], limit: number): HomeYear<T>[] {
  let shown = 0;
  let full = false;
  return years.map(({ year, papers }) => {
    full ||= shown > 0 && shown + papers.length > limit;
    if (!full) shown += papers.length;
    return { year, papers, listed: !full };
  });
}
