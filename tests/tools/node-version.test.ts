// The Node.js version guard every npm script and the build run first (scripts/require-node.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOldNode, isSupportedNode } from '../../scripts/node-version.mjs';
import { ROOT } from '../helpers/build';

describe('Node.js version guard', () => {
  it('accepts 22.12+ and rejects older versions', () => {
    expect(isSupportedNode('24.21.0')).toBe(true);
    expect(isSupportedNode('v22.12.0')).toBe(true);
    expect(isSupportedNode('23.0.0')).toBe(true);
    expect(isSupportedNode('22.11.9')).toBe(false);
    expect(isSupportedNode('20.20.2')).toBe(false);
  });

  it('explains the fix', () => {
    expect(describeOldNode('20.20.2', '/usr/bin/node')).toMatch(
      /needs Node\.js >= 22\.12.*20\.20\.2 \(\/usr\/bin\/node\)[\s\S]*npm ci/,
    );
  });

  it('the tests themselves run on a supported Node.js', () => {
    expect(isSupportedNode(process.versions.node)).toBe(true);
  });

  // The system Node.js on the machines this project targets is 20; when present, prove the guard stops it.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (path) => existsSync(path) && !isSupportedNode(spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim()),
  );
  it.runIf(systemNode)('stops an old system Node.js with one clear message and exit code 1', () => {
    const result = spawnSync(systemNode!, [join(ROOT, 'scripts/require-node.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Bibshelf needs Node\.js >= 22\.12/);
  });
});
