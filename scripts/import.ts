// npm run import -- refs.bib [more files…] [--force] [--category CL] [--dir src/content/papers]
// Writes one markdown file per BibTeX / RIS / CSL-JSON entry. Never overwrites without --force; skips duplicates.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATEGORY_CODES, type CategoryCode } from '../src/lib/categories';
import {
  ImportFileError,
  convertEntry,
  detectFormat,
  findDuplicate,
  splitEntries,
  type ImportedPaper,
  type PaperIdentity,
} from '../src/lib/import';
import { PAPERS_DIR, listPaperFiles, readPaperFile } from './content-files';

const args = process.argv.slice(2);
const files: string[] = [];
let force = false;
let dir = PAPERS_DIR;
let defaultCategory: CategoryCode | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--force') force = true;
  else if (args[i] === '--dir') dir = args[++i];
  else if (args[i] === '--category') {
    defaultCategory = args[++i]?.replace(/^cs\./i, '').toUpperCase() as CategoryCode;
    if (!CATEGORY_CODES.includes(defaultCategory)) {
      console.error(`--category: unknown category ${args[i]}; use one of ${CATEGORY_CODES.join(', ')}`);
      process.exit(2);
    }
  } else if (args[i].startsWith('--')) {
    console.error(`Unknown option ${args[i]}. Usage: npm run import -- refs.bib [--force] [--category CL] [--dir DIR]`);
    process.exit(2);
  } else files.push(args[i]);
}
if (files.length === 0) {
  console.error('Usage: npm run import -- refs.bib|refs.ris|refs.json [--force] [--category CL] [--dir DIR]');
  process.exit(2);
}

// Parse every input first: a malformed file stops the import before anything is written.
const plans: { file: string; entries: ReturnType<typeof splitEntries> }[] = [];
for (const file of files) {
  try {
    const text = readFileSync(file, 'utf8');
    plans.push({ file, entries: splitEntries(text, detectFormat(file, text), file) });
  } catch (error) {
    const message = error instanceof ImportFileError ? error.message : `${file}: ${(error as Error).message}`;
    console.error(`Error: ${message}\nNothing was written.`);
    process.exit(1);
  }
}

mkdirSync(dir, { recursive: true });
const known: PaperIdentity[] = listPaperFiles(dir).flatMap((path) => {
  const { data, file } = readPaperFile(path);
  return data && typeof data.title === 'string'
    ? [
        {
          source: file,
          title: data.title,
          doi: data.doi as string | undefined,
          arxiv: data.arxiv as string | undefined,
        },
      ]
    : [];
});
const writes: { path: string; paper: ImportedPaper }[] = [];
const counts = { imported: 0, replaced: 0, exists: 0, duplicate: 0, failed: 0 };
const taken = new Set<string>();

for (const { file, entries } of plans) {
  for (const entry of entries) {
    const where = `${basename(file)}:${entry.line}`;
    const result = convertEntry(entry, { defaultCategory });
    if (!('data' in result)) {
      counts.failed++;
      console.log(`✗ ${where}${result.key ? ` (${result.key})` : ''}: ${result.problem}`);
      continue;
    }
    let id = result.id;
    for (let n = 2; taken.has(id); n++) id = `${result.id}-${n}`;
    const path = join(dir, `${id}.md`);
    const exists = existsSync(path);
    const identity = { title: String(result.data.title), doi: result.data.doi, arxiv: result.data.arxiv };
    const duplicate = findDuplicate(
      identity,
      exists && force ? known.filter((k) => !k.source.endsWith(`${id}.md`)) : known,
    );
    if (exists && !force) {
      counts.exists++;
      console.log(`- ${where}: skipped, ${path} exists (use --force to replace it)`);
      continue;
    }
    if (duplicate) {
      counts.duplicate++;
      console.log(`- ${where}: skipped, duplicate of ${duplicate.source} ("${duplicate.title}")`);
      continue;
    }
    taken.add(id);
    known.push({ ...identity, source: `${where}` });
    writes.push({ path, paper: result });
    if (exists) counts.replaced++;
    else counts.imported++;
    const notes = result.warnings.length ? ` (${result.warnings.join('; ')})` : '';
    console.log(`✓ ${where}: ${exists ? 'replaced' : 'wrote'} ${path}${notes}`);
  }
}

// Each file is written whole (temporary file, then rename), so an interrupted import leaves no partial file.
for (const { path, paper } of writes) {
  writeFileSync(`${path}.tmp`, paper.markdown);
  renameSync(`${path}.tmp`, path);
}
console.log(
  `\n${counts.imported} imported, ${counts.replaced} replaced, ${counts.exists} skipped (file exists), ` +
    `${counts.duplicate} skipped (duplicate), ${counts.failed} failed.`,
);
process.exit(counts.failed > 0 ? 1 : 0);
