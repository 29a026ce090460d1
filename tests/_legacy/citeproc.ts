import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { CITATION_STYLES, type CitationStyleId } from '../../src/lib/citation-styles';
import type { CslItem } from '../../src/lib/csl';

let registered = false;

/** Registers the APA template without year suffixes, exactly as the build did when it formatted with citeproc. */
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

/** Appends a literal "et al." author to a truncated list and drops the abstract, as the citeproc build did. */
function withEtAl(item: CslItem, truncated: boolean): CslItem {
  const { abstract: _abstract, ...rest } = item;
  return truncated ? { ...rest, author: [...item.author, { literal: 'et al.' }] } : rest;
}

/** Turns "…, &#38; et al." (APA's "&" before a last author) into "…, et al.". */
function fixEtAl(html: string): string {
  return html.replace(/,? (?:&#38;|&amp;|and) et al\./g, ', et al.');
}

/** Keeps the entry's inner HTML: drops the wrapper div and Vancouver's "1." sequence number. */
function cleanEntry(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/<\/?div[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Items per citeproc run, as the build used: citeproc compares every entry with the others (O(n²)). */
const CHUNK = 100;

/** The test oracle: every item's APA and Vancouver HTML as the citeproc (citation-js) build produced it. */
export function formatWithCiteproc(
  entries: readonly { item: CslItem; truncated: boolean }[],
): Map<string, Record<CitationStyleId, string>> {
  registerTemplates();
  const result = new Map<string, Record<CitationStyleId, string>>();
  for (let start = 0; start < entries.length; start += CHUNK) {
    const cite = new Cite(entries.slice(start, start + CHUNK).map(({ item, truncated }) => withEtAl(item, truncated)));
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
  }
  return result;
}
