// `npm run import` run for real, as an editor runs it: on the project's small fixtures (reports, --force, duplicates,
// malformed files, key collisions) and on real bibliographies nobody here wrote (TeX Live's biblatex-examples.bib and
// xampl.bib; the RIS bibutils makes of them; the CSL-JSON citation-js makes of xampl.bib), each imported, built by
// the real build, exported, measured against its input, and imported again from the site's own export.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, SITE_DIR, buildFixtureSite } from '../helpers/build';
import { measureSurvival } from '../helpers/bibtex-survival';
import { makePapers } from '../helpers/model';
import { cslSurvival, logSurvival, risPairs, risSurvival } from '../helpers/format-survival';
import { BEEBE, BIBLATEX_EXAMPLES, XAMPL, cslFromBibtex, risFromBibtex, shortName } from '../helpers/real-sources';

const fixtures = join(ROOT, 'tests/fixtures/import');

/** Runs `npm run import -- args` in the project, as an editor would; returns the exit status and all output. */
function runImport(...args: string[]) {
  const env = { ...process.env };
  // Vitest's own environment would leak into the command (NODE_ENV=test, Vite's variables).
  for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'BIBSHELF_PAPERS_DIR', 'BIBSHELF_CONFIG'])
    delete env[name];
  const result = spawnSync('npm', ['run', '--silent', 'import', '--', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function freshDir(name: string): string {
  const dir = join(BUILD_ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file of a folder with its text, by name. */
const filesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );

/** The entries a BibTeX file declares (not @string, @comment or @preamble). */
const declaredEntries = (text: string) =>
  [...text.matchAll(/^@(\w+)\s*[{(]/gm)].filter((match) => !/^(string|comment|preamble)$/i.test(match[1])).length;

/** The keys the report names as skipped duplicates or failed. */
const notWritten = (report: string) =>
  new Set([...report.matchAll(/^[-✗] \S+ \((.+?)\): /gm)].map((match) => match[1]));

describe('npm run import on the fixtures', () => {
  it('writes good entries, reports bad ones with file and line, never overwrites without --force', () => {
    const dir = freshDir('import-cli');
    const first = runImport(
      join(fixtures, 'refs.bib'),
      join(fixtures, 'refs.ris'),
      join(fixtures, 'refs.json'),
      '--dir',
      dir,
    );
    expect(first.status).toBe(1);
    expect(first.output).toMatch(/^✗ \S*refs\.bib:16 \(broken2020\): /m);
    // Category is optional: an entry without one is a paper like any other.
    expect(first.output).toMatch(/^✓ \S*refs\.bib:22 \(nocat2021\): writes nocat2021\.md$/m);
    expect(first.output).toMatch(/^✓ \S*refs\.ris:1: writes \S+\.md$/m);
    expect(first.output).toMatch(
      /7 imported, 0 replaced, 0 skipped \(file exists\), 0 skipped \(duplicate\), 0 skipped \(not a work: @set, @xdata\), 1 failed\./,
    );
    expect(readdirSync(dir)).toHaveLength(7);
    const text = readFileSync(join(dir, 'mueller2023cafe.md'), 'utf8');
    // BibTeX is LaTeX: math loses its dollars, {\'\i} is í.
    expect(text).toMatch(/^title: 'Café Models: 50% Faster BERT with Sparse K-Attention & More'$/m);
    expect(text).toMatch(/^ {2}- Ana García$/m);
    expect(text).toMatch(/^citationKey: mueller2023cafe$/m);

    const again = runImport(join(fixtures, 'refs.ris'), '--dir', dir);
    expect(again.output).toMatch(/skipped, \S+\.md exists \(use --force to replace it\)/);
    expect(again.output).toMatch(/0 imported, 0 replaced, 2 skipped \(file exists\)/);
    expect(again.status).toBe(0);
    const forced = runImport(join(fixtures, 'refs.ris'), '--dir', dir, '--force');
    expect(forced.output).toMatch(/0 imported, 2 replaced/);
    expect(forced.status).toBe(0);
  });

  it('skips a duplicate of a paper of the folder (same title, year and type under another file name)', () => {
    const dir = freshDir('import-dupes');
    cpSync(join(ROOT, 'src/content/papers/bbtv2.md'), join(dir, 'bbtv2.md'));
    const bib = join(BUILD_ROOT, 'import-dupes.bib');
    writeFileSync(
      bib,
      '@misc{x, author = {Sun, Tianxiang}, title = {{BBTv2}: Towards a Gradient-Free Future with Large Language Models}, year = 2022, entrysubtype = {preprint}}\n',
    );
    const result = runImport(bib, '--dir', dir);
    expect(result.output).toMatch(/skipped, duplicate of \S*bbtv2\.md \(same title, year and type\)/);
    expect(readdirSync(dir)).toEqual(['bbtv2.md']);
  });

  it('writes nothing for a malformed file, or when two entries would share a citation key', () => {
    const dir = freshDir('import-malformed');
    const bad = join(BUILD_ROOT, 'import-bad.json');
    writeFileSync(bad, '[{"id": "a", "title": "x",\n');
    const malformed = runImport(bad, join(fixtures, 'refs.bib'), '--dir', dir);
    expect(malformed.status).toBe(1);
    expect(malformed.output).toMatch(/import-bad\.json: not JSON[\s\S]*Nothing was written/);
    const clash = join(BUILD_ROOT, 'import-clash.ris');
    writeFileSync(
      clash,
      'TY  - JOUR\r\nID  - mueller2023cafe\r\nTI  - Same Key\r\nAU  - X, Y\r\nPY  - 2001\r\nER  - \r\n',
    );
    const collision = runImport(join(fixtures, 'refs.bib'), clash, '--dir', dir);
    expect(collision.status).toBe(1);
    expect(collision.output).toMatch(
      /✗ citation key "mueller2023cafe" of \S*import-clash\.ris:1 \(mueller2023cafe\) is already used by \S*refs\.bib:4 \(mueller2023cafe\)\nNothing was written/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the shipped site exported to BibTeX and imported into an empty folder', () => {
  it('gives every paper back with its citation key, title, names, date, DOI, arXiv id and abstract text', async () => {
    const dir = freshDir('import-seed');
    const imported = runImport(join(SITE_DIR, 'bibliography.bib'), '--dir', dir);
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).toMatch(/14 imported/);
    const bib = readFileSync(join(SITE_DIR, 'bibliography.bib'), 'utf8');
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]).sort();
    expect(readdirSync(dir).map((name) => name.replace(/\.md$/, ''))).toEqual(keys);
    // Title, names, date, DOI, arXiv id and the abstract's text (rendered as the site renders it) are the seed
    // file's, paper by paper. The BibTeX export writes the abstract's text, so its emphasis does not come back.
    const seed = join(ROOT, 'src/content/papers');
    const described = async (folder: string) =>
      (
        await makePapers(
          readdirSync(folder).map((name) => {
            const [, yaml, body] = readFileSync(join(folder, name), 'utf8').split(/^---$/m);
            return { file: name, frontMatter: yaml, abstract: body };
          }),
        )
      )
        .map((paper) =>
          JSON.stringify([
            paper.data.title,
            paper.data.authors,
            paper.data.authorsTruncated,
            paper.data.date,
            paper.data.doi,
            paper.data.arxiv,
            paper.abstract.text,
          ]),
        )
        .sort();
    expect(await described(dir)).toEqual(await described(seed));
    // Imported again into the same folder: each entry finds its own file, replaced only with --force.
    const again = runImport(join(SITE_DIR, 'bibliography.bib'), '--dir', dir);
    expect(again.output).toMatch(/0 imported, 0 replaced, 14 skipped \(file exists\), 0 skipped \(duplicate\)/);
  });
});

describe('real bibliographies: import → build → export → import again', () => {
  let bibDir: string;
  let bibSite: string;
  let report: string;

  beforeAll(() => {
    bibDir = freshDir('import-real-bib');
    const result = runImport(BIBLATEX_EXAMPLES, XAMPL, '--dir', bibDir);
    report = result.output;
    if (result.status !== 0) throw new Error(`import failed:\n${report}`);
    bibSite = buildFixtureSite('import-real-bib-site', { papersDir: bibDir });
  });

  it('gives every entry of both files one line of the report, and writes every entry that is a work', () => {
    for (const file of [BIBLATEX_EXAMPLES, XAMPL]) {
      const lines = report.split('\n').filter((line) => line.includes(`${file}:`));
      expect(lines, file).toHaveLength(declaredEntries(readFileSync(file, 'utf8')));
      // Not written: the @set containers (their members are), and works already imported (named, with the
      // fields the skipped one had that the kept one lacks).
      for (const line of lines.filter((text) => !text.startsWith('✓'))) {
        expect(line).toMatch(/^- \S+ \(\S+\): skipped(: a @set only groups|, duplicate of \S+ \(.+?\) \(same )/);
      }
    }
    expect(report).toMatch(/106 imported, 0 replaced, 0 skipped \(file exists\), 20 skipped \(duplicate\)/);
    // xampl.bib's @preamble defines \noopsort and friends: each entry whose verbatim fields use them keeps it.
    expect(report).toMatch(
      /\(whole-set\): writes whole-set\.md \(.*kept the file's @preamble \(\\newcommand as \\providecommand\), for \\noopsort, \\switchargs\)/,
    );
  });

  it('exports a bibliography.bib that keeps ≥ 98% of the (entry, field) pairs of each file, and its @preamble', () => {
    const written = readFileSync(join(bibSite, 'bibliography.bib'), 'utf8');
    // xampl.bib's preamble, once, before the entries (it is what makes its verbatim years and keys typeset).
    expect(written.match(/^@preamble\{"\\providecommand\{\\noopsort\}\[1\]\{\} /gm)).toHaveLength(1);
    expect(written.indexOf('@preamble{')).toBeLessThan(written.search(/^@(?!preamble)\w+\{/m));
    const skipped = notWritten(report);
    for (const file of [BIBLATEX_EXAMPLES, XAMPL]) {
      const input = readFileSync(file, 'utf8');
      const survival = measureSurvival(input, written, (entry) => skipped.has(entry.key));
      console.log(
        `${shortName(file)} → import → build → bibliography.bib: ${survival.kept}/${survival.total} (entry, field) pairs of the written entries kept = ${survival.percent.toFixed(2)}% (${[...skipped].filter((key) => input.includes(`{${key},`)).length} entries not written: @set or duplicate); lost: ${JSON.stringify(survival.lost)}`,
      );
      expect(survival.kept / survival.total).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('re-imports its own bibliography.bib and bibliography.json into the same paper files, byte for byte', () => {
    for (const format of ['bib', 'json']) {
      const dir = freshDir(`import-real-again-${format}`);
      const result = runImport(join(bibSite, `bibliography.${format}`), '--dir', dir);
      expect(result.status, result.output).toBe(0);
      expect(filesOf(dir), format).toEqual(filesOf(bibDir));
    }
  });

  it('RIS made by bibutils: ≥ 98% of (record, tag) pairs in the exported bibliography.ris, re-imported the same', () => {
    const inputDir = freshDir('import-real-ris-input');
    const inputs = [BIBLATEX_EXAMPLES, XAMPL].map((file) => {
      const path = join(inputDir, `${shortName(file).replace(/\W+/g, '-')}.ris`);
      writeFileSync(path, risFromBibtex(file));
      return path;
    });
    const dir = freshDir('import-real-ris');
    const result = runImport(...inputs, '--dir', dir);
    // bibutils writes a record of nothing for each @set and xampl's @preamble: those fail, nothing else.
    const failed = result.output.split('\n').filter((line) => line.startsWith('✗'));
    expect(failed.map((line) => / \((set|stdmodel|.*newcommand.*)\): title: is required unless/.test(line))).toEqual([
      true,
      true,
      true,
    ]);
    expect(result.output).toMatch(/, 3 failed\.$/m);
    const site = buildFixtureSite('import-real-ris-site', { papersDir: dir });
    const exported = readFileSync(join(site, 'bibliography.ris'), 'utf8');
    const byId = new Map(
      exported.split(/(?<=ER {2}- \r\n)/).map((record) => [/^ID {2}- (.*)\r$/m.exec(record)?.[1], record] as const),
    );
    const skipped = notWritten(result.output);
    for (const path of inputs) {
      const records = risPairs(readFileSync(path, 'utf8')).filter((pairs) => {
        const id = pairs.find((pair) => pair.tag === 'ID')?.value;
        return id !== undefined && !skipped.has(id) && byId.has(id);
      });
      const written = records.map((pairs) => byId.get(pairs.find((pair) => pair.tag === 'ID')!.value)!).join('');
      const survival = risSurvival(records, written);
      logSurvival(
        `${path.split('/').pop()} → import → build → bibliography.ris (${records.length} records)`,
        '(record, tag)',
        survival,
      );
      expect(survival.kept / survival.pairs).toBeGreaterThanOrEqual(0.98);
    }
    const again = freshDir('import-real-ris-again');
    const reimport = runImport(join(site, 'bibliography.ris'), '--dir', again);
    expect(reimport.status, reimport.output).toBe(0);
    expect(filesOf(again)).toEqual(filesOf(dir));
  });

  it('CSL-JSON made by citation-js: ≥ 98% of (item, variable) pairs in the exported bibliography.json, re-imported the same', () => {
    const input = join(freshDir('import-real-json-input'), 'xampl.json');
    const items = JSON.parse(cslFromBibtex(readFileSync(XAMPL, 'utf8'))) as Record<string, unknown>[];
    writeFileSync(input, JSON.stringify(items, null, 2));
    const dir = freshDir('import-real-json');
    const result = runImport(input, '--dir', dir);
    expect(result.status, result.output).toBe(0);
    const site = buildFixtureSite('import-real-json-site', { papersDir: dir });
    const exported = JSON.parse(readFileSync(join(site, 'bibliography.json'), 'utf8')) as Record<string, unknown>[];
    const byId = new Map(exported.map((item) => [item.id, item]));
    const skipped = notWritten(result.output);
    const kept = items.filter((item) => !skipped.has(item.id as string));
    const survival = cslSurvival(
      kept,
      kept.map((item) => byId.get(item.id) ?? {}),
    );
    logSurvival(
      `xampl.bib → citation-js → import → build → bibliography.json (${kept.length} of ${items.length} items written)`,
      '(item, variable)',
      survival,
    );
    expect(survival.anywhere / survival.pairs).toBeGreaterThanOrEqual(0.98);
    const again = freshDir('import-real-json-again');
    const reimport = runImport(join(site, 'bibliography.json'), '--dir', again);
    expect(reimport.status, reimport.output).toBe(0);
    expect(filesOf(again)).toEqual(filesOf(dir));
  });
});

describe("Beebe's TeX Live bibliographies: import → build → export → import again", () => {
  // Two imports and a build of three whole bibliographies, plus the wait for the build lock while other files build:
  // minutes in CI, where every test file runs at once.
  it('imports every entry, keeps ≥ 98% of the (entry, field) pairs, and reads its own export back byte for byte', () => {
    const dir = freshDir('import-beebe');
    const result = runImport(...BEEBE, '--dir', dir);
    expect(result.status, result.output).toBe(0);
    // Not written: only works already imported (Beebe lists some twice under two keys), never a failure.
    expect(result.output).toMatch(
      / imported, 0 replaced, 0 skipped \(file exists\), \d+ skipped \(duplicate\), \d+ skipped \(not a work: @set, @xdata\), 0 failed\./,
    );
    // The report names what it did not keep as it was: commands it does not read, a field given twice.
    expect(result.output).toMatch(/LaTeX commands? this site does not read: .*\\booktitle/);
    // The files share entries under one key, worded a little differently ("A System for…", "System for…").
    expect(result.output).toMatch(
      /skipped, duplicate of \S+ \(Kernighan:1975:STM\) \(same citation key, year and first author\)/,
    );
    const site = buildFixtureSite('import-beebe-site', { papersDir: dir });
    const written = readFileSync(join(site, 'bibliography.bib'), 'utf8');
    const skipped = notWritten(result.output);
    for (const file of BEEBE) {
      const survival = measureSurvival(readFileSync(file, 'utf8'), written, (entry) => skipped.has(entry.key));
      console.log(
        `${shortName(file)} → import → build → bibliography.bib: ${survival.kept}/${survival.total} (entry, field) pairs kept = ${survival.percent.toFixed(2)}%; lost by field: ${JSON.stringify(
          Object.groupBy(survival.lost, (pair) => pair.field),
          null,
          1,
        )}`,
      );
      expect(survival.kept / survival.total, file).toBeGreaterThanOrEqual(0.98);
    }
    // What the files hold that a round trip used to change: a braced family name ({van Vliet}), keywords in the
    // author's order, a verbatim block, markup in abstracts, \path addresses, a lone $ in a verbatim field.
    const files = filesOf(dir);
    expect(files['bouma-1988-dp.md']).toMatch(/- family: van Vliet\n {4}given: Johannes C\./);
    expect(files['hoenig-1998-tul.md']).toMatch(
      /keywords:\n {2}- Computer fonts\n {2}- Computer graphics\n {2}- Computerized typesetting/,
    );
    expect(files['bentley-1988-dpt.md']).toContain(
      '```\n.begin dformat\nstyle bitwid .3\nPDP-8 Instr\n        0-2  Op Code\n',
    );
    expect(files['kopka-1995-gdp.md']).toContain('LaTeX 2<sub>ϵ</sub>');
    expect(files['pakin-2005-cls.md']).toContain('(<http://www.ctan.org/>)');
    expect(files['anonymous-2017-cms.md']).toContain('copyright administration / $r by William S. Strong');
    const again = freshDir('import-beebe-again');
    const reimport = runImport(join(site, 'bibliography.bib'), '--dir', again);
    expect(reimport.status, reimport.output).toBe(0);
    expect(filesOf(again)).toEqual(files);
  }, 600_000);
});

describe("econ-bst's example bibliography (TeX Live): keys with an apostrophe", () => {
  it('writes down the key the site makes for each, and reads its own export back byte for byte', () => {
    // Shipped gzipped and in Latin-1; saved as UTF-8 first, as the importer asks of such a file.
    const gzipped = readFileSync('/usr/share/doc/texlive-doc/bibtex/econ-bst/econ-example.bib.gz');
    const input = join(freshDir('import-econ-input'), 'econ-example.bib');
    writeFileSync(input, new TextDecoder('latin1').decode(gunzipSync(gzipped)));
    const dir = freshDir('import-econ');
    const result = runImport(input, '--dir', dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/ 0 failed\./);
    const refused = [...result.output.matchAll(/written with the citation key "([^"]+)" instead/g)].map((m) => m[1]);
    expect(refused.length).toBeGreaterThan(0);
    const files = filesOf(dir);
    for (const key of refused) expect(files[`${key}.md`]).toContain(`citationKey: ${key}\n`);
    const site = buildFixtureSite('import-econ-site', { papersDir: dir });
    const written = readFileSync(join(site, 'bibliography.bib'), 'utf8');
    for (const key of refused) expect(written).toContain(`{${key},\n`);
    const again = freshDir('import-econ-again');
    const reimport = runImport(join(site, 'bibliography.bib'), '--dir', again);
    expect(reimport.status, reimport.output).toBe(0);
    expect(filesOf(again)).toEqual(files);
  }, 600_000);
});
