// Builds of the adversarial fixture folders, each made once per test run however many test files (workers) read
// it: the first worker to ask builds, the others wait for its result. A run is told apart by the token the global
// setup provides; without one (the unit config), each worker builds for itself.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inject } from 'vitest';
import { BUILD_ROOT, buildSite, type BuildResult } from '../helpers/build';
import { writeFolder, type FixtureFile } from './fixtures';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One value per `vitest run`: shared builds made under another token are stale. */
    buildToken: string;
  }
}

/** One shared build: its fixture folder, output folder and the build's result. */
export interface SharedBuild extends BuildResult {
  papersDir: string;
  outDir: string;
}

/** What to build: a name (its folders under tests/.build), the files, and the build's options. */
export interface SharedBuildSpec {
  name: string;
  files: () => FixtureFile[];
  base?: string;
}

const processToken = `process-${process.pid}-${Date.now()}`;

/** The token of this run (see the module comment). */
function runToken(): string {
  try {
    return inject('buildToken') ?? processToken;
  } catch {
    return processToken;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a shared build writes its site. */
export function outDirOf(spec: Pick<SharedBuildSpec, 'name'>): string {
  return join(BUILD_ROOT, `security-${spec.name}`);
}

/** Builds the fixture folder once per run and returns the result (a failed build is a result too). */
export async function getSharedBuild(spec: SharedBuildSpec): Promise<SharedBuild> {
  const token = runToken();
  const papersDir = join(BUILD_ROOT, `security-${spec.name}-papers`);
  const outDir = outDirOf(spec);
  const resultFile = `${outDir}.result.json`;
  const read = (): SharedBuild | undefined => {
    if (!existsSync(resultFile)) return undefined;
    const stored = JSON.parse(readFileSync(resultFile, 'utf8')) as SharedBuild & { token: string };
    return stored.token === token ? stored : undefined;
  };
  const done = read();
  if (done) return done;
  mkdirSync(BUILD_ROOT, { recursive: true });
  const lock = `${outDir}.lock-${token}`;
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    owner = false;
  }
  if (owner) {
    // Locks of earlier runs are stale.
    for (const name of readdirSync(BUILD_ROOT)) {
      if (name.startsWith(`${basename(outDir)}.lock-`) && name !== basename(lock)) {
        rmSync(join(dirname(lock), name), { recursive: true, force: true });
      }
    }
    writeFolder(papersDir, spec.files());
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}.cache`, { recursive: true, force: true });
    const result = buildSite({ outDir, papersDir, base: spec.base });
    const shared: SharedBuild = { ...result, papersDir, outDir };
    writeFileSync(resultFile, JSON.stringify({ ...shared, token }));
    return shared;
  }
  for (let waited = 0; waited < 290_000; waited += 200) {
    const result = read();
    if (result) return result;
    await sleep(200);
  }
  throw new Error(`timed out waiting for the shared build ${spec.name}`);
}
