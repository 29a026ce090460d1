import { rmSync } from 'node:fs';
import { buildSite, SITE_DIR } from './build';

/** Builds the shipped site once for every test that reads built output. */
export default function setup(): void {
  rmSync(SITE_DIR, { recursive: true, force: true });
  const result = buildSite({ outDir: SITE_DIR });
  if (result.status !== 0) {
    throw new Error(`astro build of the shipped site failed:\n${result.output}`);
  }
}
