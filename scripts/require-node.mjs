// Fails fast, with one clear message, when npm scripts would run on a Node.js older than Astro 7 needs.
// `npm ci` installs the `node` devDependency (Node 24), which npm puts first on PATH inside `npm run ...`.
// It is missing when the install ran with --ignore-scripts, or when a tool is called directly
// (node_modules/.bin/vitest), and the system Node (20 on some machines) would then be used silently.
// astro.config.mjs and vitest.config.ts import this file too.
import { describeOldNode, isSupportedNode } from './node-version.mjs';

if (!isSupportedNode(process.versions.node)) {
  console.error(describeOldNode(process.versions.node, process.execPath));
  process.exit(1);
}
