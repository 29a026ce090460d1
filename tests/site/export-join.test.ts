import { describe, expect, it } from 'vitest';
import { buildExports, formatListExport, formatPaperExport } from '../../src/site/exports';
import { buildExportFile, fillTemplate, joinExportFiles, nameExportFile } from '../../src/site/export-these';
import { EXPORT_FORMAT_NAMES } from '../../src/site/routes';
import { COMMON_PAPERS } from '../helpers/bibtex-fixtures';
import { makePapers } from '../helpers/model';

describe('joining per-paper files in the browser', async () => {
  const papers = await makePapers(COMMON_PAPERS);
  const exports = buildExports(papers, { siteFields: false });
  const header = 'Papers of X: LG, https://x.org/?category=LG';

  it.each(EXPORT_FORMAT_NAMES)('gives the same %s file as the build gives for the same list', (format) => {
    const files = papers.map((paper) => formatPaperExport(exports.get(paper.id)!, format));
    expect(joinExportFiles(format, files, header)).toBe(formatListExport(papers, exports, format, header));
  });

  it('fetches the files of the ids in order from the page template (ids URL-encoded)', async () => {
    const requested: string[] = [];
    const files = new Map(
      papers.map((paper) => [`/b/papers/${encodeURIComponent(paper.id)}.bib`, exports.get(paper.id)!.bib]),
    );
    const text = await buildExportFile(
      'bib',
      [papers[1].id, papers[0].id],
      '/b/papers/{id}.{format}',
      header,
      async (url) => {
        requested.push(url);
        if (!files.has(url)) throw new Error(`${url}: HTTP 404`);
        return files.get(url)!;
      },
    );
    expect(requested).toEqual([`/b/papers/${papers[1].id}.bib`, `/b/papers/${papers[0].id}.bib`]);
    expect(text).toBe(formatListExport([papers[1], papers[0]], exports, 'bib', header));
    await expect(
      buildExportFile('bib', ['missing'], '/b/papers/{id}.{format}', header, async (url) => {
        throw new Error(`${url}: HTTP 404`);
      }),
    ).rejects.toThrow('/b/papers/missing.bib: HTTP 404');
  });

  it('fills templates and names files readably', () => {
    expect(fillTemplate('papers/{id}.{format}?{other}', { id: 'a b/ü', format: 'ris' })).toBe(
      'papers/a%20b%2F%C3%BC.ris?{other}',
    );
    expect(nameExportFile('okafor-lab', ['LG', 'Journal articles'], 'bib')).toBe('okafor-lab-lg-journal-articles.bib');
    expect(nameExportFile('search', ['"sparse" probes'], 'json')).toBe('search-sparse-probes.json');
  });
});
