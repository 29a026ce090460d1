// The benchmark's verdicts: measured figures in, table rows with PASS/FAIL and the exit code of --strict out.
import { describe, expect, it } from 'vitest';
import { evaluateTargets, formatTargetTable, TARGETS, type TargetRun } from '../../bench/targets.mjs';

const MB = 1024 ** 2;

/** The figures of one paper count, passing every target unless overridden. */
function run(papers: number, seconds: number, overrides: Partial<TargetRun> = {}): TargetRun {
  return {
    papers,
    full: { seconds, warmSeconds: seconds / 2, peakRssBytes: 1000 * MB, outputBytes: 200 * MB },
    baseline: { seconds: seconds / 1.5, warmSeconds: seconds / 2 / 1.2 },
    paperPage: { htmlBytes: 15 * 1024, readable: true },
    search: { commonMs: 1500, nameMs: 800 },
    ...overrides,
  };
}

describe('benchmark targets', () => {
  it('passes figures within every target and exits 0', () => {
    const { rows, exitCode } = evaluateTargets([run(1000, 4), run(10000, 36)]);
    expect(exitCode).toBe(0);
    expect(rows.map((row) => [row.figure, row.measured, row.target, row.pass])).toEqual([
      ['full cold build ÷ baseline at 10,000', '1.50×', '≤ 1.60×', true],
      ['warm rebuild ÷ baseline warm at 10,000', '1.20×', '≤ 1.30×', true],
      ['peak RSS at 10,000', '1000.0 MB', '≤ 2560.0 MB', true],
      ['time(10000) ÷ time(1000)', '9.00', '≤ 10.00', true],
      ['output size at 10,000', '200.0 MB', '≤ 250.0 MB', true],
      ['paper page HTML (median) at 10,000', '15.0 KB', '≤ 20.0 KB', true],
      ['paper page readable without JavaScript', 'yes', 'yes', true],
      ['first search, common word, at 10,000', '1500 ms', '≤ 2000 ms', true],
      ['first search, name, at 10,000', '800 ms', '≤ 1000 ms', true],
    ]);
  });

  it('fails the search rows when no browser measured them', () => {
    const { rows, exitCode } = evaluateTargets([run(10000, 36, { search: undefined })]);
    expect(exitCode).toBe(1);
    expect(rows.filter((row) => !row.pass).map((row) => [row.figure, row.measured])).toEqual([
      ['first search, common word, at 10,000', 'not measured'],
      ['first search, name, at 10,000', 'not measured'],
    ]);
  });

  it('fails each figure past its target, judged at the largest count, and exits 1', () => {
    const large = run(10000, 50, {
      full: { seconds: 50, warmSeconds: 40, peakRssBytes: 3 * 1024 * MB, outputBytes: 800 * MB },
      baseline: { seconds: 25, warmSeconds: 20 },
      paperPage: { htmlBytes: 21 * 1024, readable: false },
      search: { commonMs: 2500, nameMs: 1001 },
    });
    // The small count's own figures (over every target) are not judged, only its time for the growth.
    const small = run(1000, 4, { paperPage: { htmlBytes: 99 * 1024, readable: false } });
    const { rows, exitCode } = evaluateTargets([large, small]);
    expect(exitCode).toBe(1);
    expect(rows.filter((row) => !row.pass).map((row) => row.measured)).toEqual([
      '2.00×',
      '2.00×',
      '3072.0 MB',
      '12.50',
      '800.0 MB',
      '21.0 KB',
      'no',
      '2500 ms',
      '1001 ms',
    ]);
  });

  it('allows growth in proportion to the paper counts, and exactly at a target passes', () => {
    const { rows } = evaluateTargets([run(500, 2), run(2000, 8)]);
    expect(rows.find((row) => row.figure.startsWith('time('))).toMatchObject({ measured: '4.00', pass: true });
    const edge = run(10000, 16, { baseline: { seconds: 10, warmSeconds: 10 / 1.3 } });
    expect(
      evaluateTargets([edge], { ...TARGETS })
        .rows.slice(0, 2)
        .map((row) => row.pass),
    ).toEqual([true, true]);
  });

  it('one count judges no growth; no run at all fails --strict', () => {
    expect(evaluateTargets([run(10000, 30)]).rows.some((row) => row.figure.startsWith('time('))).toBe(false);
    expect(evaluateTargets([])).toEqual({ rows: [], exitCode: 1 });
  });

  it('prints a markdown table with PASS and FAIL', () => {
    const table = formatTargetTable([
      { figure: 'a', measured: '1', target: '≤ 2', pass: true },
      { figure: 'b', measured: '3', target: '≤ 2', pass: false },
    ]);
    expect(table).toBe(
      '| figure | measured | target | result |\n| --- | --- | --- | --- |\n| a | 1 | ≤ 2 | PASS |\n| b | 3 | ≤ 2 | FAIL |',
    );
  });
});
