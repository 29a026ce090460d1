// Reading a folder of paper files (the build's loader and `npm run check` share it): page ids from file names at
// any depth or from `slug`, and every problem named by file and field.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { formatProblems, readPaperFolder } from '../../src/site/paper-folder';
import { BUILD_ROOT } from '../helpers/build';
import { writePaperFolder } from '../helpers/files';
import { TEST_TAXONOMY_OPTIONS } from '../helpers/model';

const schema = createPaperSchema({ taxonomy: createTaxonomy(TEST_TAXONOMY_OPTIONS) });
const fm = (title: string, extra: Record<string, unknown> = {}) => ({
  frontMatter: { type: 'book', title, authors: ['A B'], date: '2020', ...extra },
});

describe('readPaperFolder', () => {
  it('takes the page id from the file name at any depth, or from slug', () => {
    const dir = writePaperFolder(join(BUILD_ROOT, 'folder-ids'), [
      { file: '2022/diffusionbert.md', ...fm('D') },
      { file: 'x.md', ...fm('X', { slug: 'my-paper' }) },
      { file: 'notes.txt', ...fm('not a paper file') },
      { file: 'Llama-3.1.markdown', ...fm('L') },
    ]);
    const { files, problems } = readPaperFolder(dir, BUILD_ROOT, schema);
    expect(problems).toEqual([]);
    expect(files.map((file) => [file.file, file.id])).toEqual([
      ['folder-ids/2022/diffusionbert.md', 'diffusionbert'],
      ['folder-ids/Llama-3.1.markdown', 'llama-3.1'],
      ['folder-ids/x.md', 'my-paper'],
    ]);
  });

  it('reports a slug that another file already has as the id, naming both and the field', () => {
    const dir = writePaperFolder(join(BUILD_ROOT, 'folder-slugs'), [
      { file: 'a.md', ...fm('A') },
      { file: 'b.md', ...fm('B', { slug: 'a' }) },
    ]);
    const { files, problems } = readPaperFolder(dir, BUILD_ROOT, schema);
    expect(files.map((file) => file.id)).toEqual(['a']);
    expect(problems).toEqual([
      {
        file: 'folder-slugs/b.md',
        field: 'slug',
        message:
          'page id "a" is already used by folder-slugs/a.md (both would be /papers/a/); rename one file or give it another slug',
      },
    ]);
    expect(formatProblems(problems)).toBe(
      'Invalid paper file folder-slugs/b.md\n  slug: page id "a" is already used by folder-slugs/a.md (both would be /papers/a/); rename one file or give it another slug',
    );
  });
});
