// npm run import -- refs.bib [more files…] [--force] [--category CL] [--dir src/content/papers]
// Writes one paper file per BibTeX / RIS / CSL-JSON entry; see src/tools/import.ts for what it checks.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteConfig, taxonomy } from '../src/config';
import { createPaperSchema } from '../src/domain/schema';
import { readPaperFolder, formatProblems } from '../src/site/paper-folder';
import { ImportFileError, planImport, type ImportInput } from '../src/tools/import';

const USAGE = 'Usage: npm run import -- refs.bib|refs.ris|refs.json … [--force] [--category CL] [--dir DIR]';
const args = process.argv.slice(2);
const files: string[] = [];
let force = false;
let dir = siteConfig.papers;
let defaultCategory: string | undefined;
const valueOf = (index: number): string => {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--') || !value.trim()) {
    console.error(`${args[index]} needs a value.\n${USAGE}`);
    process.exit(2);
  }
  return value.trim();
};
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--force') force = true;
  else if (args[i] === '--dir') dir = valueOf(i++);
  else if (args[i] === '--category') defaultCategory = valueOf(i++);
  else if (args[i].startsWith('--')) {
    console.error(`Unknown option ${args[i]}.\n${USAGE}`);
    process.exit(2);
  } else files.push(args[i]);
}
if (files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
if (defaultCategory && !taxonomy.resolve(defaultCategory)) {
  console.error(`--category: unknown category ${defaultCategory}; use ${taxonomy.describe()}`);
  process.exit(2);
}

const schema = createPaperSchema({ taxonomy });
const folder = resolve(dir);
mkdirSync(folder, { recursive: true });
const existing = readPaperFolder(folder, process.cwd(), schema);
if (existing.problems.length > 0) {
  console.error(`${formatProblems(existing.problems)}\nFix the paper files of ${dir} first; nothing was written.`);
  process.exit(1);
}
let plan;
try {
  const inputs: ImportInput[] = files.map((file) => ({ file, bytes: readFileSync(file) }));
  plan = planImport(inputs, existing.files, { schema, taxonomy, force, defaultCategory });
} catch (error) {
  const message = error instanceof ImportFileError ? error.message : String((error as Error).message);
  console.error(`Error: ${message}\nNothing was written.`);
  process.exit(1);
}
// Exit codes are set, never process.exit(): the report can be long, and a pipe (`npm run import | less`, a test)
// would lose what the process had not yet flushed.
console.log(plan.report.join('\n'));
if (plan.blocking.length > 0) {
  console.error(
    `\n${plan.blocking.map((line) => `✗ ${line}`).join('\n')}\nNothing was written: give one of each pair another citationKey.`,
  );
  process.exitCode = 1;
} else {
  // Each file is written whole (temporary file, then rename), so an interrupted import leaves no partial file.
  for (const file of plan.writes) {
    const path = join(folder, `${file.id}.md`);
    writeFileSync(`${path}.tmp`, file.markdown);
    renameSync(`${path}.tmp`, path);
  }
  const { imported, replaced, exists, duplicate, container, failed } = plan.counts;
  console.log(
    `\n${imported} imported, ${replaced} replaced, ${exists} skipped (file exists), ${duplicate} skipped (duplicate), ${container} skipped (not a work: @set, @xdata), ${failed} failed.`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}
