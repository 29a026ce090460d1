// Fails fast, with one clear message, when npm scripts would run on a Node.js older than Astro 7 needs.
// `npm ci` installs the `node` devDependency (Node 24), which npm puts first on PATH inside `npm run ...`.
// It is missing when the install ran with --ignore-scripts, or when a tool is called directly
// (node_modules/.bin/astro), and the system Node (20 on some machines) would then be used silently.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = major > 22 || (major === 22 && minor >= 12);
if (!ok) {
  console.error(
    [
      `Bibshelf needs Node.js >= 22.12, but this script runs on Node.js ${process.versions.node} (${process.execPath}).`,
      'Fix: run `npm ci` (without --ignore-scripts) so the pinned `node` devDependency installs its runtime,',
      'then use the npm scripts (`npm run build`, `npm test`), which put that runtime first on PATH.',
      'Alternatively install Node.js 22.12+ or 24 system-wide.',
    ].join('\n'),
  );
  process.exit(1);
}
