/** The figures of one paper count that the targets judge. */
export interface TargetRun {
  papers: number;
  full: { seconds: number; warmSeconds: number; peakRssBytes: number; outputBytes: number };
  baseline: { seconds: number; warmSeconds: number };
  paperPage: { htmlBytes: number; readable: boolean };
  /** First search times in Chromium; absent when no browser measured them (the rows then fail). */
  search?: { commonMs: number; nameMs: number };
}
/** One row of the targets table. */
export interface TargetRow {
  figure: string;
  measured: string;
  target: string;
  pass: boolean;
}
/** The benchmark's targets. */
export declare const TARGETS: {
  coldRatio: number;
  warmRatio: number;
  peakRssBytes: number;
  linearity: number;
  outputBytes: number;
  paperHtmlBytes: number;
  firstSearchCommonMs: number;
  firstSearchNameMs: number;
};
/** Judges the figures: rows with PASS/FAIL and the exit code of --strict. */
export declare function evaluateTargets(
  runs: TargetRun[],
  targets?: typeof TARGETS,
): { rows: TargetRow[]; exitCode: number };
/** The rows as a markdown table. */
export declare function formatTargetTable(rows: TargetRow[]): string;
