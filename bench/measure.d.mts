/** Parses VmRSS from /proc/<pid>/status text, in bytes. */
export declare function parseRssBytes(status: string): number;
/** The pids of root and its descendants. */
export declare function collectTree(root: number, pairs: [number, number][]): number[];
/** Total bytes below a folder. */
export declare function folderBytes(dir: string): number;
/** CSS and JS bytes an HTML page loads or inlines. */
export declare function pageAssetBytes(html: string, outDir: string, base?: string): { css: number; js: number };
/** Phases of an `astro build` log in seconds: setup, routes and search (when present). */
export declare function parseBuildPhases(log: string): { setup?: number; routes?: number; search?: number };
/** Median time (with its phases), every run's time and the highest peak RSS of repeated builds. */
export declare function summarizeBuilds(builds: { seconds: number; peakRssBytes: number; log: string }[]): {
  seconds: number;
  runs: number[];
  peakRssBytes: number;
  phases: { setup?: number; routes?: number; search?: number };
};
