import type { APIRoute } from 'astro';
import { getAbsoluteUrl } from '../lib/papers';

/** Allows all crawlers and names the sitemap (with the deploy base path). */
export const GET = (() =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${getAbsoluteUrl('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })) satisfies APIRoute;
