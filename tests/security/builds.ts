// The shared builds of the adversarial suite (each made once per run, see shared-build.ts).
import { beforeAll } from 'vitest';
import { TEST_BASE_PATH } from '../helpers/build';
import { hostileFiles } from './fixtures';
import { getSharedBuild, type SharedBuild, type SharedBuildSpec } from './shared-build';

/** The hostile folder built at the domain root. */
export const HOSTILE: SharedBuildSpec = { name: 'hostile', files: hostileFiles };
/** The same folder built again (determinism). */
export const HOSTILE_AGAIN: SharedBuildSpec = { name: 'hostile-again', files: hostileFiles };
/** The same folder built under the test base path, as a GitHub Pages project site. */
export const HOSTILE_BASE: SharedBuildSpec = { name: 'hostile-base', files: hostileFiles, base: TEST_BASE_PATH };

/** A build that must succeed, made before the describe block's tests run. */
export function useBuild(spec: SharedBuildSpec): { readonly dir: string; readonly build: SharedBuild } {
  let build: SharedBuild | undefined;
  beforeAll(async () => {
    build = await getSharedBuild(spec);
    if (build.status !== 0) throw new Error(`build of ${spec.name} failed:\n${build.output}`);
  }, 300_000);
  return {
    get dir() {
      return build!.outDir;
    },
    get build() {
      return build!;
    },
  };
}
