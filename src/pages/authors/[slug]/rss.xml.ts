import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildFeed, describeAuthorFeed, requireFeedContext } from '../../../lib/feed';
import type { AuthorGroup } from '../../../lib/paper';
import { getAuthors, getProfile } from '../../../lib/papers';

export const getStaticPaths = (async () => {
  const authors = await getAuthors();
  return authors.map((author) => ({ params: { slug: author.slug }, props: { author } }));
}) satisfies GetStaticPaths;

/** One author's feed: their papers, newest first. */
export const GET = (async ({ site, props }) => {
  const { author } = props as { author: AuthorGroup };
  const channel = describeAuthorFeed(author, getProfile().name);
  return rss(buildFeed(author.papers, channel, requireFeedContext(site, import.meta.env.BASE_URL)));
}) satisfies APIRoute;
