import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { paperSchema } from '../src/lib/schema';
import { ROOT } from './helpers/build';
import { readSeed } from './helpers/seed';

const dir = join(ROOT, 'src/content/papers');
const files = readdirSync(dir).filter((file) => file.endsWith('.md'));
const papers = files.map((file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
  return { file, data: paperSchema.parse(loadYaml(front)), body: body.trim() };
});

describe('shipped content', () => {
  const seed = readSeed();

  it('has one valid file per seed paper', () => {
    expect(seed.list).toHaveLength(seed.papers);
    expect(papers).toHaveLength(seed.papers);
  });

  it.each(seed.list.map((entry) => [entry.title, entry] as const))('records every seed fact of %s', (_, entry) => {
    const paper = papers.find((candidate) => candidate.data.title === entry.title);
    expect(paper, `no file for "${entry.title}"`).toBeDefined();
    const { data, body } = paper!;
    expect(data.authors).toEqual(entry.authors);
    expect(data.authorsTruncated).toBe(entry.truncated);
    expect(data.date.toISOString().slice(0, 10)).toBe(entry.isoDate);
    expect(data.category).toBe(entry.category);
    expect(data.score).toBe(entry.score);
    expect(data.code).toBe(entry.code);
    // The abstract keeps its words; only LaTeX markup becomes markdown.
    const words = (text: string) =>
      text
        .replace(/\\%/g, '%')
        .replace(/\\(emph|url)\{([^}]*)\}|\$([^$]*)\$|[*<>~\\]/g, ' $2$3 ')
        .split(/\s+/)
        .filter(Boolean);
    expect(words(body)).toEqual(words(entry.abstract));
    expect(body).not.toMatch(/\\[a-z]+\{|\\%|\$/);
  });
});
