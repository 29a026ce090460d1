import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteConfig } from '../config';
import { getFeedContext, getPapers } from '../site/collection';
import { buildFeed, describeSiteFeed } from '../site/feeds';
import { routes } from '../site/routes';

/** The site-wide feed: the newest papers. */
export const GET = (async () => {
  const channel = describeSiteFeed(siteConfig.profile.name, routes.home(), routes.siteFeed());
  return rss(buildFeed(await getPapers(), channel, getFeedContext()));
}) satisfies APIRoute;
