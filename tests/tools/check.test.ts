// The content check (src/tools/check): the build's own validation of every file of a folder, then advice that is
// not an error (Google Scholar readiness, markup pages remove, names that look like organisations).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { checkPaperFolder, formatReport } from '../../src/tools/check';
import { BUILD_ROOT } from '../helpers/build';
import { writePaperFolder } from '../helpers/files';
import { TEST_TAXONOMY_OPTIONS, type TestPaper } from '../helpers/model';

const taxonomy = createTaxonomy(TEST_TAXONOMY_OPTIONS);
const options = { schema: createPaperSchema({ taxonomy }), taxonomy, siteUrl: 'https://me.example.org' };
const OK = { type: 'article-journal', title: 'T', authors: ['Ada Lovelace'], date: '2024-01-01', category: 'CL' };

/** Writes the papers into a fresh folder and checks it; paths in the report are relative to BUILD_ROOT. */
async function check(name: string, papers: TestPaper[]) {
  const dir = writePaperFolder(join(BUILD_ROOT, `check-${name}`), papers);
  return checkPaperFolder(dir, BUILD_ROOT, options);
}

describe('checkPaperFolder', () => {
  it('passes good files, in any folder depth, with no error and no advice', async () => {
    const report = await check('good', [
      { file: 'good.md', frontMatter: OK, abstract: 'An abstract.' },
      { file: '2024/other.md', frontMatter: { ...OK, title: 'Other' }, abstract: 'Another abstract.' },
    ]);
    expect(report).toEqual({ files: 2, errors: [], warnings: [] });
    expect(formatReport(report)).toBe('2 paper files: 0 errors, 0 warnings.');
  });

  it('names the file and the field of every error, as the build does', async () => {
    const report = await check('bad', [
      { file: 'good.md', frontMatter: OK, abstract: 'A.' },
      { file: 'bad-date.md', frontMatter: { ...OK, date: '2024-02-30' }, abstract: 'A.' },
      { file: 'bad-cat.md', frontMatter: { ...OK, category: 'XX' }, abstract: 'A.' },
      { file: 'typo.md', frontMatter: { ...OK, titel: 'typo' }, abstract: 'A.' },
      { file: 'broken.md', frontMatter: 'title: [unclosed', abstract: 'A.' },
    ]);
    expect(report.errors.map((error) => `${error.file} ${error.field}`)).toEqual([
      'check-bad/bad-cat.md category',
      'check-bad/bad-date.md date',
      'check-bad/broken.md (front matter)',
      'check-bad/typo.md titel',
    ]);
    expect(report.errors.find((error) => error.field === 'date')!.message).toBe(
      '"2024-02-30" is not a real calendar date (Feb 2024 has 29 days)',
    );
    expect(report.files).toBe(5);
    expect(formatReport(report)).toMatch(/^✗ check-bad\/bad-cat\.md\n {4}category: unknown category "XX"/);
    expect(formatReport(report)).toMatch(/\n5 paper files: 4 errors, 0 warnings\.$/);
  });

  it('finds two files with the same citation key or the same page id, naming both', async () => {
    const report = await check('duplicates', [
      { file: 'a.md', frontMatter: { ...OK, citationKey: 'same' }, abstract: 'A.' },
      { file: 'b.md', frontMatter: { ...OK, title: 'T2', citationKey: 'Same' }, abstract: 'A.' },
      { file: 'sub/a.md', frontMatter: { ...OK, title: 'T3' }, abstract: 'A.' },
    ]);
    expect(report.errors).toEqual([
      {
        file: 'check-duplicates/b.md',
        field: 'citationKey',
        message: '"Same" is already used by check-duplicates/a.md; citation keys must be unique',
      },
      {
        file: 'check-duplicates/sub/a.md',
        field: '(file name)',
        message:
          'page id "a" is already used by check-duplicates/a.md (both would be /papers/a/); rename one file or give it another slug',
      },
    ]);
  });

  it('advises on what Google Scholar and the pages need, without failing', async () => {
    const report = await check('advice', [
      {
        file: 'scholar.md',
        frontMatter: { ...OK, authorsTruncated: true, pdf: 'https://elsewhere.org/x.pdf' },
        abstract: '',
      },
      { file: 'undated.md', frontMatter: { ...OK, date: undefined }, abstract: 'A.' },
      {
        file: 'markup.md',
        frontMatter: { ...OK, authors: ['Ada Lovelace', 'Open Science Team'] },
        abstract: 'A <script>alert(1)</script> and <b onclick="x()">bold</b>.',
      },
      { file: 'own-pdf.md', frontMatter: { ...OK, pdf: 'https://me.example.org/x.pdf' }, abstract: 'A.' },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((warning) => `${warning.file.replace('check-advice/', '')} ${warning.field}`)).toEqual([
      'markup.md abstract',
      'markup.md authors[1]',
      'scholar.md authors',
      'scholar.md abstract',
      'scholar.md pdf',
      'undated.md date',
    ]);
    const message = (field: string) => report.warnings.find((warning) => warning.field === field)!.message;
    expect(message('pdf')).toBe(
      "PDF is on elsewhere.org, not on this site (me.example.org); Google Scholar prefers PDFs on the site's own host",
    );
    expect(message('authors[1]')).toBe(
      '"Open Science Team" looks like an organisation; write it as {literal: "…"} so no format splits it',
    );
    expect(message('abstract')).toMatch(/^markup that pages and feeds remove: .*script/);
    expect(formatReport(report)).toMatch(/^! check-advice\/markup\.md\n {4}abstract: /);
    expect(formatReport(report)).toMatch(/4 paper files: 0 errors, 6 warnings\.$/);
  });
});
