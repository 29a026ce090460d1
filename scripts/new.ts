// npm run new -- "Title" [--category CL] [--author "Name" …] [--dir src/content/papers]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_CODES, type CategoryCode } from '../src/lib/categories';
import { parseProfile } from '../src/lib/profile';
import { scaffoldPaper } from '../src/lib/scaffold';
import { PAPERS_DIR } from './content-files';

const args = process.argv.slice(2);
const profile = parseProfile(JSON.parse(readFileSync('src/data/profile.json', 'utf8')));
let title = '';
let dir = PAPERS_DIR;
let category = (profile.primaryCategory ?? 'CL') as CategoryCode;
const authors: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--category') category = args[++i]?.replace(/^cs\./i, '').toUpperCase() as CategoryCode;
  else if (args[i] === '--author') authors.push(args[++i]);
  else if (args[i] === '--dir') dir = args[++i];
  else if (!args[i].startsWith('--') && !title) title = args[i].trim();
  else {
    console.error(`Unknown argument ${args[i]}`);
    process.exit(2);
  }
}
if (!title) {
  console.error('Usage: npm run new -- "Paper title" [--category CL] [--author "Name"]… [--dir DIR]');
  process.exit(2);
}
if (!CATEGORY_CODES.includes(category)) {
  console.error(`--category: unknown category ${category}; use one of ${CATEGORY_CODES.join(', ')}`);
  process.exit(2);
}
const { id, markdown } = scaffoldPaper({
  title,
  category,
  authors: authors.length ? authors : [profile.name],
  today: new Date().toISOString().slice(0, 10),
});
const path = join(dir, `${id}.md`);
if (existsSync(path)) {
  console.error(`${path} already exists; nothing was written. Pick another title or edit that file.`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(path, markdown);
console.log(`Wrote ${path}. Fill in the authors, date and abstract, then run npm run check.`);
