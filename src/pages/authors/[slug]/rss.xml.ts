import type { APIRoute, GetStaticPaths } from 'astro';
import { siteConfig } from '../../../config';
import type { AuthorGroup } from '../../../site/authors';
import { getAuthors, getFeedContext } from '../../../site/collection';
import { buildFeed, respondWithFeed, describeListFeed } from '../../../site/feeds';
import { routes } from '../../../site/routes';

export const getStaticPaths = (async () =>
  (await getAuthors()).map((author) => ({
    params: { slug: author.slug },
    props: { author },
  }))) satisfies GetStaticPaths;

/** One author's feed: their newest papers. */
export const GET = (async ({ props }) => {
  const { author } = props as { author: AuthorGroup };
  const channel = describeListFeed(
    author.name,
    siteConfig.profile.name,
    routes.facet('authors', author.slug),
    routes.facetFeed('authors', author.slug),
  );
  return respondWithFeed(buildFeed(author.papers, channel, getFeedContext()));
}) satisfies APIRoute;
