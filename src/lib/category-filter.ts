/** The category chosen in a URL's `?category=` (uppercased), if it is one of `known`; else ''. */
export function readCategory(url: string, known: readonly string[]): string {
  const value = (new URL(url).searchParams.get('category') ?? '').trim().toUpperCase();
  return known.includes(value) ? value : '';
}

/** Shows only the list items of one category ('' for all) and hides year sections left empty. */
export function filterByCategory(root: ParentNode, code: string): void {
  for (const item of root.querySelectorAll<HTMLElement>('li[data-category]')) {
    item.hidden = code !== '' && item.dataset.category !== code;
  }
  for (const section of root.querySelectorAll<HTMLElement>('section[data-year]')) {
    const visible = section.querySelector('li[data-category]:not([hidden])');
    section.hidden = !visible;
    const link = root.querySelector<HTMLElement>(`[data-year-link="${section.dataset.year}"]`);
    if (link) link.hidden = !visible;
  }
}
