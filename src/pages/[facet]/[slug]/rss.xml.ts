import type { APIRoute, GetStaticPaths } from 'astro';
import { siteConfig } from '../../../config';
import { getFacetGroups, getFeedContext } from '../../../site/collection';
import type { FacetGroup } from '../../../site/facets';
import { buildFeed, respondWithFeed, describeListFeed } from '../../../site/feeds';
import { routes } from '../../../site/routes';

export const getStaticPaths = (async () =>
  (await getFacetGroups()).map((group) => ({
    params: { facet: group.facet, slug: group.slug },
    props: { group },
  }))) satisfies GetStaticPaths;

/** The feed of one category, type, keyword or year: its newest papers. */
export const GET = (async ({ props }) => {
  const { group } = props as { group: FacetGroup };
  const path = routes.facet(group.facet, group.slug);
  const channel = describeListFeed(
    group.name,
    siteConfig.profile.name,
    path,
    routes.facetFeed(group.facet, group.slug),
  );
  return respondWithFeed(buildFeed(group.papers, channel, getFeedContext()));
}) satisfies APIRoute;
