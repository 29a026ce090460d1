// Every URL of the site comes from src/site/routes: site paths, joined with the base path, made absolute.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_NAMES, EXPORT_LABELS, routes, toAbsoluteUrl, withBase } from '../../src/site/routes';

describe('withBase and toAbsoluteUrl', () => {
  it('join the base path and a site path, with or without slashes', () => {
    expect(withBase('/', 'papers/x/')).toBe('/papers/x/');
    expect(withBase('/bib', '/papers/x/')).toBe('/bib/papers/x/');
    expect(withBase('/bib/', '//papers/x/')).toBe('/bib/papers/x/');
    expect(withBase('/bib/')).toBe('/bib/');
  });

  it('make root-relative links absolute against the site', () => {
    expect(toAbsoluteUrl('https://a.org', withBase('/bib/', routes.paper('x')))).toBe('https://a.org/bib/papers/x/');
    expect(toAbsoluteUrl(new URL('https://a.org/ignored/'), '/rss.xml')).toBe('https://a.org/rss.xml');
    // Non-ASCII slugs are percent-encoded, as feeds and sitemaps need.
    expect(toAbsoluteUrl('https://a.org', withBase('/', routes.facet('authors', '张三')))).toBe(
      'https://a.org/authors/%E5%BC%A0%E4%B8%89/',
    );
  });
});

describe('routes', () => {
  it('give each page, feed and export its path', () => {
    expect(routes.home()).toBe('');
    expect(routes.paper('llama-3.1')).toBe('papers/llama-3.1/');
    expect(routes.paperExport('llama-3.1', 'bib')).toBe('papers/llama-3.1.bib');
    expect(routes.facet('years', '2024')).toBe('years/2024/');
    expect(routes.facetFeed('categories', 'cl')).toBe('categories/cl/rss.xml');
    expect(routes.facetExport('keywords', 'sparse-autoencoders', 'json')).toBe(
      'keywords/sparse-autoencoders/bibliography.json',
    );
    expect(routes.bibliography('ris')).toBe('bibliography.ris');
    expect(routes.siteFeed()).toBe('rss.xml');
    expect(routes.searchFor('a & b')).toBe('search/?q=a%20%26%20b');
    expect(routes.sitemap()).toBe('sitemap-index.xml');
  });

  it('offer the three export formats in one order, with their labels', () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(['bib', 'ris', 'json']);
    expect(EXPORT_FORMAT_NAMES.map((format) => EXPORT_LABELS[format])).toEqual(['BibTeX', 'RIS', 'CSL-JSON']);
  });
});
