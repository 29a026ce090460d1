import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, SITE_BASE_DIR, SITE_DIR, TEST_BASE_PATH } from './build';

/**
 * Builds the shipped site twice for every test that reads built output: at the domain root (SITE_DIR)
 * and under a base path (SITE_BASE_DIR, served from TEST_BASE_PATH), as a GitHub Pages project site is.
 */
export default function setup(project: TestProject): void {
  // Shared builds of fixture folders (tests/security/shared-build.ts) are made once per run, told apart by this.
  project.provide('buildToken', `${process.pid}-${Date.now()}`);
  for (const [outDir, base] of [
    [SITE_DIR, undefined],
    [SITE_BASE_DIR, TEST_BASE_PATH],
  ] as const) {
    rmSync(outDir, { recursive: true, force: true });
    const result = buildSite({ outDir, base });
    if (result.status !== 0) {
      throw new Error(`astro build of the shipped site (base ${base ?? '/'}) failed:\n${result.output}`);
    }
  }
}
