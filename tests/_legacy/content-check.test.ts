import { describe, expect, it } from 'vitest';
import { checkContent, formatReport, type CheckedFile } from '../src/lib/content-check';

const file = (name: string, front: string, body = 'An abstract.'): CheckedFile => {
  const source = `---\n${front}\n---\n${body}`;
  const data = Object.fromEntries(
    front.split('\n').map((line) => {
      const [key, ...rest] = line.split(': ');
      const value = rest.join(': ');
      return [key, value.startsWith('[') ? JSON.parse(value) : value === 'true' ? true : value];
    }),
  );
  return { file: name, source, data, body };
};
const ok = 'title: T\nauthors: ["A B"]\ndate: 2024-01-01\ncategory: CL';

describe('checkContent', () => {
  it('passes good files and names file and field for bad ones', () => {
    const report = checkContent(
      [
        file('good.md', ok),
        file('bad-date.md', 'title: T2\nauthors: ["A"]\ndate: 2024-02-30\ncategory: CL'),
        file('bad-cat.md', 'title: T3\nauthors: ["A"]\ndate: 2024-01-01\ncategory: XX'),
        file('sub/good.md', ok),
        { file: 'broken.md', source: 'x', body: 'x', error: 'no front matter (--- … ---) at the top' },
      ],
      'https://me.example.org',
    );
    expect(report.errors.map((e) => `${e.file} ${e.field}`)).toEqual([
      'bad-date.md date',
      'bad-date.md date',
      'bad-cat.md category',
      'sub/good.md file name',
      'broken.md (front matter)',
    ]);
    expect(formatReport(report)).toMatch(/5 paper files: 5 errors/);
  });

  it('finds duplicate citation keys and Scholar problems', () => {
    const report = checkContent(
      [
        file('a.md', `${ok}\ncitationKey: same`),
        file(
          'b.md',
          'title: T2\nauthors: ["A"]\ndate: 2024-01-01\ncategory: CL\ncitationKey: same\nauthorsTruncated: true\npdf: https://elsewhere.org/x.pdf',
          '',
        ),
      ],
      'https://me.example.org',
    );
    expect(report.errors).toEqual([
      { file: 'b.md', field: 'citationKey', message: '"same" is already used by a.md; citation keys must be unique' },
    ]);
    expect(report.warnings.map((w) => w.field)).toEqual(['authors', 'abstract', 'pdf']);
  });
});
