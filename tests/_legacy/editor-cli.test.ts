import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, SITE_DIR, buildSite } from './helpers/build';
import { loadPage, textOf } from './helpers/site';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const fixtures = join(ROOT, 'tests/fixtures/import');

/** Runs an editor script for real, with this Node, from the project root. */
function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function freshDir(name: string): string {
  const dir = join(BUILD_ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('npm run import', () => {
  it('writes good entries, reports bad ones with their line, never overwrites without --force', () => {
    const dir = freshDir('import-cli');
    const first = run(
      'import.ts',
      join(fixtures, 'refs.bib'),
      join(fixtures, 'refs.ris'),
      join(fixtures, 'refs.json'),
      '--dir',
      dir,
    );
    expect(first.status).toBe(1);
    expect(first.output).toMatch(/✗ refs\.bib:16.*broken2020/);
    expect(first.output).toMatch(/✗ refs\.bib:22 \(nocat2021\): no arXiv category/);
    expect(first.output).toMatch(/✗ refs\.json:\d+ \(notitle\): title is missing/);
    expect(first.output).toMatch(
      /5 imported, 0 replaced, 0 skipped \(file exists\), 0 skipped \(duplicate\), 3 failed\./,
    );
    expect(readdirSync(dir)).toHaveLength(5);
    const check = run('check-content.ts', dir);
    expect(check.status, check.output).toBe(0);

    const again = run('import.ts', join(fixtures, 'refs.ris'), '--dir', dir);
    expect(again.output).toMatch(/skipped, .* exists \(use --force to replace it\)/);
    expect(again.output).toMatch(/0 imported, 0 replaced, 2 skipped \(file exists\)/);
    const forced = run('import.ts', join(fixtures, 'refs.ris'), '--dir', dir, '--force');
    expect(forced.output).toMatch(/0 imported, 2 replaced/);
    expect(forced.status).toBe(0);
  });

  it('skips duplicates of existing papers (same title under another file name)', () => {
    const dir = freshDir('import-dupes');
    cpSync(join(ROOT, 'src/content/papers/bbtv2.md'), join(dir, 'bbtv2.md'));
    const bib = join(dir, '..', 'dupe.bib');
    writeFileSync(
      bib,
      '@misc{x, author = {Sun, Tianxiang}, title = {{BBTv2}: Towards a Gradient-Free Future with Large Language Models}, year = 2022, keywords = {cs.CL}}\n',
    );
    const result = run('import.ts', bib, '--dir', dir);
    expect(result.output).toMatch(/skipped, duplicate of .*bbtv2\.md/);
    expect(readdirSync(dir)).toEqual(['bbtv2.md']);
  });

  it('writes nothing for a malformed file', () => {
    const dir = freshDir('import-malformed');
    const bad = join(dir, '..', 'bad.json');
    writeFileSync(bad, '[{"id": "a", "title": "x",\n');
    const result = run('import.ts', bad, join(fixtures, 'refs.bib'), '--dir', dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/bad\.json: not valid JSON[\s\S]*Nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

// `npm run new` and `npm run check` moved to tests/tools/cli.test.ts; what is left here is the importer's.

describe('round trip: export the seed papers to BibTeX, import into an empty folder, build', () => {
  it('gives the same papers', () => {
    const dir = freshDir('roundtrip-papers');
    const imported = run('import.ts', join(SITE_DIR, 'bibliography.bib'), '--dir', dir);
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).toMatch(/14 imported/);
    const outDir = join(BUILD_ROOT, 'roundtrip-site');
    const build = buildSite({ outDir, papersDir: dir });
    expect(build.status, build.output).toBe(0);
    const describeCards = (siteDir: string) =>
      [...loadPage('index.html', siteDir).querySelectorAll('.paper-card')].map((card) => ({
        title: textOf(card.querySelector('.paper-card__title')),
        authors: textOf(card.querySelector('.paper-card__authors')),
        date: card.querySelector('time')!.getAttribute('datetime'),
        category: textOf(card.querySelector('.badge')),
        abstract: textOf(card.querySelector('.abstract')),
      }));
    expect(describeCards(outDir)).toEqual(describeCards(SITE_DIR));
    // Citation keys survive too, so citations of the re-imported site match.
    expect(readFileSync(join(outDir, 'bibliography.bib'), 'utf8').match(/^@\w+\{[^,]+/gm)).toEqual(
      readFileSync(join(SITE_DIR, 'bibliography.bib'), 'utf8').match(/^@\w+\{[^,]+/gm),
    );
  });
});
