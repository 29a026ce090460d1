import { load as loadYaml } from 'js-yaml';
import { toPaper, type Paper } from '../../src/lib/paper';
import { paperSchema, type PaperInput } from '../../src/lib/schema';

/** Builds a validated Paper for unit tests; abstract HTML is a single paragraph of `abstract`. */
export function makePaper(id: string, fields: Partial<PaperInput> = {}, abstract = 'An abstract.'): Paper {
  const data = paperSchema.parse({
    title: id,
    authors: ['Ada Lovelace'],
    date: '2024-01-01',
    category: 'CL',
    ...fields,
  });
  const html = `<p>${abstract.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  return toPaper({ id, filePath: `src/content/papers/${id}.md`, data, body: abstract, html });
}

/** Reads a paper file's text (YAML front matter, then the abstract) into a validated Paper, as the site would. */
export function parsePaperText(id: string, text: string): Paper {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  if (front === undefined || body === undefined) throw new Error(`${id}: no front matter`);
  return toPaper({ id, data: paperSchema.parse(loadYaml(front)), body, html: `<p>${body.trim()}</p>` });
}
