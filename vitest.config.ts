import { availableParallelism } from 'node:os';
import './scripts/require-node.mjs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Builds the shipped site once into tests/.build/site; every test of built output reads it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Most test time is spent waiting on child processes (astro build, Chromium, bibtex), so two workers pay off
    // even on two cores, where Vitest's default would run one. Test files share their workers' module cache
    // (no test file relies on a fresh module state), which saves importing Astro's and citeproc's modules per file.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
  },
});
