import type { APIRoute, GetStaticPaths } from 'astro';
import { getExports, getPapers } from '../../site/collection';
import { formatPaperExport } from '../../site/exports';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormat } from '../../site/routes';

// One parameter for `<id>.<format>`: a page id may hold dots (llama-3.1), so `[id].[format]` would split it wrongly.
export const getStaticPaths = (async () =>
  (await getPapers()).flatMap((paper) =>
    EXPORT_FORMAT_NAMES.map((format) => ({
      params: { file: `${paper.id}.${format}` },
      props: { id: paper.id, format },
    })),
  )) satisfies GetStaticPaths;

/** One paper's export file: its BibTeX entry, RIS record or CSL-JSON item. */
export const GET = (async ({ props }) => {
  const { id, format } = props as { id: string; format: ExportFormat };
  const body = formatPaperExport((await getExports()).get(id)!, format);
  return new Response(body, { headers: { 'Content-Type': EXPORT_FORMATS[format] } });
}) satisfies APIRoute;
