// The Node.js version rule, kept apart from require-node.mjs so tests can check it without exiting.

/** The oldest Node.js that Astro 7 and Vitest 5 run on. */
export const MINIMUM_NODE = '22.12.0';

/** True when `version` (e.g. "24.21.0" or "v20.20.2") is at least MINIMUM_NODE. */
export function isSupportedNode(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE.split('.').map(Number);
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

/** The message shown when the running Node.js is too old. */
export function describeOldNode(version, execPath) {
  return [
    `Bibshelf needs Node.js >= ${MINIMUM_NODE.replace(/\.0$/, '')}, but this script runs on Node.js ${version} (${execPath}).`,
    'Fix: run `npm ci` (without --ignore-scripts) so the pinned `node` devDependency installs its runtime,',
    'then use the npm scripts (`npm run build`, `npm test`), which put that runtime first on PATH.',
    'Alternatively install Node.js 22.12+ or 24 system-wide.',
  ].join('\n');
}
