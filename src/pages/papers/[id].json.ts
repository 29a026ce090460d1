import type { APIRoute, GetStaticPaths } from 'astro';
import { formatCslJson } from '../../lib/citations';
import { getPaperCitations, getPapers } from '../../lib/papers';

export const getStaticPaths = (async () =>
  (await getPapers()).map((paper) => ({ params: { id: paper.id } }))) satisfies GetStaticPaths;

export const GET = (async ({ params }) =>
  new Response(formatCslJson([(await getPaperCitations(params.id!)).csl]), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  })) satisfies APIRoute;
