// The details list of a paper page, from the field table: the fields a paper has under the labels of its type.
import { describe, expect, it } from 'vitest';
import { buildDetails, keepEtAlTogether, type DetailRow } from '../../src/site/details';
import { COMMON_PAPERS } from '../helpers/bibtex-fixtures';
import { makePaper } from '../helpers/model';

const rowsOf = (rows: DetailRow[]) => Object.fromEntries(rows.map((row) => [row.label, row.value]));
const common = (file: string) => makePaper(COMMON_PAPERS.find((paper) => paper.file === file)!.frontMatter);

describe('buildDetails', () => {
  it('lists a journal article’s fields in the field table’s order, links on identifiers and keywords', async () => {
    const rows = buildDetails(await common('article.md'));
    expect(rows.map((row) => row.label)).toEqual([
      'Type',
      'Published',
      'Journal',
      'Volume',
      'Issue',
      'Pages',
      'DOI',
      'URL',
      'Keywords',
    ]);
    expect(rowsOf(rows)).toMatchObject({
      Journal: 'Journal of Machine Learning Research',
      Keywords: 'transformers, attention',
    });
    expect(rows.find((row) => row.label === 'DOI')!.href).toBe('https://doi.org/10.5555/3295222.3295349');
    expect(rows.find((row) => row.label === 'Keywords')!.items).toEqual([
      { text: 'transformers', path: 'keywords/transformers/' },
      { text: 'attention', path: 'keywords/attention/' },
    ]);
  });

  it('links the type, the year and the category to their list pages', async () => {
    const rows = buildDetails(await common('preprint.md'));
    expect(rows.slice(0, 3)).toEqual([
      { label: 'Type', value: 'Preprint', items: [{ text: 'Preprint', path: 'types/preprints/' }] },
      { label: 'Published', value: 'Nov 28, 2022', items: [{ text: 'Nov 28, 2022', path: 'years/2022/' }] },
      {
        label: 'Category',
        value: 'Computation and Language (cs.CL)',
        items: [{ text: 'Computation and Language (cs.CL)', path: 'categories/cl/' }],
      },
    ]);
    expect(rows.find((row) => row.label === 'arXiv')).toEqual({
      label: 'arXiv',
      value: '2211.15029v2',
      href: 'https://arxiv.org/abs/2211.15029v2',
    });
  });

  it('names the container and the publisher by type', async () => {
    expect(rowsOf(buildDetails(await common('conference.md')))).toMatchObject({
      Proceedings: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition',
      Editors: 'Jane Doe',
      Publisher: 'IEEE',
    });
    expect(rowsOf(buildDetails(await common('chapter.md')))).toMatchObject({
      Book: 'Handbook of Natural Language Processing',
    });
    expect(rowsOf(buildDetails(await common('phd.md')))).toMatchObject({ Institution: 'University of Cambridge' });
    expect(rowsOf(buildDetails(await common('dataset.md')))).toMatchObject({
      Repository: 'Stanford Vision Lab',
      Version: '2012',
    });
  });

  it('gives dates at their precision and says when a work has none', async () => {
    expect(rowsOf(buildDetails(await common('book.md'))).Published).toBe('1984');
    expect(rowsOf(buildDetails(await common('phd.md'))).Published).toBe('Sep 2020');
    expect(rowsOf(buildDetails(await common('talk.md'))).Published).toBe('May 20–24, 2024');
    expect(rowsOf(buildDetails(await common('webpage.md')))).toMatchObject({
      Published: '2006',
      Accessed: 'Oct 1, 2024',
    });
    const undated = buildDetails(await makePaper({ type: 'manuscript', title: 'U', authors: ['A B'] }));
    expect(undated[1]).toEqual({
      label: 'Published',
      value: 'No date (n.d.)',
      items: [{ text: 'No date (n.d.)', path: 'years/undated/' }],
    });
  });

  it('shows the score and nothing the paper does not have', async () => {
    const rows = buildDetails(
      await makePaper({ type: 'book', title: 'B', authors: ['A B'], date: '2020', score: 95.1 }),
    );
    expect(rowsOf(rows)).toEqual({ Type: 'Book', Published: '2020', Score: '95.1' });
  });

  it('writes a truncated list of names as a reader reads it: "A, B et al.", not a count', async () => {
    const chapter = await makePaper({
      type: 'chapter',
      title: 'C',
      authors: ['A B'],
      editors: ['Ada Lovelace', 'Grace Hopper'],
      editorsTruncated: true,
      containerTitle: 'Book',
    });
    expect(rowsOf(buildDetails(chapter)).Editors).toBe('Ada Lovelace, Grace Hopper et al.');
    const whole = await makePaper({ type: 'chapter', title: 'C', authors: ['A B'], editors: ['Ada Lovelace'] });
    expect(rowsOf(buildDetails(whole)).Editors).toBe('Ada Lovelace');
    expect(keepEtAlTogether('Ada Lovelace, Grace Hopper et al.')).toBe('Ada Lovelace, Grace Hopper\u00a0et\u00a0al.');
    expect(keepEtAlTogether('Ada Lovelace')).toBe('Ada Lovelace');
  });
});
