// The one place the deploy target is set. Override per build without editing:
//   SITE_URL=https://me.github.io BASE_PATH=/bib/ npm run build
// SITE_URL is the public origin (canonical URLs, feeds, sitemap, citation metadata);
// BASE_PATH is the folder the site is served from ('/' for a domain of its own).

/** The public origin of the site. */
export const SITE_URL = process.env.SITE_URL || 'https://bibshelf.example.org';

/** The folder the site is served from. */
export const BASE_PATH = process.env.BASE_PATH || '/';
