// Bad paper files stop the real build with a message naming the file and the field (every problem at once); two
// files claiming the same page id or citation key name both files. Each case is a small folder of
// tests/fixtures/build-errors/, built for real.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, buildSite } from '../helpers/build';

const FIXTURES = 'tests/fixtures/build-errors';

/** Builds the site from one fixture folder; returns the exit status and the output. */
function buildFolder(name: string) {
  return buildSite({ outDir: join(BUILD_ROOT, `build-error-${name}`), papersDir: join(ROOT, FIXTURES, name) });
}

describe('a bad paper file fails the build, naming the file and the field', () => {
  it.each([
    [
      'missing-title',
      'no-title.md',
      'title: is required unless the work lists names or has a container title, a note, a DOI or a URL',
    ],
    ['bad-date', 'bad-date.md', 'date: "2024-02-30" is not a real calendar date (Feb 2024 has 29 days)'],
    ['unknown-category', 'bad-category.md', 'category: unknown category "Physics"; use an arXiv category'],
    ['unknown-field', 'typo.md', 'jornal: unknown field'],
  ])('%s', (folder, file, message) => {
    const { status, output } = buildFolder(folder);
    expect(status).not.toBe(0);
    expect(output).toContain(`Invalid paper file ${FIXTURES}/${folder}/${file}\n  ${message}`);
    // The good paper of the folder is not blamed.
    expect(output).not.toContain(`Invalid paper file ${FIXTURES}/${folder}/good.md`);
  });

  it('names every problem of every file at once', () => {
    const { status, output } = buildFolder('several');
    expect(status).not.toBe(0);
    expect(output).toContain(
      [
        `Invalid paper file ${FIXTURES}/several/a-bad.md`,
        '  title: the value is empty (or holds only invisible characters)',
        '  date: "2024-13-01" has no month 13 (months are 01 to 12)',
        '  doi: "not-a-doi" is not a DOI; write it like 10.1234/abc (a https://doi.org/ URL works too)',
        `Invalid paper file ${FIXTURES}/several/b-bad.md`,
        '  type: unknown type "novel"; use a CSL item type: article-journal, paper-conference, article,',
      ].join('\n'),
    );
  });
});

describe('two files claiming the same thing fail the build, naming both files', () => {
  it('the same page id (the same file name in two folders)', () => {
    const { status, output } = buildFolder('duplicate-id');
    expect(status).not.toBe(0);
    expect(output).toContain(
      `Invalid paper file ${FIXTURES}/duplicate-id/good.md\n  (file name): page id "good" is already used by ${FIXTURES}/duplicate-id/2024/good.md (both would be /papers/good/); rename one file or give it another slug`,
    );
  });

  it('the same citation key (in any letter case)', () => {
    const { status, output } = buildFolder('duplicate-key');
    expect(status).not.toBe(0);
    expect(output).toContain(
      `Invalid paper file ${FIXTURES}/duplicate-key/same-key-3.md\n  citationKey: "Hopper2022Shared" is already used by ${FIXTURES}/duplicate-key/same-key-2.md; citation keys must be unique`,
    );
  });
});
