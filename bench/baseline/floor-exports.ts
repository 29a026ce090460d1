// The benchmark floor's export files: three one-line files per paper, the least an export route can write.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

export const getStaticPaths = (async () =>
  (await getCollection('papers')).flatMap((entry) =>
    ['bib', 'ris', 'json'].map((format) => ({ params: { id: entry.id, format }, props: { title: entry.data.title } })),
  )) satisfies GetStaticPaths;

export const GET = (({ props }) => new Response(`${String(props.title)}\n`)) satisfies APIRoute;
