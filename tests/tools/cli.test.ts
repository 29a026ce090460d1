// The editor commands, run for real through npm as an editor runs them: `npm run new` writes a valid paper file once,
// `npm run check:content` (and `npm run check`, which adds astro check) fail on bad files naming file and field.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, buildSite, withBuildLock } from '../helpers/build';
import { loadPage, textOf } from '../helpers/site';

/** Runs `npm run <script> -- args` in the project, as an editor would; returns the exit status and all output. */
function npm(script: string, ...args: string[]) {
  const env = { ...process.env };
  // Vitest's own environment would leak into the commands (NODE_ENV=test, Vite's variables).
  for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'BIBSHELF_PAPERS_DIR', 'BIBSHELF_CONFIG'])
    delete env[name];
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function freshDir(name: string): string {
  const dir = join(BUILD_ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('npm run new', () => {
  it('writes a valid paper file once, refuses to overwrite it, and the file builds', () => {
    const dir = freshDir('new-cli');
    const result = npm('new', 'A New Paper: Title', '--category', 'LG', '--author', 'Ada Lovelace', '--dir', dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`Wrote ${dir}/a-new-paper-title.md.`);
    expect(readdirSync(dir)).toEqual(['a-new-paper-title.md']);
    const text = readFileSync(join(dir, 'a-new-paper-title.md'), 'utf8');
    expect(text).toMatch(/^type: article-journal$/m);
    expect(text).toMatch(/^title: "A New Paper: Title"$/m);
    expect(text).toMatch(/^category: LG$/m);
    expect(text).toMatch(/^authors:\n {2}- "Ada Lovelace"$/m);
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
    const check = npm('check:content', dir);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('1 paper files: 0 errors, 0 warnings.');
    const twice = npm('new', 'A New Paper: Title', '--dir', dir);
    expect(twice.status).toBe(1);
    expect(twice.output).toMatch(/a-new-paper-title\.md already exists; nothing was written/);
    expect(readFileSync(join(dir, 'a-new-paper-title.md'), 'utf8')).toBe(text);
    // The scaffold builds into a page with what it says.
    const outDir = join(BUILD_ROOT, 'new-cli-site');
    const build = buildSite({ outDir, papersDir: dir });
    expect(build.status, build.output).toBe(0);
    const page = loadPage('papers/a-new-paper-title/index.html', outDir);
    expect(textOf(page.querySelector('h1'))).toBe('A New Paper: Title');
    expect(textOf(page.querySelector('.paper-meta .badge--type'))).toBe('Journal article');
    expect(textOf(page.querySelector('.paper-meta .badge--category'))).toBe('LG');
  });

  it('takes the owner as the author by default and refuses what it cannot use, writing nothing', () => {
    const dir = freshDir('new-cli-defaults');
    expect(npm('new', 'Default Author', '--dir', dir).status).toBe(0);
    expect(readFileSync(join(dir, 'default-author.md'), 'utf8')).toMatch(/^authors:\n {2}- "Zhengfu He"$/m);
    const unknown = npm('new', 'X', '--category', 'Physics', '--dir', dir);
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain('--category: unknown category Physics; use an arXiv category');
    const missing = npm('new', '--category');
    expect(missing.status).toBe(2);
    expect(missing.output).toContain('--category needs a value.\nUsage: npm run new -- "Paper title"');
    expect(npm('new').status).toBe(2);
    expect(readdirSync(dir)).toEqual(['default-author.md']);
  });
});

describe('npm run check', () => {
  it('fails on bad files, naming each file and field; passes the shipped content with Scholar advice', () => {
    const dir = freshDir('check-cli');
    writeFileSync(
      join(dir, 'x.md'),
      '---\ntype: article-journal\ntitle: X\nauthors: ["A B"]\ndate: 2024-13-01\ncategory: CL\n---\nAbstract.\n',
    );
    writeFileSync(join(dir, 'y.md'), '---\ntitle: Y\nauthors: ["A B"]\ncategory: XX\n---\nAbstract.\n');
    const bad = npm('check:content', dir);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain(
      '✗ tests/.build/check-cli/x.md\n    date: "2024-13-01" has no month 13 (months are 01 to 12)',
    );
    expect(bad.output).toMatch(/✗ tests\/\.build\/check-cli\/y\.md\n {4}category: unknown category "XX"/);
    expect(bad.output).toMatch(/2 paper files: [2-9] errors, 0 warnings\./);
    // astro check syncs the content layer into .astro/, which a build running meanwhile (another test file) reads.
    const shipped = withBuildLock(() => npm('check'));
    expect(shipped.status, shipped.output).toBe(0);
    expect(shipped.output).toContain('14 paper files: 0 errors, 14 warnings.');
    expect(
      shipped.output.match(/authors: list is truncated \(et al\.\); Google Scholar wants every author/g),
    ).toHaveLength(14);
  });
});
