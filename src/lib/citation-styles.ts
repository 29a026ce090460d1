import { createHash } from 'node:crypto';
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

/** Items formatted per citeproc run: citeproc compares every entry with the others, so large batches cost O(n²). */
const CHUNK = 100;

/** Formatted styles by a digest of the item they were made from; kept between builds by the caller. */
export type StyleCache = Record<string, Record<CitationStyleId, string>>;

/** A digest of exactly what citeproc sees for an item (plus the styles offered), for the style cache. */
export function digestItem(item: CslItem, truncated: boolean): string {
  const input = JSON.stringify([withEtAl(item, truncated), CITATION_STYLES]);
  return createHash('sha1').update(input).digest('base64url');
}

/**
 * One formatted citation per item and style, as HTML, formatted with citation-js (CSL) in small batches.
 * Items whose digest is in `cache` (from an earlier build) are not formatted again: citeproc costs a few ms per
 * item. Every result is also recorded in `next`, which then holds exactly the current items, ready to be kept.
 */
export function formatCitationStyles(
  entries: readonly { item: CslItem; truncated: boolean }[],
  cache: Readonly<StyleCache> = {},
  next: StyleCache = {},
): Map<string, Record<CitationStyleId, string>> {
  registerTemplates();
  const result = new Map<string, Record<CitationStyleId, string>>();
  const digests = new Map(entries.map(({ item, truncated }) => [item.id, digestItem(item, truncated)]));
  const missing = entries.filter(({ item }) => {
    const digest = digests.get(item.id)!;
    const cached = cache[digest];
    if (cached) {
      result.set(item.id, cached);
      next[digest] = cached;
    }
    return !cached;
  });
  for (let start = 0; start < missing.length; start += CHUNK) {
    const cite = new Cite(missing.slice(start, start + CHUNK).map(({ item, truncated }) => withEtAl(item, truncated)));
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
        next[digests.get(id)!] = styles;
      }
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
