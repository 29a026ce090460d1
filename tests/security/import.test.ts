// Security and reliability of `npm run import` (src/tools/import.ts): byte-order marks, files that are not UTF-8,
// paragraphs, the year 1, control characters, javascript: links, entries that could not build. The files it plans
// are then written to a folder and built by the real build, which must succeed with nothing script-bearing in it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { ImportFileError, planImport, type ImportInput, type ImportPlan } from '../../src/tools/import';
import { BUILD_ROOT, ROOT, buildSite, type BuildResult } from '../helpers/build';
import { TEST_TAXONOMY_OPTIONS } from '../helpers/model';
import { listBuilt, loadPage } from '../helpers/site';

const taxonomy = createTaxonomy(TEST_TAXONOMY_OPTIONS);
const options = { schema: createPaperSchema({ taxonomy }), taxonomy, force: false };
const BOM = '\uFEFF';

const BIBTEX = `@article{first2020,
  title = {The First Entry},
  author = {Lovelace, Ada},
  year = {2020},
  abstract = {First paragraph of the abstract.

Second paragraph, after a blank line.}
}
@misc{hrefs2021,
  title = {Links in an abstract},
  author = {Mallory, Eve},
  year = {2021},
  abstract = {A \\href{javascript:alert(1)}{javascript link}, a \\href{https://example.org/}{safe one}, and a
  markdown one [x](javascript:alert(2)) and <a href="javascript:alert(3)">html</a>.}
}
@book{ancient0001,
  title = {A Work of the Year One},
  author = {Ancient, Author},
  year = {0001}
}
@misc{controls2022,
  title = {A title with a bell \u0007 and a record separator \u001e},
  author = {Control, Carl},
  year = {2022}
}
@misc{empty2023,
  year = {2023}
}
`;

const RIS = `TY  - JOUR\r
TI  - The First RIS Record\r
AU  - Hopper, Grace\r
PY  - 2019\r
ER  - \r
TY  - BOOK\r
TI  - A RIS Work of the Year One\r
AU  - Ancient, Author\r
PY  - 0001\r
ER  - \r
`;

const CSL_JSON = JSON.stringify([
  {
    id: 'firstjson',
    type: 'article-journal',
    title: 'The First JSON Item',
    author: [{ family: 'Knuth', given: 'Donald' }],
    issued: { 'date-parts': [[1984]] },
  },
  {
    id: 'ancientjson',
    type: 'book',
    title: 'A JSON Work of the Year One',
    author: [{ family: 'Ancient', given: 'Author' }],
    issued: { 'date-parts': [[1]] },
  },
]);

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Plans an import of one file. */
const plan = (file: string, bytes: Uint8Array): ImportPlan => planImport([{ file, bytes }], [], options);
const titlesOf = (result: ImportPlan) => result.writes.map((write) => /^title: (.*)$/m.exec(write.markdown)?.[1]);

describe('encodings', () => {
  for (const [file, text, first] of [
    ['refs.bib', BIBTEX, 'The First Entry'],
    ['refs.ris', RIS, 'The First RIS Record'],
    ['refs.json', CSL_JSON, 'The First JSON Item'],
  ] as const) {
    it(`${file} with a UTF-8 byte-order mark loses nothing, its first entry included`, () => {
      const plain = plan(file, utf8(text));
      const marked = plan(file, utf8(`${BOM}${text}`));
      expect(marked.writes.map((write) => write.markdown)).toEqual(plain.writes.map((write) => write.markdown));
      expect(titlesOf(marked).join('\n')).toContain(first);
    });

    it(`${file} in Latin-1 is refused with an encoding error, not imported with U+FFFD`, () => {
      const latin1 = Buffer.from(text.replace('First', 'Fïrst Café'), 'latin1');
      expect(() => plan(file, latin1)).toThrow(ImportFileError);
      expect(() => plan(file, latin1)).toThrow(/not UTF-8/);
    });
  }

  it('UTF-16 is refused as UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BIBTEX, 'utf16le')]);
    expect(() => plan('refs.bib', bytes)).toThrow(/UTF-16, not UTF-8/);
  });
});

describe('what the BibTeX reader makes of hostile entries', () => {
  const result = plan('refs.bib', utf8(BIBTEX));
  const fileOf = (id: string) => result.writes.find((write) => write.id === id)?.markdown ?? '';

  it('keeps a blank line of an abstract as a paragraph break', () => {
    expect(fileOf('first2020')).toMatch(/First paragraph of the abstract\.\n\nSecond paragraph, after a blank line\./);
  });

  it('accepts the year 1 (in RIS and CSL-JSON too)', () => {
    expect(fileOf('ancient0001')).toMatch(/^date: '0001'$/m);
    for (const [file, text] of [
      ['refs.ris', RIS],
      ['refs.json', CSL_JSON],
    ]) {
      expect(
        plan(file, utf8(text)).writes.some((write) => /^date: '0001'$/m.test(write.markdown)),
        file,
      ).toBe(true);
    }
    expect(result.report.join('\n')).not.toMatch(/not a real calendar date/);
  });

  it('removes control characters from values and says so', () => {
    expect(fileOf('controls2022')).toMatch(/^title: A title with a bell and a record separator$/m);
    expect(result.report.find((line) => line.includes('controls2022'))).toMatch(
      /removed the control or non-character U\+0007/,
    );
  });

  it('never writes a javascript: link into an abstract', () => {
    const file = fileOf('hrefs2021');
    expect(file).toContain('[safe one](<https://example.org/>)');
    // The other targets stay text: the markdown's own [x](javascript:…) and <a href> come back escaped.
    expect(file).toContain('A javascript link (javascript:alert(1))');
    expect(file).not.toMatch(/(?<!\\)\]\(<?javascript:/i);
    expect(file).not.toMatch(/(?<!\\)<a href/i);
  });

  it('writes no file for an entry that cannot build, and says why', () => {
    expect(result.writes.map((write) => write.id)).not.toContain('empty2023');
    expect(result.report.find((line) => line.includes('empty2023'))).toMatch(/^✗ .*title: is required/);
  });

  it('refuses the whole import when two entries would share a citation key', () => {
    const twice = planImport(
      [
        { file: 'a.bib', bytes: utf8('@misc{same, title = {One}, author = {A, B}, year = 2020}') },
        { file: 'b.bib', bytes: utf8('@misc{same, title = {Two}, author = {C, D}, year = 2021}') },
      ] satisfies ImportInput[],
      [],
      options,
    );
    expect(twice.blocking.join('\n')).toMatch(/citation key "same"/);
  });
});

describe('the imported files, built', () => {
  const dir = join(BUILD_ROOT, 'security-import-papers');
  const outDir = join(BUILD_ROOT, 'security-import');
  let build: BuildResult;

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = planImport(
      [
        { file: 'refs.bib', bytes: utf8(`${BOM}${BIBTEX}`) },
        { file: 'refs.ris', bytes: utf8(`${BOM}${RIS}`) },
        { file: 'refs.json', bytes: utf8(`${BOM}${CSL_JSON}`) },
      ],
      [],
      { ...options, defaultCategory: 'CL' },
    );
    expect(result.blocking).toEqual([]);
    for (const write of result.writes) writeFileSync(join(dir, `${write.id}.md`), write.markdown);
    rmSync(outDir, { recursive: true, force: true });
    build = buildSite({ outDir, papersDir: dir });
  }, 300_000);

  it('build, pass the check, and hold no javascript: link', () => {
    expect(build.status, build.output).toBe(0);
    const check = spawnSync('npm', ['run', '--silent', 'check:content', '--', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status, check.stdout).toBe(0);
    const pages = listBuilt(outDir, 'papers').filter((path) => path.endsWith('/index.html'));
    expect(pages.map((path) => path.split('/')[1]).sort()).toEqual([
      'ancient0001',
      'ancient1ris',
      'ancientjson',
      'controls2022',
      'first2020',
      'firstjson',
      'hopper2019first',
      'hrefs2021',
    ]);
    for (const path of pages) {
      const links = [...loadPage(path, outDir).querySelectorAll('[href], [src]')].map(
        (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
      );
      expect(
        links.filter((url) => /^\s*javascript:/i.test(url)),
        path,
      ).toEqual([]);
    }
  });
});
