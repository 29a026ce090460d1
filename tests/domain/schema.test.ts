import { describe, expect, it } from 'vitest';
import { validatePaperFile } from '../../src/domain/paper-file';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { TEST_TAXONOMY_OPTIONS } from '../helpers/model';

const schema = createPaperSchema({ taxonomy: createTaxonomy(TEST_TAXONOMY_OPTIONS) });
const check = (frontMatter: string, body = 'Abstract.', name = 'paper.md') =>
  validatePaperFile(name, `---\n${frontMatter}\n---\n\n${body}`, schema);
const problems = (frontMatter: string, body?: string, name?: string) => {
  const result = check(frontMatter, body, name);
  return 'problems' in result ? result.problems.map((problem) => `${problem.field}: ${problem.message}`) : [];
};

describe('the paper schema', () => {
  it('takes every kind of work: no authors, no date, editors only, literal names', () => {
    for (const frontMatter of [
      'type: book\ntitle: Edited\neditors: ["Doe, Jane"]\ndate: 2020',
      'type: legal_case\ntitle: Brown v. Board of Education\ndate: 1954-05-17\nauthority: Supreme Court of the United States',
      'type: webpage\ntitle: A page\nurl: https://example.org/page',
      'type: report\ntitle: Report\nauthors: [{literal: World Health Organization}]\nnumber: WHO/2020.1\npublisher: WHO',
    ]) {
      expect(problems(frontMatter), frontMatter).toEqual([]);
    }
  });

  it('needs a title or a name, and names the field for every mistake at once', () => {
    expect(problems('date: 2024')).toEqual([
      'title: is required unless the work lists names or has a container title, a note, a DOI or a URL',
    ]);
    expect(
      problems(
        'titel: A\ntitle: T\nauthors: [007]\ndate: 2024-02-30\ncategory: XX\ntype: paper\nvolume: 1.10\nscore: 101',
      ),
    ).toEqual([
      expect.stringMatching(/^type: unknown type "paper"; use a CSL item type: article-journal/),
      'authors[0]: name 1 must be text, but YAML read it as the number 7; put it in quotes exactly as written (e.g. "007")',
      'date: "2024-02-30" is not a real calendar date (Feb 2024 has 29 days)',
      'volume: 1.1 must be written in quotes so it keeps its form',
      expect.stringMatching(/^category: unknown category "XX"; use an arXiv category/),
      'score: must be a number from 0 to 100',
      'titel: unknown field; did you mean "title"? (see the fields table in README.md)',
    ]);
  });

  it('takes a BibTeX preamble of definitions, not one that does file or shell work or leaves a brace open', () => {
    const paper = (preamble: string) => `title: T\nauthors: [A B]\nbibtexPreamble: '${preamble}'`;
    expect(problems(paper('\\providecommand{\\noopsort}[1]{}'))).toEqual([]);
    expect(problems(paper('\\immediate\\write18{curl x}'))).toEqual([
      'bibtexPreamble: the preamble holds \\immediate; it may only define commands the fields use',
    ]);
    expect(problems(paper('\\input{macros}'))).toEqual([
      'bibtexPreamble: the preamble holds \\input; it may only define commands the fields use',
    ]);
    expect(problems(paper('\\def\\a{'))).toEqual([
      'bibtexPreamble: the preamble has unbalanced braces; BibTeX would read the entries after it wrongly',
    ]);
  });

  it('rejects invisible and control characters, naming the field', () => {
    expect(problems('title: "\\u200b\\u200b"\nauthors: [A B]')).toEqual([
      'title: the value is empty (or holds only invisible characters)',
    ]);
    expect(problems('title: "A\\u0007B"\nauthors: [A B]')).toEqual([
      'title: the value contains the control or non-character U+0007; remove it',
    ]);
    expect(problems('title: T\nauthors: [A B]', 'An abstract with a \u001b escape.')).toEqual([
      'abstract: contains the control or non-character U+001B; remove it',
    ]);
  });

  it('normalises identifiers given in their other usual forms', () => {
    const result = check(
      'title: T\nauthors: [A B]\ndoi: https://doi.org/10.1007/978-3-030-58452-8_13\narxiv: "arXiv:1011.1669v3"\ncategory: cs.cl',
    );
    expect('data' in result && result.data).toMatchObject({
      doi: '10.1007/978-3-030-58452-8_13',
      arxiv: '1011.1669v3',
      category: 'cs.CL',
    });
  });

  it('keeps what YAML would change: dates stay text, anchors and quoted keys are just YAML', () => {
    expect(problems('title: T\nauthors: [A B]\n"date" : &d 2024-02-30\noriginalDate: *d')).toEqual([
      'date: "2024-02-30" is not a real calendar date (Feb 2024 has 29 days)',
      'originalDate: "2024-02-30" is not a real calendar date (Feb 2024 has 29 days)',
    ]);
  });

  it('reads front matter only from the first line, as UTF-8, with any line ends', () => {
    const name = 'x.md';
    const read = (bytes: Uint8Array | string) => {
      const result = validatePaperFile(name, bytes, schema);
      return 'problems' in result ? result.problems.map((problem) => problem.message).join('; ') : 'ok';
    };
    expect(read('\n---\ntitle: T\nauthors: [A B]\n---\n')).toMatch(/must start on the first line/);
    expect(read('+++\ntitle = "T"\n+++\n')).toMatch(/TOML front matter/);
    expect(read(new Uint8Array([0xff, 0xfe, 0x2d, 0x00]))).toMatch(/UTF-16/);
    expect(read(Buffer.from('---\ntitle: Caf\xe9\nauthors: [A B]\n---\n', 'latin1'))).toMatch(/not UTF-8/);
    expect(read('---\rtitle: T\rauthors: [A B]\r---\rAbstract\r')).toBe('ok');
    expect(read('\uFEFF---\ntitle: T\nauthors: [A B]\n---\n')).toBe('ok');
    expect(read('---\ntitle: T\ntitle: U\nauthors: [A B]\n---\n')).toMatch(/duplicated mapping key/);
  });

  it('turns any file name into a page id or says why not', () => {
    const id = (name: string) => {
      const result = check('title: T\nauthors: [A B]', 'x', name);
      return 'id' in result ? result.id : result.problems[0].message;
    };
    expect(id('llama-3.1.md')).toBe('llama-3.1');
    expect(id('2211.15029.md')).toBe('2211.15029');
    expect(id('Hash#Tag.MD')).toBe('hash-tag');
    expect(id('q?mark.markdown')).toBe('q-mark');
    expect(id('back\\slash.Md')).toBe('back-slash');
    expect(id('pct%41.md')).toBe('pct-41');
    expect(id('José Über.md')).toBe('jose-uber');
    expect(id('中文.md')).toBe('中文');
    expect(id('???.md')).toMatch(/gives no page id/);
  });
});
