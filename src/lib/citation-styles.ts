import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl';

/** The citation styles a paper page offers, in order; the first is the default. */
export const CITATION_STYLES = [
  { id: 'apa', label: 'APA', template: 'bibshelf-apa' },
  { id: 'vancouver', label: 'Vancouver', template: 'vancouver' },
] as const;

/** A style id, e.g. `apa`. */
export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

let registered = false;

/**
 * Registers the APA template without year suffixes: each paper's citation stands alone on its page, so the
 * "2022a/2022b" disambiguation APA applies across a reference list would be wrong here.
 */
function registerTemplates(): void {
  if (registered) return;
  const templates = plugins.config.get('@csl').styles;
  const apa: string = templates.get('apa');
  templates.add(
    'bibshelf-apa',
    apa.replace('disambiguate-add-year-suffix="true"', 'disambiguate-add-year-suffix="false"'),
  );
  registered = true;
}

/** Marks a truncated author list in formatted text: "…, K. Wang, et al." rather than a made-up last author. */
function withEtAl(item: CslItem, truncated: boolean): CslItem {
  // Styles print no abstract; leaving it out keeps citeproc's work small.
  const { abstract: _abstract, ...rest } = item;
  return truncated ? { ...rest, author: [...item.author, { literal: 'et al.' }] } : rest;
}

/** Turns "…, &#38; et al." (APA's "&" before a last author) into "…, et al.". */
function fixEtAl(html: string): string {
  return html.replace(/,? (?:&#38;|&amp;|and) et al\./g, ', et al.');
}

/** One formatted citation per item and style, as HTML, formatted in one batch per style with citation-js (CSL). */
export function formatCitationStyles(
  entries: readonly { item: CslItem; truncated: boolean }[],
): Map<string, Record<CitationStyleId, string>> {
  registerTemplates();
  const result = new Map<string, Record<CitationStyleId, string>>();
  if (entries.length === 0) return result;
  const cite = new Cite(entries.map(({ item, truncated }) => withEtAl(item, truncated)));
  for (const style of CITATION_STYLES) {
    const formatted = cite.format('bibliography', {
      format: 'html',
      template: style.template,
      lang: 'en-US',
      asEntryArray: true,
    }) as unknown as [string, string][];
    for (const [id, html] of formatted) {
      const styles = result.get(id) ?? ({} as Record<CitationStyleId, string>);
      styles[style.id] = fixEtAl(cleanEntry(html));
      result.set(id, styles);
    }
  }
  return result;
}

/** Keeps the entry's inner HTML: drops the wrapper div and Vancouver's "1." sequence number. */
function cleanEntry(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/<\/?div[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
