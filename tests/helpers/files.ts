// Writes paper files for test builds: front matter as an object (dumped as YAML the way an editor would write it) and
// an optional markdown abstract, one file each, into a fresh folder.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORE_SCHEMA, dump } from 'js-yaml';
import type { TestPaper } from './model';

/** The text of one paper file. */
export function formatPaperFile(paper: TestPaper): string {
  const yaml =
    typeof paper.frontMatter === 'string'
      ? paper.frontMatter
      : dump(paper.frontMatter, { schema: CORE_SCHEMA, lineWidth: -1 });
  return `---\n${yaml.trimEnd()}\n---\n\n${paper.abstract ?? ''}\n`;
}

/** Writes the papers into `dir` (emptied first), each under its `file` name or paper-<n>.md. */
export function writePaperFolder(dir: string, papers: readonly TestPaper[]): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  papers.forEach((paper, index) => {
    const path = join(dir, paper.file ?? `paper-${index + 1}.md`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatPaperFile(paper));
  });
  return dir;
}
