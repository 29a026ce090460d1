import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatPaperFile, slugifyTitle } from '../src/lib/paper-file';
import { scaffoldPaper } from '../src/lib/scaffold';
import { paperSchema } from '../src/lib/schema';

describe('scaffoldPaper', () => {
  const { id, markdown } = scaffoldPaper({
    title: 'Sparse Things: A Study',
    today: '2026-11-24',
    category: 'CL',
    authors: ['Zhengfu He'],
  });
  it('writes a valid file with every optional field commented', () => {
    expect(id).toBe('sparse-things-a-study');
    const data = paperSchema.parse(loadYaml(markdown.split('---')[1]));
    expect(data).toMatchObject({ title: 'Sparse Things: A Study', authors: ['Zhengfu He'], category: 'CL' });
    for (const field of ['score', 'code', 'codeUrl', 'pdf', 'arxiv', 'doi', 'venue', 'citationKey', 'slug']) {
      expect(markdown).toMatch(new RegExp(`^# ${field}: `, 'm'));
    }
  });
});

describe('formatPaperFile', () => {
  it('round-trips tricky strings through YAML', () => {
    const data = {
      title: 'A "quoted": title # not a comment',
      authors: ["O'Neil", 'Ёж'],
      date: '2024-02-29',
      category: 'LG' as const,
      score: 95.1,
    };
    const parsed = paperSchema.parse(loadYaml(formatPaperFile(data, 'Body').split('---')[1]));
    expect(parsed.title).toBe(data.title);
    expect(parsed.authors).toEqual(data.authors);
    expect(parsed.date.toISOString().slice(0, 10)).toBe('2024-02-29');
  });
  it('slugifies titles to readable ASCII', () => {
    expect(slugifyTitle('Ünïcode & Café: 中文')).toBe('unicode-cafe');
  });
});
