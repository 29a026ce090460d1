import type { APIRoute, GetStaticPaths } from 'astro';
import { getPaperCitations, getPapers } from '../../lib/papers';

export const getStaticPaths = (async () =>
  (await getPapers()).map((paper) => ({ params: { id: paper.id } }))) satisfies GetStaticPaths;

export const GET = (async ({ params }) =>
  new Response((await getPaperCitations(params.id!)).bibtex, {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  })) satisfies APIRoute;
