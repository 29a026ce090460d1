import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBLIOGRAPHY_FORMATS, formatPaperExport, type BibliographyFormat } from '../../lib/bibliography';
import { getPaperCitations, getPapers } from '../../lib/papers';

export const getStaticPaths = (async () =>
  (await getPapers()).flatMap((paper) =>
    Object.keys(BIBLIOGRAPHY_FORMATS).map((format) => ({ params: { id: paper.id, format } })),
  )) satisfies GetStaticPaths;

export const GET = (async ({ params }) => {
  const format = params.format as BibliographyFormat;
  const body = formatPaperExport(await getPaperCitations(params.id!), format);
  return new Response(body, { headers: { 'Content-Type': BIBLIOGRAPHY_FORMATS[format] } });
}) satisfies APIRoute;
