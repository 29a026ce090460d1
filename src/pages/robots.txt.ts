import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/collection';
import { routes } from '../site/routes';

/** Allows all crawlers and names the sitemap (with the deploy base path). */
export const GET = (() =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })) satisfies APIRoute;
