import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildFeed, describeCategoryFeed, requireFeedContext } from '../../../lib/feed';
import type { CategoryGroup } from '../../../lib/paper';
import { getCategories, getProfile } from '../../../lib/papers';

export const getStaticPaths = (async () => {
  const categories = await getCategories();
  return categories.map((category) => ({ params: { cat: category.code.toLowerCase() }, props: { category } }));
}) satisfies GetStaticPaths;

/** One category's feed: its papers, newest first. */
export const GET = (async ({ site, props }) => {
  const { category } = props as { category: CategoryGroup };
  const channel = describeCategoryFeed(category, getProfile().name);
  return rss(buildFeed(category.papers, channel, requireFeedContext(site, import.meta.env.BASE_URL)));
}) satisfies APIRoute;
