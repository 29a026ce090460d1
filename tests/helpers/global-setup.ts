import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import {
  buildSite,
  SITE_BASE_DIR,
  SITE_DIR,
  TEST_BASE_PATH,
  TYPED_CONFIG,
  TYPED_PAPERS_DIR,
  TYPED_SITE_DIR,
} from './build';

/**
 * Builds the sites every test of built output reads: the shipped site at the domain root (SITE_DIR) and under a
 * base path (SITE_BASE_DIR, served from TEST_BASE_PATH), as a GitHub Pages project site is; and the typed test site
 * (TYPED_SITE_DIR: a paper of every common type, its own config).
 */
export default function setup(project: TestProject): void {
  // Shared builds of fixture folders (tests/security/shared-build.ts) are made once per run, told apart by this.
  project.provide('buildToken', `${process.pid}-${Date.now()}`);
  for (const [outDir, options] of [
    [SITE_DIR, {}],
    [SITE_BASE_DIR, { base: TEST_BASE_PATH }],
    [TYPED_SITE_DIR, { papersDir: TYPED_PAPERS_DIR, config: TYPED_CONFIG }],
  ] as const) {
    rmSync(outDir, { recursive: true, force: true });
    const result = buildSite({ outDir, ...options });
    if (result.status !== 0) throw new Error(`astro build of ${outDir} failed:\n${result.output}`);
  }
}
