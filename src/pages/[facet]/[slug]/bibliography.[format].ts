import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl, getExports, getFacetGroups } from '../../../site/collection';
import { formatListExport } from '../../../site/exports';
import type { FacetGroup } from '../../../site/facets';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, routes, type ExportFormat } from '../../../site/routes';

export const getStaticPaths = (async () =>
  (await getFacetGroups()).flatMap((group) =>
    EXPORT_FORMAT_NAMES.map((format) => ({
      params: { facet: group.facet, slug: group.slug, format },
      props: { group },
    })),
  )) satisfies GetStaticPaths;

/** The papers of one category, type, keyword or year in one export format, newest first. */
export const GET = (async ({ params, props }) => {
  const { group } = props as { group: FacetGroup };
  const format = params.format as ExportFormat;
  const header = `${group.name}, ${absoluteUrl(routes.facet(group.facet, group.slug))}`;
  const body = formatListExport(group.papers, await getExports(), format, header);
  return new Response(body, { headers: { 'Content-Type': EXPORT_FORMATS[format] } });
}) satisfies APIRoute;
