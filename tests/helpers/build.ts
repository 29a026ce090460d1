import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where test builds go (git-ignored). */
export const BUILD_ROOT = join(ROOT, 'tests/.build');

/** The shipped site, built once by the global setup. */
export const SITE_DIR = join(BUILD_ROOT, 'site');

/** The base path of the second build, as a GitHub Pages project site would use. */
export const TEST_BASE_PATH = '/bib/';

/** The shipped site built with `BASE_PATH=/bib/`, once by the global setup. */
export const SITE_BASE_DIR = join(BUILD_ROOT, 'site-base');

/** The typed test site: a paper of every common type (tests/fixtures/typed-papers), built once by the global setup. */
export const TYPED_SITE_DIR = join(BUILD_ROOT, 'typed-site');

/** The paper files of the typed test site. */
export const TYPED_PAPERS_DIR = join(ROOT, 'tests/fixtures/typed-papers');

/** The site config of the typed test site: grouped by type, five papers per feed. */
export const TYPED_CONFIG = join(ROOT, 'tests/fixtures/configs/typed-site.mjs');

/** The site URL every test build uses (canonical links, feeds). */
export const TEST_SITE_URL = 'https://bibshelf.example.org';

/** Options for one test build of the real site. */
export interface BuildOptions {
  outDir: string;
  /** A folder of paper files to build instead of src/content/papers. */
  papersDir?: string;
  /** Deploy base path, e.g. '/bib/'. */
  base?: string;
  site?: string;
  /** Another site config file (BIBSHELF_CONFIG), relative to the project. */
  config?: string;
}

/** The result of running `astro build`. */
export interface BuildResult {
  status: number | null;
  output: string;
}

// Every build writes the content layer's image imports to the project's one `.astro/content-assets.mjs` and reads
// them back while bundling; two builds at once (test files run in parallel) would read each other's images. Builds
// therefore take turns, through a lock folder (a crashed build's lock goes stale after STALE_LOCK_MS).
const LOCK = join(BUILD_ROOT, '.build-lock');
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `run` while holding the build lock; also for any other command that writes the project's `.astro/` (such as
 * `astro check`, which syncs the content layer).
 */
export function withBuildLock<T>(run: () => T): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      Atomics.wait(pause, 0, 0, 100);
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Runs the real `astro build` (with this process's Node) into its own folder and cache. */
export function buildSite(options: BuildOptions): BuildResult {
  mkdirSync(BUILD_ROOT, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BIBSHELF_CACHE_DIR: `${options.outDir}.cache`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vitest puts Vite's env (BASE_URL='/', MODE, DEV, PROD, SSR) into every test worker's process.env; a child
  // build would inherit them and BASE_URL would override the configured base in import.meta.env.BASE_URL.
  // Vitest also sets NODE_ENV=test, which makes Vite build in development mode (import.meta.env.DEV is true).
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  if (options.papersDir) env.BIBSHELF_PAPERS_DIR = options.papersDir;
  else delete env.BIBSHELF_PAPERS_DIR;
  if (options.base) env.BASE_PATH = options.base;
  else delete env.BASE_PATH;
  if (options.config) env.BIBSHELF_CONFIG = options.config;
  else delete env.BIBSHELF_CONFIG;
  env.SITE_URL = options.site ?? TEST_SITE_URL;
  const result = withBuildLock(() =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', options.outDir], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  // Strip ANSI colours so assertions read plain text.
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output };
}

/** Builds a site that a test file needs (into `tests/.build/<name>`, from scratch); throws with the log if it fails. */
export function buildFixtureSite(name: string, options: Omit<BuildOptions, 'outDir'> = {}): string {
  const outDir = join(BUILD_ROOT, name);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}.cache`, { recursive: true, force: true });
  const result = buildSite({ ...options, outDir });
  if (result.status !== 0) throw new Error(`astro build of ${name} failed:\n${result.output}`);
  return outDir;
}
