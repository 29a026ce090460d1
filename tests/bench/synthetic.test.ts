// The benchmark's generator (its papers must be valid paper files of the site's model) and its measuring helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectTree, pageAssetBytes, parseBuildPhases, parseRssBytes, summarizeBuilds } from '../../bench/measure.mjs';
import { makeSyntheticPapers } from '../../bench/synthetic.mjs';
import { getItemType } from '../../src/domain/types';
import { makePapers } from '../helpers/model';

/** Character lengths of the shipped seed papers' abstracts (the markdown body), the realistic lengths to match. */
function seedAbstractLengths(): number[] {
  const folder = fileURLToPath(new URL('../../src/content/papers/', import.meta.url));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(folder, name), 'utf8').split(/^---$/m)[2].trim().length);
}

describe('benchmark generator', () => {
  const files = makeSyntheticPapers(300);

  it('is deterministic', () => {
    expect(makeSyntheticPapers(300)).toEqual(files);
    expect(makeSyntheticPapers(300, 7)).not.toEqual(files);
  });

  it('writes valid paper files of the common types, with venues and dates at several precisions', async () => {
    const papers = await makePapers(
      files.map(({ id, text }) => {
        const [, frontMatter, abstract] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
        return { file: `${id}.md`, frontMatter, abstract };
      }),
    );
    expect(papers).toHaveLength(300);
    const types = new Set(papers.map((paper) => paper.type.csl));
    expect([...types].sort()).toEqual(
      ['article', 'article-journal', 'book', 'chapter', 'paper-conference', 'report', 'thesis'].sort(),
    );
    for (const type of types) expect(getItemType(type).csl).toBe(type);
    const precisions = papers.map(
      (paper) => (paper.csl.issued as { 'date-parts': number[][] })['date-parts'][0].length,
    );
    expect(new Set(precisions)).toEqual(new Set([1, 2, 3]));
    const journals = papers.filter((paper) => paper.type.csl === 'article-journal');
    expect(journals.every((paper) => paper.csl['container-title'] && paper.csl.volume && paper.csl.page)).toBe(true);
    expect(papers.filter((paper) => paper.type.csl === 'article').every((paper) => paper.site.arxiv)).toBe(true);
    expect(papers.some((paper) => paper.site.code === true)).toBe(true);
    expect(papers.some((paper) => typeof paper.site.code === 'string')).toBe(true);
    expect(papers.some((paper) => (paper.data.keywords as string[] | undefined)?.length)).toBe(true);
    const names = papers.flatMap((paper) => paper.names.author ?? []).map((name) => JSON.stringify(name));
    expect(names.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    expect(names.join(' ')).toMatch(/[\u0400-\u04ff]/);
    expect(names.join(' ')).toMatch(/[À-ž]/);
    const lengths = papers.map((paper) => paper.abstract.text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(400);
    const seed = seedAbstractLengths();
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(lengths) / mean(seed)).toBeGreaterThan(0.85);
    expect(mean(lengths) / mean(seed)).toBeLessThan(1.15);
    expect(new Set(papers.map((paper) => paper.csl.title)).size).toBe(300);
    expect(new Set(papers.map((paper) => paper.site.category?.code)).size).toBeGreaterThan(3);
  });
});

describe('benchmark measuring', () => {
  it('reads RSS and walks a process tree', () => {
    expect(parseRssBytes('Name:\tnode\nVmRSS:\t  2048 kB\n')).toBe(2048 * 1024);
    expect(parseRssBytes('Name: zombie\n')).toBe(0);
    expect(
      collectTree(1, [
        [2, 1],
        [3, 2],
        [4, 9],
      ]).sort(),
    ).toEqual([1, 2, 3]);
  });

  it('counts inline scripts but not JSON-LD', () => {
    const html =
      '<script type="module">abc</script><script type="application/ld+json">{"a":1}</script><style>p{}</style>';
    expect(pageAssetBytes(html, '/nonexistent')).toEqual({ css: 3, js: 3 });
  });

  it('reads the phases of an Astro build log', () => {
    const log = [
      '14:55:41 [content] Synced content',
      '14:55:41 [build] ✓ Completed in 3.71s.',
      '\x1b[42m generating static routes \x1b[49m',
      '14:56:00   ├─ /papers/a/index.html (+3ms)',
      '14:57:05 \x1b[32m✓ Completed in 1m 25s.\x1b[39m',
      '14:57:05 [build] ✓ Completed in 1m 28s.',
      '14:57:16 [bibshelf-pagefind] Indexed 10000 pages in 10766 ms',
    ].join('\n');
    expect(parseBuildPhases(log)).toEqual({ setup: 3.71, routes: 85, search: 10.766 });
    expect(parseBuildPhases('nothing')).toEqual({});
    const full = [
      '03:54:39 [types] Generated 20.31s',
      '03:54:55 [vite] ✓ built in 15.94s',
      '03:54:56 [vite] ✓ built in 623ms',
      '03:57:52 [bibshelf-exports] Wrote 39858 export files in 14928 ms',
      '03:58:21 [bibshelf-pagefind] Indexed 10000 pages (9586 with Chinese or Japanese words) in 27392 ms',
    ].join('\n');
    expect(parseBuildPhases(full)).toEqual({ content: 20.31, bundle: 16.563, exports: 14.928, search: 27.392 });
  });

  it('summarizes repeated builds by the median time and the highest peak RSS', () => {
    const build = (seconds: number, peakRssBytes: number) => ({
      seconds,
      peakRssBytes,
      log: `[build] ✓ Completed in ${seconds}s.`,
    });
    const summary = summarizeBuilds([build(30, 5), build(10, 9), build(20, 7)]);
    expect(summary).toEqual({ seconds: 20, runs: [30, 10, 20], peakRssBytes: 9, phases: { setup: 20 } });
    expect(summarizeBuilds([build(4, 1), build(2, 3)]).seconds).toBe(2);
    expect(() => summarizeBuilds([])).toThrow(/at least one/);
  });
});
