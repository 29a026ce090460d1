// Client-side filtering of a paper list (a progressive enhancement: without JavaScript the chips are links to the
// facet pages). Runs in the browser; pure DOM, no framework.

/** The value chosen in a URL's `?<name>=`, if it is one of `known` (compared case-insensitively); else ''. */
export function readFilter(url: string, name: string, known: readonly string[]): string {
  const value = (new URL(url).searchParams.get(name) ?? '').trim().toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === value) ?? '';
}

/** Shows only the list items whose `data-<attribute>` is `value` ('' for all) and hides groups left empty. */
export function filterList(root: ParentNode, attribute: string, value: string): void {
  for (const item of root.querySelectorAll<HTMLElement>(`li[data-${attribute}]`)) {
    item.hidden = value !== '' && item.getAttribute(`data-${attribute}`) !== value;
  }
  for (const section of [...root.querySelectorAll<HTMLElement>('section[data-group]')].reverse()) {
    const visible = section.querySelector('li[data-type]:not([hidden])');
    section.hidden = !visible;
    const link = root.querySelector<HTMLElement>(`[data-group-link="${section.dataset.group}"]`);
    if (link) link.hidden = !visible;
  }
}
