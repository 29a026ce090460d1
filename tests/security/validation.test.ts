// Bad paper files stop the real build and `npm run check` alike, each naming the file and the field: invisible and
// control characters, impossible dates hidden by YAML tricks, TOML, files that are not UTF-8, numeric names,
// misspelt keys, file names that give no page id, two files with one page id. `npm run new -- --author` without a
// value writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { HOSTILE } from './builds';
import { hostileFiles, invalidFiles, invalidFolderExtras } from './fixtures';
import { getSharedBuild, type SharedBuild } from './shared-build';

const INVALID = invalidFiles();
let build: SharedBuild;
let check: { status: number | null; output: string };

/** The block of messages for one file in the build's or the check's output. */
function messagesFor(output: string, name: string, style: 'build' | 'check'): string {
  const lines = output.split('\n');
  const header = style === 'build' ? /^Invalid paper file (.*)$/ : /^✗ (.*)$/;
  const found: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    const match = header.exec(line);
    if (match) {
      current = match[1];
      continue;
    }
    const indented =
      (style === 'build' ? /^ {2}\S/ : /^ {4}\S/).test(line) && !/^\s+(Location|Stack trace):/.test(line);
    if (!indented) current = undefined;
    else if (current !== undefined && current.endsWith(`/${name}`)) found.push(line.trim());
  }
  return found.join('\n');
}

beforeAll(async () => {
  build = await getSharedBuild({ name: 'invalid', files: () => [...INVALID, ...invalidFolderExtras()] });
  const result = spawnSync('npm', ['run', '--silent', 'check:content', '--', build.papersDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  check = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}, 300_000);

describe('a folder of bad paper files', () => {
  it('stops the build (no page written) and fails the check', () => {
    expect(build.status, build.output).not.toBe(0);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
    expect(check.status, check.output).toBe(1);
    expect(check.output).toMatch(new RegExp(`${INVALID.length} errors`));
  });

  for (const bad of INVALID) {
    it(`${bad.name}: "${bad.field}" named, in the build and in the check`, () => {
      for (const [output, style] of [
        [build.output, 'build'],
        [check.output, 'check'],
      ] as const) {
        const messages = messagesFor(output, bad.name, style);
        const line = messages.split('\n').find((message) => message.startsWith(`${bad.field}: `));
        expect(line, `${style} output for ${bad.name}:\n${messages || output}`).toBeDefined();
        expect(line!.slice(bad.field.length + 2)).toMatch(bad.message);
        // Exactly what is wrong, once: no stray problems about fields the file does not have.
        expect(messages.split('\n'), `${style}: ${messages}`).toHaveLength(1);
      }
    });
  }
});

describe('the hostile folder (every file valid, whatever its name, encoding mark or line ends)', () => {
  it('passes `npm run check` as it passes the build', async () => {
    const build = await getSharedBuild(HOSTILE);
    expect(build.status, build.output).toBe(0);
    const result = spawnSync('npm', ['run', '--silent', 'check:content', '--', build.papersDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`${hostileFiles().length} paper files: 0 errors`));
  }, 300_000);
});

describe('npm run new', () => {
  for (const args of [['--author'], ['--author', '--category', 'CL'], ['--author', '  ']]) {
    it(`"${args.join(' ')}" without a value stops with the usage and writes no file`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'bibshelf-new-'));
      try {
        const result = spawnSync('npm', ['run', '--silent', 'new', '--', 'A title', ...args, '--dir', dir], {
          cwd: ROOT,
          encoding: 'utf8',
        });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/--author needs a value/);
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
