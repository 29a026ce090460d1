import type { CslItem } from './csl';
import { formatApa, formatVancouver } from './csl-format';

/** The citation styles a paper page offers, in order; the first is the default. */
export const CITATION_STYLES = [
  { id: 'apa', label: 'APA', template: 'bibshelf-apa' },
  { id: 'vancouver', label: 'Vancouver', template: 'vancouver' },
] as const;

/** A style id, e.g. `apa`. */
export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

/** The formatter of each style (`template` names the CSL style each one reproduces; see `csl-format.ts`). */
const FORMATTERS: Record<CitationStyleId, (item: CslItem, truncated: boolean) => string> = {
  apa: formatApa,
  vancouver: formatVancouver,
};

/**
 * One formatted citation per item and style, as HTML, keyed by item id. APA has no year suffixes: each paper's
 * citation stands alone on its page, so the "2022a/2022b" disambiguation of a reference list would be wrong here.
 * A truncated author list ends in "et al." rather than a made-up last author. The output is what citation-js
 * (citeproc-js) produced for these styles; the formatters take microseconds per item instead of milliseconds.
 */
export function formatCitationStyles(
  entries: readonly { item: CslItem; truncated: boolean }[],
): Map<string, Record<CitationStyleId, string>> {
  const result = new Map<string, Record<CitationStyleId, string>>();
  for (const { item, truncated } of entries) {
    const styles = {} as Record<CitationStyleId, string>;
    for (const style of CITATION_STYLES) styles[style.id] = FORMATTERS[style.id](item, truncated);
    result.set(item.id, styles);
  }
  return result;
}
