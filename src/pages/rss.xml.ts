import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildFeed, describeSiteFeed, requireFeedContext } from '../lib/feed';
import { getPapers, getProfile } from '../lib/papers';

/** The site-wide feed: every paper, newest first. */
export const GET = (async ({ site }) => {
  const channel = describeSiteFeed(getProfile().name);
  return rss(buildFeed(await getPapers(), channel, requireFeedContext(site, import.meta.env.BASE_URL)));
}) satisfies APIRoute;
