/** Parses VmRSS from /proc/<pid>/status text, in bytes. */
export declare function parseRssBytes(status: string): number;
/** The pids of root and its descendants. */
export declare function collectTree(root: number, pairs: [number, number][]): number[];
/** Total bytes below a folder. */
export declare function folderBytes(dir: string): number;
/** CSS and JS bytes an HTML page loads or inlines. */
export declare function pageAssetBytes(html: string, outDir: string, base?: string): { css: number; js: number };
/** The phases of an `astro build` log in seconds (those present). */
export interface BuildPhases {
  content?: number;
  setup?: number;
  bundle?: number;
  routes?: number;
  exports?: number;
  search?: number;
}
/** Every file below a folder with its size. */
export declare function listFiles(dir: string): { path: string; bytes: number }[];
/** Phases of an `astro build` log in seconds: content, setup, bundle, routes, exports, search (when present). */
export declare function parseBuildPhases(log: string): BuildPhases;
/** Median time (with its phases), every run's time and the highest peak RSS of repeated builds. */
export declare function summarizeBuilds(builds: { seconds: number; peakRssBytes: number; log: string }[]): {
  seconds: number;
  runs: number[];
  peakRssBytes: number;
  phases: BuildPhases;
};
