import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, buildSite } from './helpers/build';

const good = join(ROOT, 'src/content/papers/bbtv2.md');

/** Builds the site from one good paper plus the given files; returns the build's exit status and output. */
function buildWith(name: string, files: Record<string, string>) {
  const dir = join(BUILD_ROOT, `bad-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(good, join(dir, 'bbtv2.md'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return buildSite({ outDir: join(BUILD_ROOT, `out-bad-${name}`), papersDir: dir });
}

const front = (fields: string) => `---\n${fields}\n---\n\nAn abstract.\n`;
const base = 'authors: ["Ada Lovelace"]\ncategory: CL';

describe('bad paper files fail the build, naming the file and the field', () => {
  it('missing title', () => {
    const { status, output } = buildWith('title', { 'no-title.md': front(`${base}\ndate: 2024-01-01`) });
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-title/);
    expect(output).toMatch(/title: title is required/);
  });

  it('impossible date', () => {
    const { status, output } = buildWith('date', { 'bad-date.md': front(`title: T\n${base}\ndate: 2024-02-30`) });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Invalid paper file .*bad-date\.md\n\s+date: "2024-02-30" is not a real calendar date/);
  });

  it('unknown category', () => {
    const { status, output } = buildWith('category', {
      'bad-cat.md': front('title: T\nauthors: ["A"]\ndate: 2024-01-01\ncategory: Physics'),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/bad-cat/);
    expect(output).toMatch(/category: unknown category "PHYSICS"/);
  });

  it('duplicate id', () => {
    const { status, output } = buildWith('duplicate', {
      'other/bbtv2.md': front(`title: T\n${base}\ndate: 2024-01-01`),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/duplicate paper id "bbtv2", already used by .*bbtv2\.md/);
  });
});
