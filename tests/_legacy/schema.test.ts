import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { paperSchema, type PaperInput } from '../src/lib/schema';
import { ROOT } from './helpers/build';

const valid: PaperInput = {
  title: 'A Title',
  authors: ['Ada Lovelace'],
  date: new Date('2024-05-22T00:00:00Z'),
  category: 'CL',
};

/** The messages of a failed parse, each prefixed with its field path. */
function issuesOf(input: unknown): string[] {
  const result = paperSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('paperSchema', () => {
  it('parses the fixture file and applies defaults', () => {
    const source = readFileSync(join(ROOT, 'tests/fixtures/papers/valid.md'), 'utf8');
    const front = loadYaml(source.split('---')[1]);
    const paper = paperSchema.parse(front);
    expect(paper.category).toBe('LG');
    expect(paper.authors).toEqual(['Zhengfu He', 'Łukasz Ćwik']);
    expect(paper.date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(paper.score).toBe(95.1);
    expect(paper.arxiv).toBe('2402.12345');
  });

  it('defaults optional flags', () => {
    const paper = paperSchema.parse(valid);
    expect(paper.code).toBe(false);
    expect(paper.authorsTruncated).toBe(false);
  });

  it('names the field when the title is missing or blank', () => {
    expect(issuesOf({ ...valid, title: undefined })).toEqual(['title: title is required and must be text']);
    expect(issuesOf({ ...valid, title: '   ' })).toEqual(['title: title must not be empty']);
  });

  it('rejects an unknown category and lists the known ones', () => {
    const [issue] = issuesOf({ ...valid, category: 'XX' });
    expect(issue).toMatch(/^category: unknown category "XX"; use one of .*CL.*LG/);
  });

  it('rejects impossible and malformed dates', () => {
    expect(issuesOf({ ...valid, date: '2024-02-30' })[0]).toMatch(/^date: must be a valid date/);
    expect(issuesOf({ ...valid, date: 'yesterday' })[0]).toMatch(/^date: must be a valid date/);
    expect(issuesOf({ ...valid, date: '2024-13-01' })[0]).toMatch(/^date: must be a valid date/);
    expect(paperSchema.parse({ ...valid, date: '2024-02-29' }).date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('rejects unknown fields so typos are not silently dropped', () => {
    expect(issuesOf({ ...valid, titel: 'typo' })[0]).toMatch(/titel/);
  });

  it('requires code: true when a code URL is given, and checks identifiers', () => {
    expect(issuesOf({ ...valid, codeUrl: 'https://x.org' })).toEqual([
      'code: codeUrl is set but code is false; set code: true',
    ]);
    expect(issuesOf({ ...valid, arxiv: 'arXiv:2211.15029' })[0]).toMatch(/^arxiv:/);
    expect(issuesOf({ ...valid, doi: 'https://doi.org/10.1/x' })[0]).toMatch(/^doi:/);
    expect(issuesOf({ ...valid, authors: [] })[0]).toMatch(/^authors:/);
    expect(issuesOf({ ...valid, score: 101 })[0]).toMatch(/^score:/);
  });
});
