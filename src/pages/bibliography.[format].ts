import type { APIRoute, GetStaticPaths } from 'astro';
import { siteConfig } from '../config';
import { absoluteUrl, getExports, getPapers } from '../site/collection';
import { formatListExport } from '../site/exports';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, routes, type ExportFormat } from '../site/routes';

export const getStaticPaths = (() =>
  EXPORT_FORMAT_NAMES.map((format) => ({ params: { format } }))) satisfies GetStaticPaths;

/** The whole bibliography in one format, newest first. */
export const GET = (async ({ params }) => {
  const format = params.format as ExportFormat;
  const header = `Bibliography of ${siteConfig.profile.name}, ${absoluteUrl(routes.home())}`;
  const body = formatListExport(await getPapers(), await getExports(), format, header);
  return new Response(body, { headers: { 'Content-Type': EXPORT_FORMATS[format] } });
}) satisfies APIRoute;
