// The shipped site's paper files (src/content/papers) as the build reads them: the real schema, renderer and
// taxonomy, newest first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/domain/paper';
import { readPaperSource } from '../../src/domain/paper-file';
import { ROOT } from './build';
import { makePapers } from './model';

/** The folder of the shipped paper files. */
export const SHIPPED_PAPERS_DIR = join(ROOT, 'src/content/papers');

/** Every shipped paper, built as the site builds it. */
export async function loadShippedPapers(): Promise<Paper[]> {
  const files = readdirSync(SHIPPED_PAPERS_DIR).filter((name) => name.endsWith('.md'));
  return makePapers(
    files.map((file) => {
      const source = readPaperSource(readFileSync(join(SHIPPED_PAPERS_DIR, file), 'utf8'));
      if ('problems' in source) throw new Error(`${file}: ${JSON.stringify(source.problems)}`);
      return { file, frontMatter: source.frontMatter, abstract: source.body };
    }),
  );
}
