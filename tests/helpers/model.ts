// Builds papers the way the build does (the real schema, taxonomy, markdown renderer and sanitizer), for unit tests
// of the formats and site modules.
import { satteri } from '@astrojs/markdown-satteri';
import { toAbstract } from '../../src/domain/html';
import { createPapers, type Paper, type PaperEntry } from '../../src/domain/paper';
import { validatePaperFile } from '../../src/domain/paper-file';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy, type TaxonomyOptions } from '../../src/domain/taxonomy';
import { dump, CORE_SCHEMA } from 'js-yaml';

/** The seed site's taxonomy: arXiv, with cs classes written alone. */
export const TEST_TAXONOMY_OPTIONS: TaxonomyOptions = { arxiv: true, defaultArchive: 'cs', labels: {} };

const renderer = await satteri().createRenderer({ gfm: true, smartypants: true, syntaxHighlight: false });

/** One test paper: front matter as an object (or YAML text) and an optional markdown abstract. */
export interface TestPaper {
  /** File name; defaults to paper-<n>.md. */
  file?: string;
  frontMatter: Record<string, unknown> | string;
  abstract?: string;
}

/** Validates test papers and renders their abstracts as the loader does: the entries the loader stores. */
export async function makePaperEntries(
  files: readonly TestPaper[],
  taxonomy = TEST_TAXONOMY_OPTIONS,
): Promise<PaperEntry[]> {
  const schema = createPaperSchema({ taxonomy: createTaxonomy(taxonomy) });
  return Promise.all(
    files.map(async (file, index) => {
      const name = file.file ?? `paper-${index + 1}.md`;
      const yaml =
        typeof file.frontMatter === 'string' ? file.frontMatter : dump(file.frontMatter, { schema: CORE_SCHEMA });
      const result = validatePaperFile(name, `---\n${yaml}\n---\n\n${file.abstract ?? ''}`, schema);
      if ('problems' in result) {
        throw new Error(`${name}: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
      }
      const html = result.body ? (await renderer.render(result.body, {})).code : '';
      return { id: result.id, file: name, data: result.data, abstract: toAbstract(result.body, html) };
    }),
  );
}

/** Validates and builds papers like the build; throws with every problem when a test file is invalid. */
export async function makePapers(files: readonly TestPaper[], taxonomy = TEST_TAXONOMY_OPTIONS): Promise<Paper[]> {
  return createPapers(await makePaperEntries(files, taxonomy), createTaxonomy(taxonomy));
}

/** One test paper. */
export async function makePaper(frontMatter: TestPaper['frontMatter'], abstract?: string): Promise<Paper> {
  return (await makePapers([{ frontMatter, abstract }]))[0];
}
