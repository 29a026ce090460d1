// The navigation's aria-current: the item a page is ("page"), or the part of the site it belongs to ("true").
import { describe, expect, it } from 'vitest';
import { findNavCurrent } from '../../src/site/nav';
import { routes } from '../../src/site/routes';

describe('findNavCurrent', () => {
  it.each([
    ['', routes.home(), 'page'],
    ['papers/bbtv2/', routes.home(), 'true'],
    ['categories/cl/', routes.home(), 'true'],
    ['types/preprints/', routes.home(), 'true'],
    ['keywords/attention/', routes.home(), 'true'],
    ['years/2024/', routes.home(), 'true'],
    ['authors/', routes.authors(), 'page'],
    ['authors/zhengfu-he/', routes.authors(), 'true'],
    ['people/', routes.people(), 'page'],
    ['search/', routes.search(), 'page'],
    ['search/index.html', routes.search(), 'page'],
  ])('/%s: the %s item is %s', (page, item, expected) => {
    expect(findNavCurrent(item, page)).toBe(expected);
  });

  it.each([
    ['authors/zhengfu-he/', routes.home()],
    ['papers/bbtv2/', routes.authors()],
    ['', routes.authors()],
    ['404.html', routes.home()],
    ['search/', routes.home()],
  ])('/%s is not within the %s item', (page, item) => {
    expect(findNavCurrent(item, page)).toBeUndefined();
  });
});
