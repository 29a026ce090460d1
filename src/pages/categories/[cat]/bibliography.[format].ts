import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../../../lib/bibliography';
import { getAbsoluteUrl, getCategories, getCitations } from '../../../lib/papers';
import { categoryPath } from '../../../lib/urls';

export const getStaticPaths = (async () =>
  (await getCategories()).flatMap((category) =>
    Object.keys(BIBLIOGRAPHY_FORMATS).map((format) => ({
      params: { cat: category.code.toLowerCase(), format },
      props: { category },
    })),
  )) satisfies GetStaticPaths;

export const GET = (async ({ params, props }) => {
  const format = params.format as BibliographyFormat;
  const { category } = props;
  const source = `${category.name} (cs.${category.code}) papers, ${getAbsoluteUrl(categoryPath(category.code))}`;
  const body = formatBibliography(category.papers, await getCitations(), format, source);
  return new Response(body, { headers: { 'Content-Type': BIBLIOGRAPHY_FORMATS[format] } });
}) satisfies APIRoute;
