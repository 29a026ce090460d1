// The scaffold of `npm run new` (src/tools/new): a valid paper file of the site's model, the common optional fields
// explained in comments, and a readable file name.
import { describe, expect, it } from 'vitest';
import { validatePaperFile } from '../../src/domain/paper-file';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { scaffoldPaper, slugifyTitle } from '../../src/tools/new';
import { TEST_TAXONOMY_OPTIONS } from '../helpers/model';

const taxonomy = createTaxonomy(TEST_TAXONOMY_OPTIONS);
const schema = createPaperSchema({ taxonomy });

describe('scaffoldPaper', () => {
  const { id, markdown } = scaffoldPaper({
    title: 'Sparse Things: A Study',
    today: '2026-11-24',
    category: taxonomy.resolve('CL'),
    authors: ['Zhengfu He', "Seán O'Neil"],
  });

  it('writes a file the schema accepts, with the title, authors, date, type and category given', () => {
    expect(id).toBe('sparse-things-a-study');
    const result = validatePaperFile(`${id}.md`, markdown, schema);
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect(result.id).toBe(id);
    expect(result.data).toMatchObject({
      type: 'article-journal',
      title: 'Sparse Things: A Study',
      date: { 'date-parts': [[2026, 11, 24]] },
      category: 'cs.CL',
    });
    expect(result.data.authors).toEqual([
      { family: 'He', given: 'Zhengfu' },
      { family: "O'Neil", given: 'Seán' },
    ]);
    expect(result.body).toContain('Write the abstract here');
  });

  it('explains the common optional fields in comments, each valid once uncommented', () => {
    const fields = [...markdown.matchAll(/^# ([a-zA-Z]+): /gm)].map((match) => match[1]);
    expect(fields).toEqual(
      expect.arrayContaining(['authorsTruncated', 'containerTitle', 'volume', 'pages', 'doi', 'arxiv', 'pdf', 'code']),
    );
    expect(fields).toEqual(expect.arrayContaining(['keywords', 'selected', 'award', 'score', 'citationKey']));
    // Uncommenting the examples gives a file the schema still accepts (only the placeholder URLs are left out).
    const uncommented = markdown.replace(/^# ((?!url|pdf|code)[a-zA-Z]+: .*)$/gm, '$1').replace(/ {2,}# .*$/gm, '');
    const result = validatePaperFile(`${id}.md`, uncommented, schema);
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect(result.data).toMatchObject({ volume: '12', doi: '10.1234/abc', score: 95.1, selected: true });
  });

  it('leaves the category commented when the site has none to give', () => {
    const plain = scaffoldPaper({ title: 'X', today: '2026-01-01', authors: ['A B'] });
    expect(plain.markdown).toMatch(/^# category: /m);
    const result = validatePaperFile('x.md', plain.markdown, schema);
    expect('problems' in result ? result.problems : []).toEqual([]);
  });

  it('quotes titles and names YAML would misread', () => {
    const tricky = scaffoldPaper({
      title: 'A "quoted": title # not a comment',
      today: '2024-02-29',
      authors: ['Ёж', 'true', '007'],
    });
    const result = validatePaperFile('t.md', tricky.markdown, schema);
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect(result.data.title).toBe('A "quoted": title # not a comment');
    // One-word names stay text (a family name), not a boolean or a number.
    expect(result.data.authors).toEqual([{ family: 'Ёж' }, { family: 'true' }, { family: '007' }]);
  });
});

describe('slugifyTitle', () => {
  it('makes readable ASCII file names of at most 60 characters, whole words', () => {
    expect(slugifyTitle('Ünïcode & Café: 中文')).toBe('unicode-cafe');
    const long = slugifyTitle('A very long title that goes on and on about sparse autoencoders and their features');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('a-very-long-title-that-goes-on-and-on-about-sparse');
    expect(slugifyTitle('中文标题')).toBe('paper');
  });
});
