import type { APIRoute } from 'astro';
import { siteConfig } from '../config';
import { getFeedContext, getPapers } from '../site/collection';
import { buildFeed, respondWithFeed, describeSiteFeed } from '../site/feeds';
import { routes } from '../site/routes';

/** The site-wide feed: the newest papers. */
export const GET = (async () => {
  const channel = describeSiteFeed(siteConfig.profile.name, routes.home(), routes.siteFeed());
  return respondWithFeed(buildFeed(await getPapers(), channel, getFeedContext()));
}) satisfies APIRoute;
