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
