import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../lib/bibliography';
import { getAbsoluteUrl, getCitations, getPapers, getProfile } from '../lib/papers';

export const getStaticPaths = (() =>
  Object.keys(BIBLIOGRAPHY_FORMATS).map((format) => ({ params: { format } }))) satisfies GetStaticPaths;

export const GET = (async ({ params }) => {
  const format = params.format as BibliographyFormat;
  const source = `Bibliography of ${getProfile().name}, ${getAbsoluteUrl('')}`;
  const body = formatBibliography(await getPapers(), await getCitations(), format, source);
  return new Response(body, { headers: { 'Content-Type': BIBLIOGRAPHY_FORMATS[format] } });
}) satisfies APIRoute;
