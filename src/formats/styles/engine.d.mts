/** A CSL XML element in citeproc-js's JSON form. */
export interface CslXmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslXmlNode | string)[];
}

/** An item as the engine takes it: its id and its CSL-JSON text. */
export interface EngineItem {
  id: string;
  json: string;
}

/** A citeproc-js engine for one style (see engine.mjs). */
export interface StyleEngine {
  /** Raw citeproc-js HTML entries, in order. */
  formatRaw(items: readonly EngineItem[]): string[];
  /** Standalone citation HTML (`entryHtml`), in order. */
  format(items: readonly EngineItem[]): string[];
}

/** The engine's identity for cache keys. */
export declare const ENGINE_VERSION: string;
/** The citeproc-js output format the formatter registers and uses (its HTML, with the `$&` bug fixed). */
export declare const OUTPUT_FORMAT: string;
/** Parses CSL XML into citeproc-js's JSON form with citeproc-js's own parser. */
export declare function parseCslXml(xml: string): CslXmlNode | undefined;
/** A citeproc-js engine for one style that formats every item as a bibliography of its own. */
export declare function createEngine(
  style: string | CslXmlNode,
  lang: string,
  retrieveLocale: (lang: string) => CslXmlNode | string,
): StyleEngine;
/** One citeproc-js bibliography entry as the HTML of a standalone citation. */
export declare function entryHtml(raw: string): string;
