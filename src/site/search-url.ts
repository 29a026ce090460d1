/** Reads the search query from a URL's `q` parameter (empty when absent). */
export function readQuery(url: string): string {
  return new URL(url).searchParams.get('q')?.trim() ?? '';
}

/** The same URL with `q` set to the query, or removed when the query is empty; other parameters are kept. */
export function writeQuery(url: string, query: string): string {
  const next = new URL(url);
  if (query.trim()) next.searchParams.set('q', query.trim());
  else next.searchParams.delete('q');
  return next.href;
}

/**
 * Keeps Pagefind's search input and the page URL in step: `?q=` prefills the input and runs the search on load;
 * typing updates `?q=` (history.replaceState) so a results page can be shared or bookmarked.
 */
export function syncQueryWithUrl(host: Element | null, win: Window): void {
  if (!host) return;
  const attach = (): boolean => {
    const input = host.querySelector('input');
    if (!input) return false;
    const initial = readQuery(win.location.href);
    if (initial) {
      input.value = initial;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.addEventListener('input', () => {
      win.history.replaceState(win.history.state, '', writeQuery(win.location.href, input.value));
    });
    return true;
  };
  if (attach()) return;
  // The component renders its input once its script has run; wait for it.
  const observer = new MutationObserver(() => attach() && observer.disconnect());
  observer.observe(host, { childList: true, subtree: true });
}
