// npm run new -- "Title" [--category CL] [--author "Name" …] [--dir src/content/papers]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfig, taxonomy } from '../src/config';
import { scaffoldPaper } from '../src/tools/new';

const USAGE = 'Usage: npm run new -- "Paper title" [--category CL] [--author "Name"]… [--dir DIR]';
const args = process.argv.slice(2);
let title = '';
let dir = siteConfig.papers;
let categoryText = siteConfig.profile.primaryCategory;
const authors: string[] = [];
/** The value after an option; a missing one (or another option) stops with the usage. */
const valueOf = (index: number): string => {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--') || !value.trim()) {
    console.error(`${args[index]} needs a value.\n${USAGE}`);
    process.exit(2);
  }
  return value.trim();
};
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--category') categoryText = valueOf(i++);
  else if (args[i] === '--author') authors.push(valueOf(i++));
  else if (args[i] === '--dir') dir = valueOf(i++);
  else if (!args[i].startsWith('--') && !title) title = args[i].trim();
  else {
    console.error(`Unknown argument ${args[i]}.\n${USAGE}`);
    process.exit(2);
  }
}
if (!title) {
  console.error(USAGE);
  process.exit(2);
}
const category = categoryText ? taxonomy.resolve(categoryText) : undefined;
if (categoryText && !category) {
  console.error(`--category: unknown category ${categoryText}; use ${taxonomy.describe()}`);
  process.exit(2);
}
const { id, markdown } = scaffoldPaper({
  title,
  category,
  authors: authors.length > 0 ? authors : [siteConfig.profile.name],
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
