// `npm test` on a fresh machine: its pretest step (scripts/install-system-deps.sh) installs the Debian packages the
// suite drives, or stops at once with the exact command to run. Run here with stand-in `id`, `sudo` and `apt-get`
// on a PATH that holds none of the tools, so every branch is taken for real.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

const SCRIPT = join(ROOT, 'scripts/install-system-deps.sh');
const EVERY_PACKAGE = 'biber bibutils chromium libxml2-utils texlive-bibtex-extra texlive-binaries texlive-latex-base';
let dir: string | undefined;

/** Runs the script on a PATH of stand-ins: `id -u` prints `uid`; `sudo` and `apt-get` exist when given. */
function run(setup: { uid: number; sudo?: boolean; aptGet?: 'works' | 'fails' }) {
  dir = mkdtempSync(join(tmpdir(), 'bibshelf-deps-'));
  const write = (name: string, body: string) => {
    writeFileSync(join(dir!, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(dir!, name), 0o755);
  };
  symlinkSync(spawnSync('bash', ['-c', 'command -v sort'], { encoding: 'utf8' }).stdout.trim(), join(dir, 'sort'));
  write('id', `echo ${setup.uid}`);
  if (setup.sudo) write('sudo', `echo "sudo $*" >> "${dir}/calls"; "$@"`);
  if (setup.aptGet) write('apt-get', `echo "apt-get $*" >> "${dir}/calls"; exit ${setup.aptGet === 'works' ? 0 : 100}`);
  const result = spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8', env: { PATH: dir } });
  let calls = '';
  try {
    calls = readFileSync(join(dir, 'calls'), 'utf8');
  } catch {
    calls = '';
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('scripts/install-system-deps.sh', () => {
  it('is what `npm test` runs first', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.pretest).toBe('bash scripts/install-system-deps.sh');
  });

  it('finds everything on this machine and says so, installing nothing', () => {
    const result = spawnSync('bash', [SCRIPT], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('system packages: all present\n');
  });

  it('as root, installs exactly the missing packages', () => {
    const result = run({ uid: 0, aptGet: 'works' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toBe(`apt-get update -qq\napt-get install -y -qq ${EVERY_PACKAGE}\n`);
  });

  it('not root, uses sudo', () => {
    const result = run({ uid: 1000, sudo: true, aptGet: 'works' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toMatch(new RegExp(`^sudo apt-get install -y -qq ${EVERY_PACKAGE}$`, 'm'));
  });

  it('not root and no sudo: stops at once with the command to run as root, installing nothing', () => {
    const result = run({ uid: 1000, aptGet: 'works' });
    expect(result.status).toBe(1);
    expect(result.calls).toBe('');
    expect(result.stderr).toContain(`as root, run\n  apt-get update && apt-get install -y ${EVERY_PACKAGE}\n`);
  });

  it('a failed install stops with the command too', () => {
    const result = run({ uid: 0, aptGet: 'fails' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`apt-get update && apt-get install -y ${EVERY_PACKAGE}`);
  });

  it('no apt-get: names what is missing', () => {
    const result = run({ uid: 0 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no apt-get/);
    expect(result.stderr).toContain(EVERY_PACKAGE);
  });
});
